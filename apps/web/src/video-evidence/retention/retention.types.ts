/** A recording as the retention review shows it (R444-12): kept until `retainUntil` inclusive, due the day after. */
export interface RetentionRecording {
  id: string;
  sha256: string;
  size: number;
  originalName: string;
  startedAt: string | null;
  /** Calendar date yyyy-mm-dd in the organisation's zone. */
  retainUntil: string;
  retentionYears: number;
  coveredByPoint12: boolean;
  inventoryNumber: string;
  journalEntryId: string | null;
  journalEntryNumber: number | null;
  activityId: string | null;
  activityReference: string | null;
  activityType: string | null;
  held: boolean;
}

/** A deletion act (R444-6, R444-12): one batch deleted by the responsible person. */
export interface DeletionAct {
  id: string;
  number: string;
  executedBy: string;
  executedAt: string;
  recordingCount: number;
  totalBytes: number;
  contentHash: string;
}

/** A legal hold: placed by the head (or by a court package), lifted only by the head with a reason. */
export interface LegalHold {
  id: string;
  recordingId: string;
  source: 'head' | 'package';
  packageId: string | null;
  reason: string;
  reference: string;
  placedBy: string;
  placedAt: string;
  liftedBy: string | null;
  liftedAt: string | null;
  liftReason: string | null;
}
