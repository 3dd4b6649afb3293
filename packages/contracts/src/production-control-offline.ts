/** Order 315 issue 18: records made in the field without network, synced later with per-item receipts. */
export const OFFLINE_RECORD_KINDS = ['answer', 'photo', 'acknowledgement'] as const;
export type OfflineRecordKind = (typeof OFFLINE_RECORD_KINDS)[number];

/** The server's receipt for one field record; re-sending the record returns the same receipt. */
export interface OfflineReceipt {
  receiptId: string;
  clientId: string;
  kind: OfflineRecordKind;
  /** The answered item, the finding's attachment, or the acknowledgement. */
  subjectId: string;
  violationId: string | null;
  sha256: string | null;
  recordedAt: string;
  receivedAt: string;
}
