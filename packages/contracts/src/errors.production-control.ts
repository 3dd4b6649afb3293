/** Order 315 errors, with their HTTP status (messages: packages/i18n, the production-control part). */
export const PRODUCTION_CONTROL_ERRORS = {
  // Setup: facilities, units, officials, checklists, schedule, forms.
  'pc.facility_not_found': 404,
  // The inspection: brief, items, violations, proposals, journal.
  'pc.inspection_not_found': 404,
  // After the inspection: acts, instructions, orders, measures, verification, monthly checks.
  'pc.instruction_not_found': 404,
} as const;
