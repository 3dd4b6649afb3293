import type { DbOrTx } from '../../db/database.ts';
import { approvedItems, inspectedItemIds, itemsByIds, type ScheduleItemRow } from './schedule.repository.ts';

/** Adds days to a yyyy-mm-dd date. */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Whether an inspection was conducted for each line: its own or any earlier revision's copy of it
 * (previous_item_id), since an inspection stays linked to the line in force when it was made.
 */
export async function doneItems(db: DbOrTx, organisationId: string, items: ScheduleItemRow[]) {
  const inspected = await inspectedItemIds(db, organisationId);
  const known = new Map(items.map((i) => [i.id, i]));
  let missing = items.map((i) => i.previousItemId).filter((id): id is string => !!id && !known.has(id));
  while (missing.length) {
    for (const i of await itemsByIds(db, missing)) known.set(i.id, i);
    missing = [...known.values()].map((i) => i.previousItemId).filter((id): id is string => !!id && !known.has(id));
  }
  const done = new Set<string>();
  for (const item of items) {
    for (let cur: ScheduleItemRow | undefined = item; cur; cur = cur.previousItemId ? known.get(cur.previousItemId) : undefined)
      if (inspected.has(cur.id)) {
        done.add(item.id);
        break;
      }
  }
  return done;
}

/** The lines of schedules in force: overdue (planned date passed, no inspection) and due within `days`. */
export async function plannedInspections(db: DbOrTx, organisationId: string, today: string, days = 30) {
  const items = await approvedItems(db, organisationId);
  const done = await doneItems(db, organisationId, items);
  const open = items.filter((i) => !done.has(i.id));
  return {
    done,
    overdue: open.filter((i) => i.plannedOn < today),
    dueSoon: open.filter((i) => i.plannedOn >= today && i.plannedOn <= addDays(today, days)),
  };
}
