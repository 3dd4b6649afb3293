/**
 * The registers of Order 315 (R315-4, R315-6, R315-26): accidents, incidents and accident-caused
 * injuries with their investigation, and the staff training register.
 */

export const ACCIDENT_KINDS = ['accident', 'incident', 'injury'] as const;
export type AccidentKind = (typeof ACCIDENT_KINDS)[number];
export const ACCIDENT_STATUSES = ['registered', 'under_investigation', 'investigated'] as const;
export type AccidentStatus = (typeof ACCIDENT_STATUSES)[number];

export interface CommissionMemberView {
  fullName: string;
  position: string;
  role: 'chair' | 'member';
}

export interface AccidentMeasureView {
  id: string;
  measure: string;
  responsible: string;
  dueOn: string;
  doneOn: string | null;
}

export interface AccidentView {
  id: string;
  number: string;
  kind: AccidentKind;
  facilityId: string;
  facilityName: string;
  unitId: string | null;
  unitName: string | null;
  occurredAt: string;
  place: string;
  description: string;
  consequences: string;
  injured: number;
  fatalities: number;
  status: AccidentStatus;
  extraordinaryInspectionId: string | null;
  registeredByName: string;
  registeredAt: string;
}

export interface AccidentInvestigationView {
  orderNumber: string;
  orderDate: string;
  commission: CommissionMemberView[];
  actNumber: string | null;
  actDate: string | null;
  causes: string | null;
  actFile: { fileName: string; mime: string; size: number } | null;
  completedAt: string | null;
}

export interface AccidentDetail extends AccidentView {
  investigation: AccidentInvestigationView | null;
  measures: AccidentMeasureView[];
}

export const TRAINING_KINDS = ['training', 'retraining', 'knowledge_check'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
/** A person's standing: the latest record in force is valid, runs out within 30 days, or has run out. */
export const TRAINING_STATES = ['valid', 'expiring', 'expired'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];
export const TRAINING_EXPIRY_NOTICE_DAYS = 30;

export interface TrainingRecordView {
  id: string;
  personId: string | null;
  fullName: string;
  position: string;
  facilityId: string | null;
  facilityName: string | null;
  unitId: string | null;
  unitName: string | null;
  kind: TrainingKind;
  programme: string;
  completedOn: string;
  validUntil: string;
  documentNumber: string;
  supersedes: string | null;
  supersededBy: string | null;
  removalProposalId: string | null;
  recordedAt: string;
}

/** One person of the register with the record that decides their state. */
export interface TrainingPersonView {
  key: string;
  fullName: string;
  position: string;
  state: TrainingState;
  current: TrainingRecordView;
}
