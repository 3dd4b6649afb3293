import type { JournalEntryRow } from './journal.repository.ts';

/**
 * The values of a journal entry as the ledger records them. Every journal
 * action puts the resulting snapshot in its ledger payload, so the table can be
 * checked against the ledger (verifyJournalAgainstLedger).
 */
export function entrySnapshot(e: JournalEntryRow) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    entryId: e.id,
    journalId: e.journalId,
    number: e.number,
    recorderId: e.recorderId,
    inventoryNumber: e.inventoryNumber,
    inspectorId: e.inspectorId,
    inspectorName: e.inspectorName,
    activityId: e.activityId,
    issuedAt: iso(e.issuedAt),
    issuedBy: e.issuedBy,
    issuedByName: e.issuedByName,
    inspectorSignedAt: iso(e.inspectorSignedAt),
    signatureMethod: e.signatureMethod,
    batteryPercent: e.batteryPercent,
    clockConfirmed: e.clockConfirmed,
    clockOffsetSeconds: e.clockOffsetSeconds,
    note: e.note,
    returnedAt: iso(e.returnedAt),
    returnReceivedBy: e.returnReceivedBy,
    returnReceivedByName: e.returnReceivedByName,
    returnCondition: e.returnCondition,
    returnNote: e.returnNote,
    struckAt: iso(e.struckAt),
    struckBy: e.struckBy,
    struckByName: e.struckByName,
    strikeReason: e.strikeReason,
    correctsEntryId: e.correctsEntryId,
    signatureCarriedFrom: e.signatureCarriedFrom,
  };
}
export type EntrySnapshot = ReturnType<typeof entrySnapshot>;
