import { formatDateTime } from '../../kernel/format/datetime.ts';
import { surnameWithInitials as short } from '../../kernel/format/names.ts';
import type { JournalEntry, JournalRow } from './journal.types.ts';

type T = (key: string, opts?: Record<string, unknown>) => string;

/**
 * Whose signature, and where it was given (R444-8, R444-9): a correction that kept the signer says the
 * signature was carried over from entry N; one with a new holder shows that holder's signature of the correction.
 */
function signatureLine(e: JournalEntry, byId: Map<string, JournalEntry>, t: T): string {
  const name = short(e.inspectorName);
  if (!e.inspectorSignedAt) return t('journal.cell.pending');
  const from = e.signatureCarriedFrom ? byId.get(e.signatureCarriedFrom) : undefined;
  if (e.signatureCarriedFrom) return t('journal.cell.signatureCarried', { name, number: from?.number ?? '?' });
  if (e.correctsEntryId) return t('journal.cell.signedCorrection', { name, at: formatDateTime(e.inspectorSignedAt) });
  return t(e.signatureMethod === 'own_device' ? 'journal.cell.signedOwnDevice' : 'journal.cell.signed', { name });
}

/** Column 4 of Appendix 1: when it was issued, whose signature, who issued it. */
export function issueLines(e: JournalEntry, t: T, byId: Map<string, JournalEntry> = new Map()): string[] {
  return [formatDateTime(e.issuedAt), signatureLine(e, byId, t), t('journal.cell.issuedBy', { name: short(e.issuedByName) })];
}

/** Column 5: when it came back, the inspector's signature, who received it. */
export function returnLines(e: JournalEntry, t: T, byId: Map<string, JournalEntry> = new Map()): string[] {
  if (!e.returnedAt) return [];
  // A return copied from the struck entry was signed there, or is covered by the correction's own signature.
  const corrected = e.correctsEntryId ? byId.get(e.correctsEntryId) : undefined;
  const copied = corrected?.returnedAt === e.returnedAt;
  return [
    formatDateTime(e.returnedAt),
    copied ? signatureLine(e, byId, t) : t('journal.cell.signed', { name: short(e.inspectorName) }),
    t('journal.cell.receivedBy', { name: short(e.returnReceivedByName ?? '') }),
  ];
}

/** Column 6, "note": battery, clock check, the notes, breakages reported while out, a damaged return, and the correction remark. */
export function noteLines(e: JournalEntry & Partial<Pick<JournalRow, 'breakages'>>, byId: Map<string, JournalEntry>, t: T): string[] {
  const lines = [
    `${t('journal.note.battery', { battery: e.batteryPercent })}; ${t('journal.note.clock', { offset: e.clockOffsetSeconds })}`,
  ];
  if (e.note) lines.push(e.note);
  for (const b of e.breakages ?? [])
    lines.push(t('journal.note.breakage', { at: formatDateTime(b.reportedAt), description: b.description }));
  if (e.returnCondition === 'damaged') lines.push(t('journal.note.damaged'));
  if (e.returnNote) lines.push(e.returnNote);
  const corrected = e.correctsEntryId ? byId.get(e.correctsEntryId) : undefined;
  if (corrected)
    lines.push(
      t('journal.note.correctionOf', {
        number: corrected.number,
        reason: corrected.strikeReason ?? '',
        name: short(corrected.struckByName ?? ''),
      }),
    );
  return lines;
}
