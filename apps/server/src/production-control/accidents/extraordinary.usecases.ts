import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { openExtraordinaryInspection } from '../inspections/start-inspection.usecases.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { dateInZone } from '../../platform/time.ts';
import { pastDate } from './accident-checks.ts';
import { findAccident, updateAccident } from './accidents.repository.ts';

type User = Actor & { id: string };

export interface ExtraordinaryAfterAccident {
  checklistId: string;
  officialId: string;
  orderNumber: string;
  orderDate: string;
}

/**
 * R315-8 (point 8): after an accident or an accident-caused injury the first head's order opens an
 * extraordinary inspection of its facility (and unit). Part 1's use case opens it — the order, the
 * appointed official (R315-3), the pinned checklist and the re-checks are its rules — inside this
 * transaction, and the register keeps the link; an incident is not a basis, and one accident opens one.
 */
export async function openInspectionAfterAccident(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  accidentId: string,
  input: ExtraordinaryAfterAccident,
) {
  return deps.db.transaction(async (tx) => {
    const a = await findAccident(tx, organisationId, accidentId, true);
    if (!a) throw new AppError('pc.accident_not_found');
    if (a.kind === 'incident') throw new AppError('pc.accident_no_extraordinary_basis', { number: a.number });
    if (a.extraordinaryInspectionId) throw new AppError('pc.accident_inspection_exists', { number: a.number });
    pastDate(input.orderDate, 'orderDate', dateInZone(deps.now()), { day: dateInZone(a.occurredAt), rule: 'before_occurred' });
    // The inspection's own transaction becomes a savepoint of this one: both are written, or neither.
    const inspection = await openExtraordinaryInspection({ ...deps, db: tx as unknown as Db }, actor, organisationId, {
      facilityId: a.facilityId,
      unitId: a.unitId ?? undefined,
      checklistId: input.checklistId,
      officialId: input.officialId,
      orderNumber: input.orderNumber,
      orderDate: input.orderDate,
      basis: a.kind,
      basisDescription: `${a.number}: ${a.description}`.slice(0, 2000),
    });
    await updateAccident(tx, a.id, { extraordinaryInspectionId: inspection.id });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.accident_extraordinary_inspection_opened',
      subjectType: 'pc_accident',
      subjectId: a.id,
      payload: { inspectionId: inspection.id, orderNumber: input.orderNumber, orderDate: input.orderDate },
    });
    return { accident: { ...a, extraordinaryInspectionId: inspection.id }, inspection };
  });
}
