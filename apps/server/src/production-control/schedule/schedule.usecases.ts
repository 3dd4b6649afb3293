import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { checkItem, type ItemInput } from './checkItem.ts';
import {
  deleteItem,
  findItem,
  findSchedule,
  insertItems,
  insertSchedule,
  itemsOf,
  listSchedules,
  updateItem,
  updateSchedule,
  type ScheduleItemRow,
  type ScheduleRow,
} from './schedule.repository.ts';

const event = (
  tx: DbOrTx,
  deps: AppDeps,
  organisationId: string,
  actor: Actor,
  action: string,
  s: ScheduleRow,
  payload: Record<string, unknown>,
) =>
  recordPcEvent(tx, deps, {
    organisationId,
    actor,
    action,
    subjectType: 'pc_schedule',
    subjectId: s.id,
    payload: { year: s.year, revision: s.revision, ...payload },
  });

/** The year's schedule starts as draft revision 1; a year has one line of revisions. */
export async function createSchedule(deps: AppDeps, actor: Actor, organisationId: string, year: number) {
  const [latest] = await listSchedules(deps.db, organisationId, year);
  if (latest) throw new AppError('pc.schedule_exists', { year, revision: latest.revision });
  const row: ScheduleRow = {
    id: randomUUID(),
    organisationId,
    year,
    revision: 1,
    status: 'draft',
    approvedBy: null,
    approvedAt: null,
    createdAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await insertSchedule(tx, row);
    await event(tx, deps, organisationId, actor, 'pc.schedule_created', row, {});
  });
  return row;
}

/** Only a draft is edited: an approved schedule changes through a new revision (R315-7). */
async function draftOf(db: DbOrTx, organisationId: string, scheduleId: string) {
  const s = await findSchedule(db, organisationId, scheduleId, true);
  if (!s) throw new AppError('pc.schedule_not_found');
  if (s.status !== 'draft') throw new AppError('pc.schedule_not_draft', { year: s.year, revision: s.revision });
  return s;
}

export async function addItem(deps: AppDeps, actor: Actor, organisationId: string, scheduleId: string, input: ItemInput) {
  const s = await draftOf(deps.db, organisationId, scheduleId);
  const checked = await checkItem(deps, organisationId, s.year, input);
  const row: ScheduleItemRow = { id: randomUUID(), organisationId, scheduleId, ...checked, previousItemId: null, remindedAt: null };
  await deps.db.transaction(async (tx) => {
    await draftOf(tx, organisationId, scheduleId);
    await insertItems(tx, [row]);
    await event(tx, deps, organisationId, actor, 'pc.schedule_item_added', s, { item: row });
  });
  return row;
}

export async function changeItem(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  scheduleId: string,
  itemId: string,
  input: Partial<ItemInput>,
) {
  const s = await draftOf(deps.db, organisationId, scheduleId);
  const item = await findItem(deps.db, organisationId, scheduleId, itemId);
  if (!item) throw new AppError('pc.schedule_item_not_found');
  const checked = await checkItem(deps, organisationId, s.year, { ...item, ...input });
  // A new date or a new responsible official is reminded afresh.
  const remindedAt =
    checked.plannedOn === item.plannedOn && checked.responsibleOfficialId === item.responsibleOfficialId ? item.remindedAt : null;
  const set = { ...checked, remindedAt };
  await deps.db.transaction(async (tx) => {
    await draftOf(tx, organisationId, scheduleId);
    await updateItem(tx, itemId, set);
    await event(tx, deps, organisationId, actor, 'pc.schedule_item_changed', s, {
      itemId,
      before: { ...item, remindedAt: undefined },
      after: checked,
    });
  });
  return { ...item, ...set };
}

export async function removeItem(deps: AppDeps, actor: Actor, organisationId: string, scheduleId: string, itemId: string) {
  await deps.db.transaction(async (tx) => {
    const s = await draftOf(tx, organisationId, scheduleId);
    const item = await findItem(tx, organisationId, scheduleId, itemId);
    if (!item) throw new AppError('pc.schedule_item_not_found');
    await deleteItem(tx, itemId);
    await event(tx, deps, organisationId, actor, 'pc.schedule_item_removed', s, { item });
  });
}

/** R315-7: the first head approves a draft; the revision it replaces becomes superseded (kept). */
export async function approveSchedule(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, scheduleId: string) {
  return deps.db.transaction(async (tx) => {
    const s = await draftOf(tx, organisationId, scheduleId);
    const items = await itemsOf(tx, s.id);
    if (!items.length) throw new AppError('pc.schedule_empty');
    const superseded = (await listSchedules(tx, organisationId, s.year)).filter((x) => x.status === 'approved');
    for (const old of superseded) await updateSchedule(tx, old.id, { status: 'superseded' });
    const set = { status: 'approved' as const, approvedBy: actor.id, approvedAt: deps.now() };
    await updateSchedule(tx, s.id, set);
    await event(tx, deps, organisationId, actor, 'pc.schedule_approved', s, {
      items: items.map((i) => ({ ...i, remindedAt: undefined })),
      supersedes: superseded.map((x) => x.revision),
    });
    return { ...s, ...set };
  });
}

/** A change to an approved schedule: a new draft revision copying its lines, each linked to the line it copies. */
export async function reviseSchedule(deps: AppDeps, actor: Actor, organisationId: string, scheduleId: string) {
  return deps.db.transaction(async (tx) => {
    const s = await findSchedule(tx, organisationId, scheduleId, true);
    if (!s) throw new AppError('pc.schedule_not_found');
    if (s.status !== 'approved') throw new AppError('pc.schedule_not_approved');
    const revisions = await listSchedules(tx, organisationId, s.year);
    const draft = revisions.find((x) => x.status === 'draft');
    if (draft) throw new AppError('pc.schedule_draft_exists', { year: s.year, revision: draft.revision });
    const row: ScheduleRow = {
      ...s,
      id: randomUUID(),
      revision: revisions[0]!.revision + 1,
      status: 'draft',
      approvedBy: null,
      approvedAt: null,
      createdAt: deps.now(),
    };
    await insertSchedule(tx, row);
    const items = (await itemsOf(tx, s.id)).map((i) => ({ ...i, id: randomUUID(), scheduleId: row.id, previousItemId: i.id }));
    await insertItems(tx, items);
    await event(tx, deps, organisationId, actor, 'pc.schedule_revision_started', row, { from: s.revision });
    return row;
  });
}
