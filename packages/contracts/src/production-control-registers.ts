/**
 * R315-4, R315-6, R315-26: the registers of technical devices, buildings and structures (with their
 * examinations) and of plans (the plan of industrial-safety measures, accident-response plans) as the
 * API returns them.
 */
export const TECHNICAL_OBJECT_KIND_CODES = ['device', 'building', 'structure'] as const;
export type TechnicalObjectKindCode = (typeof TECHNICAL_OBJECT_KIND_CODES)[number];
export const EXAMINATION_KIND_CODES = ['technical_examination', 'certification', 'expertise', 'diagnostics'] as const;
export type ExaminationKindCode = (typeof EXAMINATION_KIND_CODES)[number];
export const EXAMINATION_RESULT_CODES = ['fit', 'fit_with_conditions', 'unfit'] as const;
export type ExaminationResultCode = (typeof EXAMINATION_RESULT_CODES)[number];
/** An object's state for one kind, from its latest examination: unfit, overdue, due within 30 days, valid. */
export type ExaminationStateCode = 'valid' | 'due_soon' | 'overdue' | 'unfit';

interface PersonRef {
  id: string;
  fullName: string;
}

export interface TechnicalExamination {
  id: string;
  kind: ExaminationKindCode;
  performedOn: string;
  nextDueOn: string;
  result: ExaminationResultCode;
  performedBy: string;
  documentNumber: string;
  recordedBy: PersonRef;
  recordedAt: string;
}

export interface TechnicalObject {
  id: string;
  kind: TechnicalObjectKindCode;
  name: string;
  registrationNumber: string;
  facilityId: string;
  facility: string;
  unitId: string | null;
  unit: string | null;
  manufacturer: string;
  serialNumber: string;
  commissionedOn: string | null;
  decommissionedOn: string | null;
  state: ExaminationStateCode | 'none' | 'decommissioned';
  kinds: { kind: ExaminationKindCode; state: ExaminationStateCode; daysLeft: number; latest: TechnicalExamination }[];
}

/** Shown to the head at the top of the register: an unfit object, or a device whose examination is overdue. */
export interface TechnicalAlert {
  objectId: string;
  name: string;
  registrationNumber: string;
  facility: string;
  examinationKind: ExaminationKindCode;
  state: 'unfit' | 'overdue';
  nextDueOn: string;
}

export const PLAN_KIND_CODES = ['safety_measures', 'accident_response'] as const;
export type PlanKindCode = (typeof PLAN_KIND_CODES)[number];
export type PlanValidity = 'not_in_force' | 'valid' | 'expiring' | 'expired';

export interface PlanMeasure {
  id: string;
  ordinal: number;
  measure: string;
  facilityId: string | null;
  facility: string | null;
  responsible: string;
  dueOn: string;
  state: 'open' | 'overdue' | 'done';
  completion: { doneOn: string; note: string; recordedBy: PersonRef; recordedAt: string } | null;
}

export interface PlanVersion {
  id: string;
  version: number;
  summary: string;
  validFrom: string | null;
  validUntil: string | null;
  file: { sha256: string; mime: string; size: number; fileName: string } | null;
  submittedBy: PersonRef;
  submittedAt: string;
  approval: { approvedBy: PersonRef; approvedAt: string; orderNumber: string | null } | null;
  measures: PlanMeasure[];
}

export interface PlanDocument {
  id: string;
  kind: PlanKindCode;
  year: number | null;
  facilityId: string | null;
  facility: string | null;
  title: string;
  /** The version in force (the latest approved), and the latest one waiting for approval. */
  inForce: number | null;
  pending: number | null;
  /** Accident-response plans only. */
  validity: PlanValidity | null;
  measures: { total: number; done: number; overdue: number };
  versions: PlanVersion[];
}
