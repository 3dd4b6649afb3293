import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findActivity } from '../activities/activities.repository.ts';
import { lockRecorder } from '../recorders/recorders.usecases.ts';
import { setRecorderStatus, type RecorderRow } from '../recorders/recorders.repository.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { completeEntry, findEntry, findOpenJournal, insertEntry, nextEntryNumber, openEntryForRecorder } from './journal.repository.ts';
import { entrySnapshot } from './journal.snapshot.ts';

import { assertBatteryForIssue, assertInspectorAssigned, takeInspectorSignature, type InspectorSignature } from './journal.rules.ts';

export interface IssueInput {
  recorderId: string;
  inspectorId: string;
  activityId: string;
  batteryPercent: number;
  clockConfirmed: boolean;
  clockOffsetSeconds?: number;
  note?: string;
  signature: InspectorSignature;
}

/** Why a recorder cannot be handed out, as the error the user sees. */
export async function assertIssuable(tx: DbOrTx, r: RecorderRow) {
  const details = { inventoryNumber: r.inventoryNumber };
  if (r.status === 'broken') throw new AppError('recorder.broken', details);
  if (r.status === 'under_repair') throw new AppError('recorder.under_repair', details);
  if (r.status === 'written_off') throw new AppError('recorder.written_off', details);
  const open = await openEntryForRecorder(tx, r.id);
  if (r.status === 'issued' || open) throw new AppError('recorder.already_issued', { ...details, entryNumber: open?.number ?? '?' });
}

/**
 * R444-8: the responsible person issues a recorder before the activity against
 * the inspector's signature; R444-20 battery check; R444-17 clock check.
 */
export async function issueRecorder(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: IssueInput) {
  assertBatteryForIssue(deps, input.batteryPercent);
  if (!input.clockConfirmed) throw new AppError('journal.clock_not_confirmed');
  const activity = await findActivity(deps.db, organisationId, input.activityId);
  if (!activity) throw new AppError('activity.not_found');
  assertInspectorAssigned(activity, input.inspectorId);
  const inspector = await findUserById(deps.db, input.inspectorId);
  const issuer = await findUserById(deps.db, actor.id);
  if (!inspector || !issuer) throw new AppError('user.not_found');
  // Check the signature before taking locks: a wrong password must not hold the journal.
  const signed = await takeInspectorSignature(deps, input.inspectorId, input.signature, deps.now());

  return deps.db.transaction(async (tx) => {
    const journal = await findOpenJournal(tx, organisationId, true);
    if (!journal) throw new AppError('journal.none_open');
    const recorder = await lockRecorder(tx, organisationId, input.recorderId);
    await assertIssuable(tx, recorder);
    const now = deps.now();
    const row = {
      id: randomUUID(),
      organisationId,
      journalId: journal.id,
      number: await nextEntryNumber(tx, journal.id),
      recorderId: recorder.id,
      inventoryNumber: recorder.inventoryNumber,
      inspectorId: inspector.id,
      inspectorName: inspector.fullName,
      activityId: activity.id,
      issuedAt: now,
      issuedBy: issuer.id,
      issuedByName: issuer.fullName,
      signatureMethod: signed.signatureMethod,
      // Signed at the counter: the signature and the issue are one moment.
      inspectorSignedAt: signed.inspectorSignedAt ? now : null,
      batteryPercent: input.batteryPercent,
      clockConfirmed: true,
      clockOffsetSeconds: input.clockOffsetSeconds ?? 0,
      note: input.note ?? '',
    };
    await insertEntry(tx, row);
    await setRecorderStatus(tx, recorder.id, 'issued');
    const saved = (await findEntry(tx, organisationId, row.id))!;
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'journal.recorder_issued',
        subjectType: 'journal_entry',
        subjectId: row.id,
        payload: entrySnapshot(saved),
      },
      now,
    );
    return saved;
  });
}

/** The inspector confirms a pending issue on their own device (their session is the signature). */
export async function confirmIssue(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, entryId: string) {
  return deps.db.transaction(async (tx) => {
    const e = await findEntry(tx, organisationId, entryId, true);
    if (!e || e.inspectorId !== actor.id) throw new AppError('journal.entry_not_found');
    if (e.inspectorSignedAt || e.struckAt) throw new AppError('journal.not_pending');
    await completeEntry(tx, e.id, { inspectorSignedAt: deps.now() });
    const saved = (await findEntry(tx, organisationId, e.id))!;
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'journal.issue_signed',
        subjectType: 'journal_entry',
        subjectId: e.id,
        payload: entrySnapshot(saved),
      },
      deps.now(),
    );
    return saved;
  });
}
