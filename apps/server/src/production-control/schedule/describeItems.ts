import type { AppDeps } from '../../platform/deps.ts';
import { listChecklists } from '../checklists/checklists.repository.ts';
import { facilitiesByIds, unitsByIds } from '../facilities/facilities.repository.ts';
import { namesByIds } from '../officials/people.repository.ts';
import { doneItems } from './plannedInspections.ts';
import type { ScheduleItemRow } from './schedule.repository.ts';

/** Schedule lines with the names a person reads (facility, unit, checklist, official) and whether each is done or overdue. */
export async function describeItems(deps: AppDeps, organisationId: string, items: ScheduleItemRow[], today: string) {
  const [facilities, units, checklists, people, done] = await Promise.all([
    facilitiesByIds(deps.db, organisationId, [...new Set(items.map((i) => i.facilityId))]),
    unitsByIds(deps.db, organisationId, [...new Set(items.flatMap((i) => (i.unitId ? [i.unitId] : [])))]),
    listChecklists(deps.db, organisationId),
    namesByIds(
      deps.db,
      items.map((i) => i.responsibleOfficialId),
    ),
    doneItems(deps.db, organisationId, items),
  ]);
  const f = new Map(facilities.map((x) => [x.id, x]));
  const u = new Map(units.map((x) => [x.id, x.name]));
  const c = new Map(checklists.map((x) => [x.id, x.title]));
  return items.map((i) => ({
    ...i,
    facilityName: f.get(i.facilityId)?.name ?? '',
    registrationNumber: f.get(i.facilityId)?.registrationNumber ?? '',
    address: f.get(i.facilityId)?.address ?? '',
    unitName: i.unitId ? (u.get(i.unitId) ?? '') : null,
    checklistTitle: c.get(i.checklistId) ?? '',
    responsibleName: people.get(i.responsibleOfficialId) ?? '',
    done: done.has(i.id),
    overdue: !done.has(i.id) && i.plannedOn < today,
  }));
}
export type DescribedItem = Awaited<ReturnType<typeof describeItems>>[number];
