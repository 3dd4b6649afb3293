import { formatDateTime } from '../../kernel/format/datetime.ts';
import { surnameWithInitials as short } from '../../kernel/format/names.ts';
import type { JournalEntry, JournalRow } from './journal.types.ts';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** Column 4 of Appendix 1: when it was issued, whose signature, who issued it. */
export function issueLines(e: JournalEntry, t: T): string[] {
  return [
    formatDateTime(e.issuedAt),
    e.inspectorSignedAt
      ? t(e.signatureMethod === 'own_device' ? 'journal.cell.signedOwnDevice' : 'journal.cell.signed', { name: short(e.inspectorName) })
      : t('journal.cell.pending'),
    t('journal.cell.issuedBy', { name: short(e.issuedByName) }),
  ];
}

/** Column 5: when it came back, the inspector's signature, who received it. */
export function returnLines(e: JournalEntry, t: T): string[] {
  if (!e.returnedAt) return [];
  return [
    formatDateTime(e.returnedAt),
    t('journal.cell.signed', { name: short(e.inspectorName) }),
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
