/**
 * R315-21 (Order 315, points 21–23): corrective and preventive actions (CAPA). A corrective CAPA
 * starts from violations found by production control (point 22), a preventive one from an
 * information source or a forecast (point 23). Causes come from the organisation's taxonomy.
 */
export const CAPA_KINDS = ['corrective', 'preventive'] as const;
export type CapaKind = (typeof CAPA_KINDS)[number];

/**
 * open → measures_in_progress → measures_done → evaluated (effective) → closed; an evaluation "not
 * effective" returns the CAPA to open for new measures (the next round).
 */
export const CAPA_STATUSES = ['open', 'measures_in_progress', 'measures_done', 'evaluated', 'closed'] as const;
export type CapaStatus = (typeof CAPA_STATUSES)[number];

/** Point 23(1): the information sources a preventive CAPA starts from (and a forecast, 23(2)). */
export const CAPA_SOURCES = [
  'inspection_results',
  'process_analysis',
  'work_operations',
  'service_reports',
  'incident_elsewhere',
  'manufacturer_notice',
  'authority_letter',
  'forecast',
] as const;
export type CapaSource = (typeof CAPA_SOURCES)[number];

/** A measure: proposed → approved by the first head's decision (point 22(4)) → done. */
export const CAPA_MEASURE_STATUSES = ['proposed', 'approved', 'done'] as const;
export type CapaMeasureStatus = (typeof CAPA_MEASURE_STATUSES)[number];

/** What a proposal for next year's plan is (point 21); an inspection may become a draft schedule line. */
export const PLAN_PROPOSAL_KINDS = ['inspection', 'measure', 'training', 'other'] as const;
export type PlanProposalKind = (typeof PLAN_PROPOSAL_KINDS)[number];
export const PLAN_PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type PlanProposalStatus = (typeof PLAN_PROPOSAL_STATUSES)[number];

/** The year's CAPA figures, read by the annual analysis (R315-20) and the annual information (R315-26). */
export interface CapaSummary {
  year: number;
  /** Causes recorded in the year, rolled up to their top-level category. */
  causesByCategory: { categoryId: string; code: string; nameKk: string; nameRu: string; nameEn: string; count: number }[];
  capas: {
    opened: number;
    openedCorrective: number;
    openedPreventive: number;
    closed: number;
    evaluatedEffective: number;
    evaluatedNotEffective: number;
    /** Not closed at the end of the year. */
    openAtYearEnd: number;
  };
  /** Proposals for the following year's plan (year + 1). */
  proposals: { forYear: number; pending: number; accepted: number; rejected: number };
}
