import type { DbOrTx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findInvestigation, listAccidents, measuresOf } from './accidents.repository.ts';

type ListRow = Awaited<ReturnType<typeof listAccidents>>[number];

export const accidentView = (r: ListRow) => ({
  ...r.accident,
  facilityName: r.facilityName,
  unitName: r.unitName,
  registeredByName: r.registeredByName,
});

/** One entry as the register shows it: the facts, the investigation (commission, act, its file) and the act's measures. */
export async function accidentDetail(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await listAccidents(db, organisationId, { id });
  if (!r) throw new AppError('pc.accident_not_found');
  const [inv, measures] = await Promise.all([findInvestigation(db, id), measuresOf(db, id)]);
  return {
    ...accidentView(r),
    investigation: inv
      ? {
          orderNumber: inv.orderNumber,
          orderDate: inv.orderDate,
          commission: inv.commission,
          actNumber: inv.actNumber,
          actDate: inv.actDate,
          causes: inv.causes,
          actFile: inv.actSha256 ? { fileName: inv.actFileName!, mime: inv.actMime!, size: inv.actSize! } : null,
          completedAt: inv.completedAt,
        }
      : null,
    measures: measures.map(({ id: mid, measure, responsible, dueOn, doneOn }) => ({ id: mid, measure, responsible, dueOn, doneOn })),
  };
}
