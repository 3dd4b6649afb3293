import type { JournalEntryContent } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { startOfDayInZone } from '../../platform/time.ts';
import { DEFAULT_JOURNAL_COLUMNS } from './journal-columns.ts';
import { journalFormColumns, listJournal } from './journal.repository.ts';

export interface JournalLine extends JournalEntryContent {
  seq: number;
  enteredAt: Date;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * R315-12: the journal as written at each completion, in entry order; the act's and instruction's
 * numbers (issued later) are joined in. Period: completion days [from, to] in the organisation's zone.
 */
export async function readJournal(deps: AppDeps, organisationId: string, q: { facilityId?: string; from?: string; to?: string }) {
  if (q.from && q.to && q.from > q.to) throw new AppError('pc.period_invalid', { from: q.from, to: q.to });
  const rows = await listJournal(deps.db, organisationId, {
    facilityId: q.facilityId,
    from: q.from ? startOfDayInZone(q.from) : undefined,
    to: q.to ? startOfDayInZone(nextDay(q.to)) : undefined,
  });
  return rows.map((r): JournalLine => ({
    ...r.entry.content,
    actNumber: r.entry.content.actNumber ?? r.actNumber,
    instructionNumber: r.entry.content.instructionNumber ?? r.instructionNumber,
    seq: r.entry.seq,
    enteredAt: r.entry.enteredAt,
  }));
}

/** The printed journal's columns: the organisation's form definition, else the defaults. */
export const journalColumns = async (deps: AppDeps, organisationId: string) =>
  (await journalFormColumns(deps.db, organisationId)) ?? DEFAULT_JOURNAL_COLUMNS;
