import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findActivity } from '../activities/activities.repository.ts';
import { setRecorderStatus } from '../recorders/recorders.repository.ts';
import { lockRecorder } from '../recorders/recorders.usecases.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { assertIssuable } from './journal.issue.ts';
import {
  assertBatteryForIssue,
  assertInspectorAssigned,
  takeInspectorSignature,
  type InspectorSignature,
  type SignatureColumns,
} from './journal.rules.ts';
import type { JournalEntryRow } from './journal.repository.ts';
import { completeEntry, findEntry, findJournal, nextEntryNumber, insertEntry } from './journal.repository.ts';
import { entrySnapshot } from './journal.snapshot.ts';

export interface Correction {
  recorderId?: string;
  inspectorId?: string;
  activityId?: string;
  batteryPercent?: number;
  clockOffsetSeconds?: number;
  note?: string;
  /** The new holder's own signature; required when inspectorId names someone else (R444-8). */
  signature?: InspectorSignature;
}

/**
 * R444-9: nothing is erased. The responsible person strikes the wrong entry
 * with a reason; when corrected data are given, a new entry (next number)
 * carries them and references the struck one. Both stay visible and printable.
 * The correcting entry is an issue entry and obeys the issue's rules
 * (journal.rules.ts): a battery below the threshold, an inspector not on the
 * activity, or a new holder without their own signature is refused, never
 * written. A signature is never copied to another person: with the signer
 * unchanged it is carried over and says so (signatureCarriedFrom).
 */
export async function strikeEntry(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  entryId: string,
  input: { reason: string; correction?: Correction },
) {
  const signer = await findUserById(deps.db, actor.id);
  if (!signer) throw new AppError('user.not_found');
  const c = input.correction;
  // The new holder's signature is checked before any lock, as at an issue (a wrong password holds nothing).
  const fresh = c ? await correctionSignature(deps, organisationId, entryId, c) : undefined;
  return deps.db.transaction(async (tx) => {
    const old = await findEntry(tx, organisationId, entryId, true);
    if (!old) throw new AppError('journal.entry_not_found');
    if (old.struckAt) throw new AppError('journal.entry_struck', { number: old.number });
    const journal = await findJournal(tx, organisationId, old.journalId);
    if (!journal || journal.endedOn) throw new AppError('journal.already_closed');
    const now = deps.now();
    const open = old.returnedAt === null;

    await completeEntry(tx, old.id, { struckAt: now, struckBy: signer.id, struckByName: signer.fullName, strikeReason: input.reason });
    const struck = (await findEntry(tx, organisationId, old.id))!;
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'journal.entry_struck',
        subjectType: 'journal_entry',
        subjectId: old.id,
        payload: entrySnapshot(struck),
      },
      now,
    );

    if (!c || Object.values(c).every((v) => v === undefined)) {
      // Struck without a replacement: an issue that never happened frees the recorder.
      if (open) await releaseRecorder(tx, organisationId, old.recorderId);
      return { struck, correction: null };
    }
    const changed = (['recorderId', 'inspectorId', 'activityId', 'batteryPercent', 'clockOffsetSeconds', 'note'] as const).some(
      (k) => c[k] !== undefined && c[k] !== old[k],
    );
    if (!changed) throw new AppError('journal.correction_empty');
    // A changed charge is a charge recorded at issue now (R444-20); an unchanged one was accepted when it was recorded.
    if (c.batteryPercent !== undefined && c.batteryPercent !== old.batteryPercent) assertBatteryForIssue(deps, c.batteryPercent);
    const inspectorId = c.inspectorId ?? old.inspectorId;

    const recorderId = c.recorderId ?? old.recorderId;
    const recorder = await lockRecorder(tx, organisationId, recorderId);
    if (recorderId !== old.recorderId && open) {
      await assertIssuable(tx, recorder);
      await releaseRecorder(tx, organisationId, old.recorderId);
      await setRecorderStatus(tx, recorderId, 'issued');
    }
    const inspector = c.inspectorId ? await findUserById(tx, c.inspectorId) : undefined;
    if (c.inspectorId && !inspector) throw new AppError('user.not_found');
    // R444-8: whoever the correction says holds the recorder signs for it themselves.
    if (inspector && inspector.id !== old.inspectorId && !fresh)
      throw new AppError('journal.correction_signature_required', { name: inspector.fullName, number: old.number });
    const activityId = c.activityId ?? old.activityId;
    const activity = await findActivity(tx, organisationId, activityId);
    if (!activity) throw new AppError('activity.not_found');
    assertInspectorAssigned(activity, inspectorId);

    const { id: _id, number: _n, struckAt: _s, struckBy: _sb, struckByName: _sn, strikeReason: _r, ...kept } = old;
    const row = {
      ...kept,
      id: randomUUID(),
      number: await nextEntryNumber(tx, old.journalId),
      recorderId,
      inventoryNumber: recorder.inventoryNumber,
      inspectorId: inspector?.id ?? old.inspectorId,
      inspectorName: inspector?.fullName ?? old.inspectorName,
      activityId,
      batteryPercent: c.batteryPercent ?? old.batteryPercent,
      clockOffsetSeconds: c.clockOffsetSeconds ?? old.clockOffsetSeconds,
      note: c.note ?? old.note,
      correctsEntryId: old.id,
      ...(fresh
        ? { ...fresh, inspectorSignedAt: fresh.inspectorSignedAt ? now : null, signatureCarriedFrom: null }
        : carriedSignature(old)),
    };
    await insertEntry(tx, row);
    const saved = (await findEntry(tx, organisationId, row.id))!;
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'journal.entry_corrected',
        subjectType: 'journal_entry',
        subjectId: row.id,
        payload: { ...entrySnapshot(saved), reason: input.reason },
      },
      now,
    );
    return { struck, correction: saved };
  });
}

/** The signature a correction takes from its (new) holder, or undefined when it carries the old one over. */
async function correctionSignature(deps: AppDeps, organisationId: string, entryId: string, c: Correction) {
  if (!c.signature) return undefined;
  const old = await findEntry(deps.db, organisationId, entryId);
  if (!old) throw new AppError('journal.entry_not_found');
  return takeInspectorSignature(deps, c.inspectorId ?? old.inspectorId, c.signature, deps.now());
}

/**
 * The same signer: their signature stays with the moment they gave it, and the
 * entry names where (the first entry in a chain of corrections). A signature
 * still pending is not carried: the inspector confirms the correcting entry.
 */
function carriedSignature(old: JournalEntryRow): SignatureColumns & { signatureCarriedFrom: string | null } {
  if (!old.inspectorSignedAt) return { inspectorSignedAt: null, signatureMethod: old.signatureMethod, signatureCarriedFrom: null };
  return {
    inspectorSignedAt: old.inspectorSignedAt,
    signatureMethod: old.signatureMethod,
    signatureCarriedFrom: old.signatureCarriedFrom ?? old.id,
  };
}

async function releaseRecorder(tx: Parameters<typeof lockRecorder>[0], organisationId: string, recorderId: string) {
  const r = await lockRecorder(tx, organisationId, recorderId);
  if (r.status === 'issued') await setRecorderStatus(tx, recorderId, 'in_storage');
}
