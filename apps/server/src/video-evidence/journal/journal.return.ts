import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { verifySignerCredentials } from '../../kernel/auth/auth.usecases.ts';
import { notifyHeadAndResponsible } from '../../kernel/notifications/notify.ts';
import { insertBreakageReport, setRecorderStatus } from '../recorders/recorders.repository.ts';
import { lockRecorder } from '../recorders/recorders.usecases.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { completeEntry, findEntry, openEntryForRecorder } from './journal.repository.ts';
import { entrySnapshot } from './journal.snapshot.ts';
import type { RETURN_CONDITIONS } from './journal.table.ts';

export interface ReturnInput {
  returnedAt?: string;
  condition: (typeof RETURN_CONDITIONS)[number];
  note?: string;
  signature: { login: string; password: string; totpCode?: string };
}

/**
 * R444-10: the inspector returns the recorder to the responsible person; both
 * sign. A damaged recorder goes to "broken" with a breakage report (R444-20).
 */
export async function returnRecorder(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  recorderId: string,
  input: ReturnInput,
) {
  const now = deps.now();
  const returnedAt = input.returnedAt ? new Date(input.returnedAt) : now;
  if (returnedAt > now) throw new AppError('journal.return_before_issue');
  const receiver = await findUserById(deps.db, actor.id);
  if (!receiver) throw new AppError('user.not_found');

  const pre = await openEntryForRecorder(deps.db, recorderId);
  if (pre) await verifySignerCredentials(deps, pre.inspectorId, input.signature);

  return deps.db.transaction(async (tx) => {
    const recorder = await lockRecorder(tx, organisationId, recorderId);
    const open = await openEntryForRecorder(tx, recorderId);
    if (!open || open.id !== pre?.id) throw new AppError('recorder.not_issued', { inventoryNumber: recorder.inventoryNumber });
    if (!open.inspectorSignedAt) throw new AppError('journal.signature_pending');
    if (returnedAt < open.issuedAt) throw new AppError('journal.return_before_issue');
    await completeEntry(tx, open.id, {
      returnedAt,
      returnReceivedBy: receiver.id,
      returnReceivedByName: receiver.fullName,
      returnCondition: input.condition,
      returnNote: input.note ?? '',
    });
    if (input.condition === 'damaged' && recorder.status === 'issued') {
      const report = {
        id: randomUUID(),
        organisationId,
        recorderId,
        reportedBy: actor.id,
        reportedAt: now,
        description: input.note || '—',
        journalEntryId: open.id,
      };
      await insertBreakageReport(tx, report);
      await notifyHeadAndResponsible(
        tx,
        organisationId,
        'recorder.breakage_reported',
        { recorderId, inventoryNumber: recorder.inventoryNumber, description: report.description, reportId: report.id },
        now,
      );
    }
    // A recorder that broke while out stays broken; otherwise it goes back to storage.
    const status = input.condition === 'damaged' || recorder.status === 'broken' ? 'broken' : 'in_storage';
    await setRecorderStatus(tx, recorderId, status);
    // Recording that ended well before the return is judged once the return is known (R444-17).
    await enqueueJob(
      tx,
      'continuity.check',
      { organisationId, journalEntryId: open.id },
      { dedupeKey: `continuity-return:${open.id}`, runAt: now },
    );
    const saved = (await findEntry(tx, organisationId, open.id))!;
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'journal.recorder_returned',
        subjectType: 'journal_entry',
        subjectId: open.id,
        payload: { ...entrySnapshot(saved), recorderStatus: status },
      },
      now,
    );
    return saved;
  });
}
