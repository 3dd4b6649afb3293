import type { DbOrTx } from '../../db/database.ts';
import { listFacilities, listUnits } from '../facilities/facilities.repository.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { capaParts, type CapaRow } from './capa.repository.ts';
import type { PlanProposalRow } from './plan-proposals.repository.ts';
import { listCauseCategories } from './taxonomy.repository.ts';

/** Names of the organisation's facilities and units, for lists. */
export async function placeNamesOf(db: DbOrTx, organisationId: string) {
  const [facilities, units] = await Promise.all([listFacilities(db, organisationId), listUnits(db, organisationId)]);
  return {
    facility: (id: string | null) => (id ? (facilities.find((f) => f.id === id)?.name ?? '') : null),
    unit: (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? '') : null),
  };
}

const person = (names: Map<string, string>) => (id: string | null) => (id ? { id, fullName: names.get(id) ?? '' } : null);

export async function capaListView(db: DbOrTx, organisationId: string, rows: CapaRow[]) {
  const places = await placeNamesOf(db, organisationId);
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    year: c.year,
    kind: c.kind,
    title: c.title,
    facilityId: c.facilityId,
    facilityName: places.facility(c.facilityId),
    unitId: c.unitId,
    unitName: places.unit(c.unitId),
    source: c.source,
    status: c.status,
    round: c.round,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
  }));
}

export async function planProposalsView(db: DbOrTx, organisationId: string, rows: PlanProposalRow[], capaNumbers: Map<string, string>) {
  const places = await placeNamesOf(db, organisationId);
  const who = person(
    await namesOf(
      db,
      rows.flatMap((p) => [p.proposedBy, p.decidedBy]),
    ),
  );
  return rows.map((p) => ({
    id: p.id,
    year: p.year,
    kind: p.kind,
    description: p.text,
    facilityId: p.facilityId,
    facilityName: places.facility(p.facilityId),
    unitId: p.unitId,
    unitName: places.unit(p.unitId),
    capaId: p.capaId,
    capaNumber: capaNumbers.get(p.capaId) ?? '',
    status: p.status,
    proposedBy: who(p.proposedBy)!,
    proposedAt: p.proposedAt,
    decidedBy: who(p.decidedBy),
    decidedAt: p.decidedAt,
    rejectionReason: p.rejectionReason,
    scheduleItemId: p.scheduleItemId,
  }));
}

/** One CAPA with everything recorded for it: violations, causes (with their taxonomy names), decisions, measures, evaluations, reports. */
export async function capaDetailView(db: DbOrTx, capa: CapaRow) {
  const [parts, [item], taxonomy] = await Promise.all([
    capaParts(db, capa.id),
    capaListView(db, capa.organisationId, [capa]),
    listCauseCategories(db, capa.organisationId),
  ]);
  const who = person(
    await namesOf(db, [
      capa.openedBy,
      capa.closedBy,
      ...parts.causes.map((c) => c.recordedBy),
      ...parts.decisions.map((d) => d.decidedBy),
      ...parts.measures.flatMap((m) => [m.responsibleId, m.addedBy, m.doneBy]),
      ...parts.evaluations.map((e) => e.evaluatedBy),
      ...parts.reports.map((r) => r.reportedBy),
    ]),
  );
  const category = (id: string) => taxonomy.find((t) => t.id === id);
  return {
    ...item!,
    sourceDescription: capa.sourceReference,
    forecastDescription: capa.forecast,
    openedBy: who(capa.openedBy)!,
    closedBy: who(capa.closedBy),
    closingNote: capa.closingNote,
    violations: parts.violations.map((v) => ({ id: v.id, description: v.description, status: v.status, foundAt: v.foundAt })),
    causes: parts.causes.map((c) => {
      const cat = category(c.causeCategoryId);
      const parent = cat?.parentId ? category(cat.parentId) : undefined;
      return {
        id: c.id,
        causeCategoryId: c.causeCategoryId,
        code: cat?.code ?? '',
        name: { kk: cat?.nameKk ?? '', ru: cat?.nameRu ?? '', en: cat?.nameEn ?? '' },
        category: parent ? { kk: parent.nameKk, ru: parent.nameRu, en: parent.nameEn } : null,
        description: c.analysis,
        recordedBy: who(c.recordedBy)!,
        recordedAt: c.recordedAt,
      };
    }),
    decisions: parts.decisions.map((d) => ({
      id: d.id,
      number: d.number,
      decidedOn: d.decidedOn,
      wording: d.text,
      decidedBy: who(d.decidedBy)!,
      decidedAt: d.decidedAt,
    })),
    measures: parts.measures.map((m) => ({
      id: m.id,
      causeId: m.causeId,
      round: m.round,
      description: m.description,
      responsible: who(m.responsibleId)!,
      dueOn: m.dueOn,
      resources: m.resources,
      status: m.status,
      decisionId: m.decisionId,
      doneBy: who(m.doneBy),
      doneAt: m.doneAt,
      summary: m.doneReport,
    })),
    evaluations: parts.evaluations.map((e) => ({
      id: e.id,
      round: e.round,
      effective: e.effective,
      conclusion: e.evidence,
      evaluatedBy: who(e.evaluatedBy)!,
      evaluatedAt: e.evaluatedAt,
    })),
    managementReports: parts.reports.map((r) => ({ id: r.id, summary: r.text, reportedBy: who(r.reportedBy)!, reportedAt: r.reportedAt })),
  };
}
