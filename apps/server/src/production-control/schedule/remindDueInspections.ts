import { notifyUsers } from '../../kernel/notifications/notify.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/format.ts';
import { dateInZone } from '../../platform/time.ts';
import { facilitiesByIds, unitsByIds } from '../facilities/facilities.repository.ts';
import { addDays, doneItems } from './plannedInspections.ts';
import { approvedItems, updateItem } from './schedule.repository.ts';

export const REMIND_DAYS_BEFORE = 7;

/**
 * R315-7: the responsible official is reminded once, REMIND_DAYS_BEFORE days ahead, of each planned
 * inspection of an approved schedule that has not been conducted (reminded_at marks it, in the same
 * transaction as the notice, so a rerun never doubles it).
 */
export async function remindDueInspections(deps: AppDeps) {
  const today = dateInZone(deps.now());
  const horizon = addDays(today, REMIND_DAYS_BEFORE);
  const due = (await approvedItems(deps.db)).filter((i) => !i.remindedAt && i.plannedOn >= today && i.plannedOn <= horizon);
  let sent = 0;
  for (const orgId of new Set(due.map((i) => i.organisationId))) {
    const items = due.filter((i) => i.organisationId === orgId);
    const done = await doneItems(deps.db, orgId, items);
    const facilities = new Map(
      (
        await facilitiesByIds(
          deps.db,
          orgId,
          items.map((i) => i.facilityId),
        )
      ).map((f) => [f.id, f.name]),
    );
    const units = new Map(
      (
        await unitsByIds(
          deps.db,
          orgId,
          items.flatMap((i) => (i.unitId ? [i.unitId] : [])),
        )
      ).map((u) => [u.id, u.name]),
    );
    for (const item of items.filter((i) => !done.has(i.id))) {
      await deps.db.transaction(async (tx) => {
        await notifyUsers(
          tx,
          orgId,
          [item.responsibleOfficialId],
          'pc.schedule_reminder',
          {
            scheduleItemId: item.id,
            date: formatDate(item.plannedOn),
            facility: facilities.get(item.facilityId) ?? '',
            unit: item.unitId ? (units.get(item.unitId) ?? '') : '—',
          },
          deps.now(),
        );
        await updateItem(tx, item.id, { remindedAt: deps.now() });
      });
      sent++;
    }
  }
  return sent;
}
