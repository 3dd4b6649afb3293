import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { closeJournalRow, findJournal, findOpenJournal, insertJournal } from './journal.repository.ts';

/** R444-9: a journal book registered in the chancellery; one open at a time. */
export async function openJournal(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  input: { registrationNumber: string; registrationDate: string; startedOn: string },
) {
  const row = { id: randomUUID(), organisationId, ...input };
  await deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const open = await findOpenJournal(tx, organisationId);
    if (open) throw new AppError('journal.already_open', { registrationNumber: open.registrationNumber });
    await insertJournal(tx, row);
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'journal.opened', subjectType: 'journal', subjectId: row.id, payload: input },
      deps.now(),
    );
  });
  return row;
}

/** Closing records the end date and the certified number of sheets for the last page. */
export async function closeJournal(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  journalId: string,
  input: { endedOn: string; sheetCount: number },
) {
  await deps.db.transaction(async (tx) => {
    const j = await findJournal(tx, organisationId, journalId);
    if (!j) throw new AppError('journal.not_found');
    if (j.endedOn) throw new AppError('journal.already_closed');
    if (input.endedOn < j.startedOn) throw new AppError('journal.period_invalid');
    await closeJournalRow(tx, journalId, input.endedOn, input.sheetCount);
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'journal.closed', subjectType: 'journal', subjectId: journalId, payload: input },
      deps.now(),
    );
  });
}
