import { randomUUID } from 'node:crypto';
import type { ItemOutcome } from '@baqylau/contracts';
import type { Db, Tx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { answerItem } from '../inspections/answer-item.usecases.ts';
import { itemsOf } from '../inspections/inspections.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { violationsOfInspection } from '../violations/violations.repository.ts';
import { assertFieldRecordAccepted, fingerprint, lockInspection, priorReceipt, type User } from './field-guard.ts';
import { insertReceipt, type ReceiptRow } from './offline.repository.ts';

/** The online use cases run inside the sync's transaction (their own transactions become savepoints). */
export const within = (deps: AppDeps, tx: Tx): AppDeps => ({ ...deps, db: tx as unknown as Db });

export interface FieldMeta {
  deviceId: string;
  recordedAt: string;
}

export interface FieldAnswer extends FieldMeta {
  itemId: string;
  outcome: ItemOutcome;
  note?: string;
  description?: string;
  dangerous?: boolean;
  eliminatedOnSpot?: boolean;
}

/** Writes the receipt and its ledger entry (with the device and the field time) in the record's transaction. */
export async function issueReceipt(tx: Tx, deps: AppDeps, actor: User, row: Omit<ReceiptRow, 'id' | 'receivedAt' | 'receivedBy'>) {
  const receipt: ReceiptRow = { ...row, id: randomUUID(), receivedAt: deps.now(), receivedBy: actor.id };
  await insertReceipt(tx, receipt);
  await recordPcEvent(tx, deps, {
    organisationId: row.organisationId,
    actor,
    action: 'pc.offline_record_received',
    subjectType: 'pc_inspection',
    subjectId: row.inspectionId,
    payload: { ...receipt, receivedAt: undefined, recordedAt: receipt.recordedAt.toISOString() },
  });
  return receipt;
}

/**
 * An item's answer made in the field (R315-9, R315-14), through the online use case. An item the
 * server already has answered the same way (on another device) takes the record as the same answer;
 * answered otherwise, it is a conflict naming the item and both answers — never an overwrite.
 */
export async function syncAnswer(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  inspectionId: string,
  clientId: string,
  a: FieldAnswer,
) {
  const { deviceId: _device, recordedAt: _at, ...said } = a;
  const print = fingerprint('answer', said);
  return deps.db.transaction(async (tx) => {
    const i = await lockInspection(tx, organisationId, inspectionId);
    const prior = await priorReceipt(tx, organisationId, inspectionId, clientId, print);
    if (prior) return { receipt: prior, replayed: true };
    const recordedAt = new Date(a.recordedAt);
    await assertFieldRecordAccepted(tx, deps, actor, i, recordedAt);
    const item = (await itemsOf(tx, i.id)).find((x) => x.id === a.itemId);
    if (!item) throw new AppError('pc.item_not_found');
    let violationId: string | null;
    if (item.outcome) {
      if (item.outcome !== a.outcome)
        throw new AppError('pc.offline_answer_conflict', { position: item.position, server: item.outcome, device: a.outcome });
      violationId = (await violationsOfInspection(tx, i.id)).find((v) => v.itemId === item.id)?.id ?? null;
    } else {
      const r = await answerItem(within(deps, tx), actor, organisationId, i.id, item.id, said);
      // A finding's photos go to its violation; a re-check's violation belongs to an earlier inspection.
      violationId = a.outcome === 'violation' ? (r.violation?.id ?? null) : null;
    }
    const receipt = await issueReceipt(tx, deps, actor, {
      organisationId,
      inspectionId: i.id,
      clientId,
      kind: 'answer',
      fingerprint: print,
      subjectId: item.id,
      violationId,
      sha256: null,
      deviceId: a.deviceId,
      recordedAt,
    });
    return { receipt, replayed: false };
  });
}
