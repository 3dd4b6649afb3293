/**
 * Order 315 (production control at hazardous production facilities): the words shared by server and web.
 */

/** Hazard features of an HPF (the Law on Civil Protection's list of what makes a facility hazardous). */
export const HAZARD_FEATURES = [
  'hazardous_substances',
  'pressure_equipment',
  'lifting_machinery',
  'molten_metals',
  'mining_operations',
  'explosives',
  'gas_supply',
] as const;
export type HazardFeature = (typeof HAZARD_FEATURES)[number];

/** Positions in the production-control service, each appointed by the head's order (R315-3). */
export const PC_POSITIONS = ['service_head', 'official'] as const;
export type PcPosition = (typeof PC_POSITIONS)[number];

/** How grave a checklist question's breach is; `critical` marks what can be dangerous to life. */
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a requirement is written: the normative act and its point. */
export interface NormativeReference {
  act: string;
  point: string;
}

/** A checklist question as published in a version. `id` is stable across versions of one checklist. */
export interface ChecklistQuestion {
  id: string;
  text: string;
  reference: NormativeReference;
  severity: Severity;
}

export const INSPECTION_KINDS = ['scheduled', 'extraordinary', 'comprehensive'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** Answers to a checklist item; `eliminated_confirmed` and `reopened` answer a re-check item (R315-14). */
export const ITEM_OUTCOMES = ['compliant', 'violation', 'not_applicable', 'eliminated_confirmed', 'reopened'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** A violation's life (R315-27); only use cases move it. */
export const VIOLATION_STATUSES = ['open', 'measure_reported', 'verified', 'rechecked'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

export const VIOLATION_EVENTS = [
  'found',
  'eliminated_on_spot',
  'measure_reported',
  'report_rejected',
  'verified',
  'recheck_confirmed',
  'reopened',
  'escalated_performer',
  'escalated_unit_head',
  'escalated_first_head',
] as const;
export type ViolationEvent = (typeof VIOLATION_EVENTS)[number];

/**
 * The deadline of an instruction item (R315-16, R315-17): awaiting the unit head (`pending`), agreed
 * with the unit head, disputed (a proposed date and a reason), or settled by the first head.
 */
export const DEADLINE_AGREEMENTS = ['pending', 'agreed', 'disputed', 'settled'] as const;
export type DeadlineAgreement = (typeof DEADLINE_AGREEMENTS)[number];

/** The head's orders recorded by this rule set (R315-8, R315-17, R315-4, R315-11). */
export const PC_ORDER_KINDS = ['extraordinary_inspection', 'performers', 'instruction_cancellation', 'comprehensive_result'] as const;
export type PcOrderKind = (typeof PC_ORDER_KINDS)[number];

/** One column of a printed form (schedule, journal): which field it shows and its heading in kk and ru. */
export interface FormColumn {
  field: string;
  titleKk: string;
  titleRu: string;
  /** Relative width on the page. */
  width: number;
}

/** The escalation ladder of the monthly check (R315-13): overdue < 30 days → performer, 30–60 → unit head, > 60 or escalated twice → first head. */
export const ESCALATION_STEPS = ['performer', 'unit_head', 'first_head'] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

/** What an instruction's list can be filtered by. */
export const INSTRUCTION_STATUSES = ['issued', 'closed', 'cancelled'] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

/** One open item seen at the monthly check (R315-13) and what was done about it. */
export interface MonthlyCheckLine {
  violationId: string;
  /** The instruction item it stands in, as printed (Н-2026/014 № 3). */
  instructionId?: string;
  instructionNumber?: string;
  position?: number;
  status: ViolationStatus;
  dueOn: string | null;
  overdue: boolean;
  daysOverdue?: number;
  /** What the ladder suggested, and the step the official took this month, if any. */
  suggested?: EscalationStep | null;
  escalatedTo: EscalationStep | null;
  note: string;
}

/** What a journal entry records about an inspection, frozen when the inspection is completed (R315-12). */
export interface JournalEntryContent {
  inspectionId: string;
  kind: InspectionKind;
  facility: string;
  unit: string | null;
  official: string;
  startedAt: string;
  completedAt: string;
  items: number;
  violations: number;
  dangerous: number;
  recheckedConfirmed: number;
  reopened: number;
  conclusion: string;
  actNumber: string | null;
  instructionNumber: string | null;
}
