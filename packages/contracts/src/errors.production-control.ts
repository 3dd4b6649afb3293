/** Order 315 errors, with their HTTP status (messages: packages/i18n, the production-control part). */
export const PRODUCTION_CONTROL_ERRORS = {
  // Setup: facilities, units, officials, checklists, schedule, forms.
  'pc.facility_not_found': 404,
  // The inspection: brief, items, violations, proposals, journal.
  'pc.inspection_not_found': 404,
  // After the inspection: acts, instructions, orders, measures, verification, monthly checks.
  'pc.instruction_not_found': 404,
  // — issuing (R315-15, R315-16)
  'pc.act_not_found': 404,
  'pc.act_exists': 409,
  'pc.act_inspection_not_completed': 409,
  'pc.act_issuer_invalid': 403,
  'pc.act_unit_invalid': 400,
  'pc.act_unit_head_vacant': 409,
  'pc.act_date_invalid': 400,
  'pc.instruction_violations_missing': 400,
  'pc.instruction_violation_invalid': 400,
  'pc.instruction_performer_invalid': 400,
  'pc.instruction_deadline_invalid': 400,
  'pc.instruction_item_not_found': 404,
  'pc.instruction_state_invalid': 409,
  // — deadlines and performers (R315-17)
  'pc.deadline_not_unit_head': 403,
  'pc.deadline_agreement_state_invalid': 409,
  'pc.deadline_proposal_invalid': 400,
  'pc.order_not_found': 404,
  'pc.order_number_taken': 409,
  'pc.order_date_invalid': 400,
  'pc.performers_order_nothing_pending': 409,
  // — cancellation (R315-4)
  'pc.first_head_only': 403,
  'pc.cancel_reason_required': 400,
  // — closure (R315-27)
  'pc.measure_performer_order_missing': 409,
  'pc.measure_not_performer': 403,
  'pc.measure_state_invalid': 409,
  'pc.measure_evidence_required': 400,
  'pc.evidence_not_found': 404,
  'pc.evidence_type_invalid': 415,
  'pc.evidence_too_large': 413,
  'pc.evidence_content_mismatch': 415,
  'pc.evidence_empty': 400,
  'pc.verify_out_of_scope': 403,
  'pc.reject_reason_required': 400,
  'pc.instruction_items_unverified': 409,
  // — monthly follow-up (R315-13)
  'pc.monthly_month_invalid': 400,
  'pc.monthly_check_exists': 409,
  'pc.monthly_not_appointed': 403,
  'pc.monthly_lines_mismatch': 400,
  'pc.monthly_escalation_not_overdue': 400,
} as const;
