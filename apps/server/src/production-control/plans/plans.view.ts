import type { DbOrTx } from '../../db/database.ts';
import { dateInZone } from '../../platform/time.ts';
import { listFacilities } from '../facilities/facilities.repository.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { daysUntil } from '../technical-devices/examination-state.ts';
import { listPlans, measuresOf, versionsOf, type PlanRow } from './plans.repository.ts';

/** An accident-response plan whose validity ends within this many days is flagged (R315-26 section 4). */
export const PLAN_EXPIRY_WARNING_DAYS = 30;

/**
 * Plans with their whole history (who submitted and who approved each version). The plan in force is
 * the latest approved version; a measure of it is done, overdue (past its deadline, not done) or open.
 */
export async function plansView(db: DbOrTx, organisationId: string, now: Date, planId?: string) {
  const today = dateInZone(now);
  const plans = (await listPlans(db, organisationId)).filter((p) => !planId || p.id === planId);
  const versions = await versionsOf(
    db,
    plans.map((p) => p.id),
  );
  const measures = await measuresOf(
    db,
    versions.map((v) => v.version.id),
  );
  const facilities = new Map((await listFacilities(db, organisationId)).map((f) => [f.id, f.name]));
  const names = await namesOf(db, [
    ...versions.flatMap((v) => [v.version.submittedBy, v.approval?.approvedBy]),
    ...measures.map((m) => m.completion?.recordedBy),
  ]);
  const person = (id: string) => ({ id, fullName: names.get(id) ?? '' });
  const view = (p: PlanRow) => {
    const own = versions
      .filter((v) => v.version.planId === p.id)
      .map(({ version: v, approval: a }) => ({
        id: v.id,
        version: v.version,
        summary: v.summary,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        file: v.fileSha256 ? { sha256: v.fileSha256, mime: v.fileMime ?? '', size: v.fileSize ?? 0, fileName: v.fileName ?? '' } : null,
        submittedBy: person(v.submittedBy),
        submittedAt: v.submittedAt,
        approval: a ? { approvedBy: person(a.approvedBy), approvedAt: a.approvedAt, orderNumber: a.orderNumber } : null,
        measures: measures
          .filter((m) => m.measure.versionId === v.id)
          .map(({ measure: m, completion: c }) => ({
            id: m.id,
            ordinal: m.ordinal,
            measure: m.measure,
            facilityId: m.facilityId,
            facility: m.facilityId ? (facilities.get(m.facilityId) ?? '') : null,
            responsible: m.responsible,
            dueOn: m.dueOn,
            state: c ? ('done' as const) : m.dueOn < today ? ('overdue' as const) : ('open' as const),
            completion: c ? { doneOn: c.doneOn, note: c.note, recordedBy: person(c.recordedBy), recordedAt: c.recordedAt } : null,
          })),
      }));
    const inForce = own.find((v) => v.approval) ?? null;
    const pending = own[0] && !own[0].approval ? own[0].version : null;
    let validity: 'not_in_force' | 'valid' | 'expiring' | 'expired' | null = null;
    if (p.kind === 'accident_response') {
      const left = inForce?.validUntil ? daysUntil(inForce.validUntil, today) : null;
      validity = !inForce
        ? 'not_in_force'
        : left !== null && left < 0
          ? 'expired'
          : left !== null && left <= PLAN_EXPIRY_WARNING_DAYS
            ? 'expiring'
            : 'valid';
    }
    const m = inForce?.measures ?? [];
    return {
      id: p.id,
      kind: p.kind,
      year: p.year,
      facilityId: p.facilityId,
      facility: p.facilityId ? (facilities.get(p.facilityId) ?? '') : null,
      title: p.title,
      inForce: inForce ? inForce.version : null,
      pending,
      validity,
      measures: {
        total: m.length,
        done: m.filter((x) => x.state === 'done').length,
        overdue: m.filter((x) => x.state === 'overdue').length,
      },
      versions: own,
    };
  };
  return { today, items: plans.map(view) };
}
