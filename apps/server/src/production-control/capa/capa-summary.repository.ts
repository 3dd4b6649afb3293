import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { CapaSummary } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { startOfDayInZone } from '../../platform/time.ts';
import { pcCapaCauses, pcCapaEvaluations, pcCapas, pcCauseCategories, pcPlanProposals } from './capa.table.ts';

const n = (v: unknown) => Number(v ?? 0);

/**
 * R315-21 figures of a calendar year (in the organisation's zone), for the annual analysis (R315-20) and the
 * annual information (R315-26): causes recorded by top-level category, CAPAs opened / closed / evaluated,
 * and the decisions on proposals for the next year's plan.
 */
export async function capaSummary(db: DbOrTx, orgId: string, year: number): Promise<CapaSummary> {
  const from = startOfDayInZone(`${year}-01-01`);
  const to = startOfDayInZone(`${year + 1}-01-01`);
  const inYear = (col: typeof pcCapas.openedAt) => and(gte(col, from), lt(col, to));
  const parent = db.$with('parent').as(db.select().from(pcCauseCategories).where(eq(pcCauseCategories.organisationId, orgId)));
  const [causes, capas, evaluations, proposals] = await Promise.all([
    db
      .with(parent)
      .select({
        categoryId: parent.id,
        code: parent.code,
        nameKk: parent.nameKk,
        nameRu: parent.nameRu,
        nameEn: parent.nameEn,
        count: sql<number>`count(*)::int`,
      })
      .from(pcCapaCauses)
      .innerJoin(pcCauseCategories, eq(pcCauseCategories.id, pcCapaCauses.causeCategoryId))
      .innerJoin(parent, eq(parent.id, sql`coalesce(${pcCauseCategories.parentId}, ${pcCauseCategories.id})`))
      .where(and(eq(pcCapaCauses.organisationId, orgId), gte(pcCapaCauses.recordedAt, from), lt(pcCapaCauses.recordedAt, to)))
      .groupBy(parent.id, parent.code, parent.nameKk, parent.nameRu, parent.nameEn)
      .orderBy(parent.code),
    db
      .select({
        opened: sql<number>`count(*) filter (where ${inYear(pcCapas.openedAt)})::int`,
        openedCorrective: sql<number>`count(*) filter (where ${inYear(pcCapas.openedAt)} and ${pcCapas.kind} = 'corrective')::int`,
        openedPreventive: sql<number>`count(*) filter (where ${inYear(pcCapas.openedAt)} and ${pcCapas.kind} = 'preventive')::int`,
        closed: sql<number>`count(*) filter (where ${pcCapas.closedAt} >= ${from} and ${pcCapas.closedAt} < ${to})::int`,
        openAtYearEnd: sql<number>`count(*) filter (where ${pcCapas.openedAt} < ${to} and (${pcCapas.closedAt} is null or ${pcCapas.closedAt} >= ${to}))::int`,
      })
      .from(pcCapas)
      .where(eq(pcCapas.organisationId, orgId)),
    db
      .select({
        effective: sql<number>`count(*) filter (where ${pcCapaEvaluations.effective})::int`,
        notEffective: sql<number>`count(*) filter (where not ${pcCapaEvaluations.effective})::int`,
      })
      .from(pcCapaEvaluations)
      .where(
        and(eq(pcCapaEvaluations.organisationId, orgId), gte(pcCapaEvaluations.evaluatedAt, from), lt(pcCapaEvaluations.evaluatedAt, to)),
      ),
    db
      .select({
        pending: sql<number>`count(*) filter (where ${pcPlanProposals.status} = 'pending')::int`,
        accepted: sql<number>`count(*) filter (where ${pcPlanProposals.status} = 'accepted')::int`,
        rejected: sql<number>`count(*) filter (where ${pcPlanProposals.status} = 'rejected')::int`,
      })
      .from(pcPlanProposals)
      .where(and(eq(pcPlanProposals.organisationId, orgId), eq(pcPlanProposals.year, year + 1))),
  ]);
  const c = capas[0];
  return {
    year,
    causesByCategory: causes.map((r) => ({ ...r, count: n(r.count) })),
    capas: {
      opened: n(c?.opened),
      openedCorrective: n(c?.openedCorrective),
      openedPreventive: n(c?.openedPreventive),
      closed: n(c?.closed),
      evaluatedEffective: n(evaluations[0]?.effective),
      evaluatedNotEffective: n(evaluations[0]?.notEffective),
      openAtYearEnd: n(c?.openAtYearEnd),
    },
    proposals: {
      forYear: year + 1,
      pending: n(proposals[0]?.pending),
      accepted: n(proposals[0]?.accepted),
      rejected: n(proposals[0]?.rejected),
    },
  };
}
