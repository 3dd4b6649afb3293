export interface Journal {
  id: string;
  registrationNumber: string;
  registrationDate: string;
  startedOn: string;
  endedOn: string | null;
  sheetCount: number | null;
}

/** One row of Appendix 1; struck rows stay, a correction points to the row it replaces (R444-9). */
export interface JournalEntry {
  id: string;
  journalId: string;
  number: number;
  recorderId: string;
  inventoryNumber: string;
  inspectorId: string;
  inspectorName: string;
  activityId: string;
  issuedAt: string;
  issuedByName: string;
  inspectorSignedAt: string | null;
  signatureMethod: 'credentials_at_counter' | 'own_device';
  batteryPercent: number;
  clockConfirmed: boolean;
  clockOffsetSeconds: number;
  note: string;
  returnedAt: string | null;
  returnReceivedByName: string | null;
  returnCondition: 'serviceable' | 'damaged' | null;
  returnNote: string | null;
  struckAt: string | null;
  struckByName: string | null;
  strikeReason: string | null;
  correctsEntryId: string | null;
  /** A correction that kept the signer: the entry where the signature was given (R444-9). */
  signatureCarriedFrom: string | null;
}

/** A row of the journal table: the entry, breakages reported under it and whether its recordings arrived (R444-11/20). */
export interface JournalRow extends JournalEntry {
  breakages: { reportedAt: string; description: string }[];
  recordings: number;
  uploadState: 'waiting_for_dock' | 'uploading' | 'all_verified' | 'files_missing';
}

export interface Credentials {
  login: string;
  password: string;
  totpCode?: string;
}

export type IssueSignature = ({ method: 'credentials_at_counter' } & Credentials) | { method: 'own_device' };

export interface IssueInput {
  recorderId: string;
  inspectorId: string;
  activityId: string;
  batteryPercent: number;
  clockConfirmed: boolean;
  clockOffsetSeconds?: number;
  note?: string;
  signature: IssueSignature;
}

export interface ReturnInput {
  condition: 'serviceable' | 'damaged';
  note?: string;
  signature: Credentials;
}

export interface Correction {
  recorderId?: string;
  inspectorId?: string;
  activityId?: string;
  batteryPercent?: number;
  clockOffsetSeconds?: number;
  note?: string;
  /** The new holder's own signature, required when the correction names another inspector (R444-8). */
  signature?: IssueSignature;
}

export interface OverdueReturn {
  entry: JournalEntry;
  plannedEnd: string;
  referenceNumber: string;
}

/** The entry under which a recorder is out: not returned and not struck. */
export const isOpenEntry = (e: JournalEntry) => e.returnedAt === null && e.struckAt === null;
