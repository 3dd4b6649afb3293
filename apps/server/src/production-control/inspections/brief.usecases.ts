import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { briefRows, type BriefViolation } from './brief.repository.ts';
import { findInspection, updateInspection } from './inspections.repository.ts';

/** How many earlier inspections the brief shows. */
export const BRIEF_PREVIOUS = 5;

const at = (s: string | null) => (s ? new Date(s) : null);
const violationView = (v: BriefViolation) => ({ ...v, foundAt: at(v.foundAt)!, verifiedAt: at(v.verifiedAt) });

/**
 * R315-9: the pre-inspection brief — the facility, its safe-operation conditions and hazard features,
 * the previous results, every open violation (due date, overdue) and every violation eliminated since
 * and not yet re-checked; the last two are what the next inspection re-checks (R315-14).
 */
export async function preInspectionBrief(deps: AppDeps, organisationId: string, q: { facilityId: string; unitId?: string }) {
  const rows = await briefRows(deps.db, {
    organisationId,
    facilityId: q.facilityId,
    unitId: q.unitId ?? null,
    today: dateInZone(deps.now()),
    limit: BRIEF_PREVIOUS,
  });
  if (!rows.facility) throw new AppError('pc.facility_not_found');
  if (q.unitId && !rows.unit) throw new AppError('pc.unit_not_of_facility');
  const violations = rows.violations.map(violationView);
  return {
    facility: rows.facility,
    unit: rows.unit,
    previous: rows.previous.map((p) => ({ ...p, kind: p.kind, startedAt: at(p.startedAt)!, completedAt: at(p.completedAt) })),
    openViolations: violations.filter((v) => v.status !== 'verified'),
    eliminatedSince: violations.filter((v) => v.status === 'verified'),
  };
}

/** The brief of a started inspection; the first time its official opens it is recorded (R315-9). */
export async function briefOfInspection(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, id: string) {
  const i = await findInspection(deps.db, organisationId, id);
  if (!i) throw new AppError('pc.inspection_not_found');
  let briefSeenAt = i.briefSeenAt;
  if (!briefSeenAt && i.officialId === actor.id) {
    briefSeenAt = deps.now();
    await deps.db.transaction(async (tx) => {
      await updateInspection(tx, i.id, { briefSeenAt });
      await recordPcEvent(tx, deps, {
        organisationId,
        actor,
        action: 'pc.brief_seen',
        subjectType: 'pc_inspection',
        subjectId: i.id,
        payload: { at: briefSeenAt!.toISOString() },
      });
    });
  }
  const brief = await preInspectionBrief(deps, organisationId, { facilityId: i.facilityId, unitId: i.unitId ?? undefined });
  return { ...brief, inspectionId: i.id, briefSeenAt };
}
