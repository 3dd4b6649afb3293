import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { notifyHeadAndResponsible } from '../../kernel/notifications/notify.ts';
import { openEntryForRecorder } from '../journal/journal.repository.ts';
import type { RecorderStatus } from './recorders.table.ts';
import {
  findRecorder,
  findRecorderByInventory,
  insertBreakageReport,
  insertRecorder,
  resolveBreakageReports,
  setRecorderStatus,
  type RecorderRow,
} from './recorders.repository.ts';

export interface NewRecorder {
  inventoryNumber: string;
  serialNumber: string;
  model: string;
  notes?: string;
}

/** R444-7: every recorder has an inventory number unique within the subdivision. */
export async function registerRecorder(deps: AppDeps, actor: Actor, organisationId: string, input: NewRecorder) {
  const inventoryNumber = input.inventoryNumber.trim();
  if (await findRecorderByInventory(deps.db, organisationId, inventoryNumber))
    throw new AppError('recorder.inventory_taken', { inventoryNumber });
  const row = {
    id: randomUUID(),
    organisationId,
    ...input,
    inventoryNumber,
    notes: input.notes ?? '',
    status: 'in_storage' as const,
    createdAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await insertRecorder(tx, row);
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'recorder.registered',
        subjectType: 'recorder',
        subjectId: row.id,
        payload: { ...input, inventoryNumber },
      },
      deps.now(),
    );
  });
  return row;
}

export async function lockRecorder(tx: DbOrTx, organisationId: string, id: string): Promise<RecorderRow> {
  const r = await findRecorder(tx, organisationId, id, true);
  if (!r) throw new AppError('recorder.not_found');
  return r;
}

function refuse(r: RecorderRow): never {
  throw new AppError('recorder.transition_invalid', { inventoryNumber: r.inventoryNumber, status: r.status });
}

async function changeStatus(
  tx: DbOrTx,
  deps: AppDeps,
  actor: Actor,
  r: RecorderRow,
  status: RecorderStatus,
  action: string,
  payload: Record<string, unknown>,
) {
  await setRecorderStatus(tx, r.id, status);
  await appendLedgerEntry(
    tx,
    {
      organisationId: r.organisationId,
      actor,
      action,
      subjectType: 'recorder',
      subjectId: r.id,
      payload: { ...payload, from: r.status, to: status },
    },
    deps.now(),
  );
}

/**
 * R444-20: the inspector (or the responsible person on their behalf) reports a
 * breakage; head and responsible person are notified at once; the report is
 * attached to the open journal entry as a note; the recorder cannot be issued.
 */
export async function reportBreakage(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  recorderId: string,
  description: string,
) {
  return deps.db.transaction(async (tx) => {
    const r = await lockRecorder(tx, organisationId, recorderId);
    if (r.status !== 'in_storage' && r.status !== 'issued') refuse(r);
    const open = await openEntryForRecorder(tx, recorderId);
    const report = {
      id: randomUUID(),
      organisationId,
      recorderId,
      reportedBy: actor.id,
      reportedAt: deps.now(),
      description,
      journalEntryId: open?.id ?? null,
    };
    await insertBreakageReport(tx, report);
    await changeStatus(tx, deps, actor, r, 'broken', 'recorder.breakage_reported', {
      reportId: report.id,
      description,
      journalEntryNumber: open?.number ?? null,
    });
    await notifyHeadAndResponsible(
      tx,
      organisationId,
      'recorder.breakage_reported',
      { recorderId, inventoryNumber: r.inventoryNumber, description, reportId: report.id },
      deps.now(),
    );
    return report;
  });
}

export async function sendToRepair(deps: AppDeps, actor: Actor, organisationId: string, recorderId: string, note: string) {
  await deps.db.transaction(async (tx) => {
    const r = await lockRecorder(tx, organisationId, recorderId);
    if (r.status !== 'broken') refuse(r);
    await changeStatus(tx, deps, actor, r, 'under_repair', 'recorder.sent_to_repair', { note });
  });
}

export async function markRepaired(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, recorderId: string, note: string) {
  await deps.db.transaction(async (tx) => {
    const r = await lockRecorder(tx, organisationId, recorderId);
    if (r.status !== 'broken' && r.status !== 'under_repair') refuse(r);
    if (await openEntryForRecorder(tx, recorderId)) refuse(r); // still out with an inspector: return it first
    await resolveBreakageReports(tx, recorderId, actor.id, deps.now(), note);
    await changeStatus(tx, deps, actor, r, 'in_storage', 'recorder.repaired', { note });
  });
}

export async function writeOff(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, recorderId: string, reason: string) {
  await deps.db.transaction(async (tx) => {
    const r = await lockRecorder(tx, organisationId, recorderId);
    if (r.status === 'written_off' || r.status === 'issued' || (await openEntryForRecorder(tx, recorderId))) refuse(r);
    await resolveBreakageReports(tx, recorderId, actor.id, deps.now(), reason);
    await changeStatus(tx, deps, actor, r, 'written_off', 'recorder.written_off', { reason });
  });
}
