import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedDemoRecords } from '../../src/composition/demo.ts';
import { instancePublicKeys } from '../../src/kernel/audit/audit.usecases.ts';
import { verifyChain } from '../../src/platform/ledger/verifyChain.ts';
import { dateInZone } from '../../src/platform/time.ts';
import { pcChecklistVersions } from '../../src/production-control/checklists/checklists.table.ts';
import { pcFacilities, pcUnits } from '../../src/production-control/facilities/facilities.table.ts';
import { preInspectionBrief } from '../../src/production-control/inspections/brief.usecases.ts';
import { pcInspections } from '../../src/production-control/inspections/inspections.table.ts';
import { pcActs, pcInstructionItems, pcInstructions } from '../../src/production-control/instructions/instructions.table.ts';
import { readJournal } from '../../src/production-control/journal/journal.usecases.ts';
import { listMonthlyReports } from '../../src/production-control/reports/reports.repository.ts';
import { plansView } from '../../src/production-control/plans/plans.view.ts';
import { technicalRegister } from '../../src/production-control/technical-devices/technical-devices.view.ts';
import { findDraft, listVersions } from '../../src/production-control/documents/documents.repository.ts';
import type { AnnualInformationFigures, RegulationFigures } from '@baqylau/contracts';
import { pcOfficialAppointments } from '../../src/production-control/officials/officials.table.ts';
import { plannedInspections } from '../../src/production-control/schedule/plannedInspections.ts';
import { pcSchedules } from '../../src/production-control/schedule/schedule.table.ts';
import { pcInspectionAcknowledgements, pcOfflineReceipts } from '../../src/production-control/offline/offline.table.ts';
import { pcAttachments, pcProposals, pcViolationEvents, pcViolations } from '../../src/production-control/violations/violations.table.ts';
import {
  pcCapaEvaluations,
  pcCapaMeasures,
  pcCapas,
  pcCauseCategories,
  pcPlanProposals,
} from '../../src/production-control/capa/capa.table.ts';
import { pcAccidentInvestigations, pcAccidentMeasures, pcAccidents } from '../../src/production-control/accidents/accidents.table.ts';
import { currentByPerson } from '../../src/production-control/training/training-status.ts';
import { pcTrainingRecords } from '../../src/production-control/training/training.table.ts';
import { analysesOf } from '../../src/production-control/analysis/analysis.repository.ts';
import { addresseeStatus, noticesOf } from '../../src/production-control/notices/notices.repository.ts';
import { pcNotices } from '../../src/production-control/notices/notices.table.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let org: string;
let ids: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await seedDemo(ctx.deps);
  await seedDemoRecords(ctx.deps, ids, ['production-control']);
  org = ids.orgIds.get('operator')!;
});
afterAll(() => ctx.close());

const today = () => dateInZone(ctx.deps.now());

describe('the demo operator «Шахтинск Көмір» shows every state of the production-control cycle', () => {
  it('R315-3 R315-9 two facilities with their units and heads, officials appointed by the first head’s order', async () => {
    const facilities = await ctx.deps.db.select().from(pcFacilities).where(eq(pcFacilities.organisationId, org));
    expect(facilities.map((f) => f.name).sort()).toEqual(['«Тентек» көмір байыту фабрикасы', '«Шахтинская» шахтасы']);
    expect(facilities.every((f) => f.hazardFeatures.length > 0 && f.safeOperationConditions.length > 50)).toBe(true);
    const units = await ctx.deps.db.select().from(pcUnits).where(eq(pcUnits.organisationId, org));
    expect(new Set(units.map((u) => u.headId))).toEqual(new Set([ids.userIds.get('unithead1'), ids.userIds.get('unithead2')]));
    const appointments = await ctx.deps.db.select().from(pcOfficialAppointments).where(eq(pcOfficialAppointments.organisationId, org));
    expect(appointments.map((a) => [a.personId, a.position, a.appointedBy]).sort()).toEqual(
      [
        [ids.userIds.get('pcservice'), 'service_head', ids.userIds.get('operator')],
        [ids.userIds.get('pcofficial'), 'official', ids.userIds.get('operator')],
      ].sort(),
    );
  });

  it('R315-7 a published checklist and the schedule approved by the first head: lines done, one overdue, some upcoming', async () => {
    const [version] = await ctx.deps.db.select().from(pcChecklistVersions).where(eq(pcChecklistVersions.organisationId, org));
    expect(version!.status).toBe('published');
    expect(version!.questions).toHaveLength(8);
    expect(version!.questions.every((q) => q.reference.act.includes('бұйрығы') || q.reference.act.includes('Заңы'))).toBe(true);
    const schedules = await ctx.deps.db.select().from(pcSchedules).where(eq(pcSchedules.organisationId, org));
    expect(schedules.every((s) => s.status === 'approved' && s.approvedBy === ids.userIds.get('operator'))).toBe(true);
    const planned = await plannedInspections(ctx.deps.db, org, today(), 60);
    // Four completed, and issue 18's washery inspection in progress.
    expect(planned.done.size).toBe(5);
    expect(planned.overdue).toHaveLength(1);
    expect(planned.dueSoon.length).toBeGreaterThanOrEqual(3);
  });

  it('R315-14 R315-27 violations open, overdue, reported with a photo, verified, eliminated on the spot, re-checked and reopened', async () => {
    const violations = await ctx.deps.db.select().from(pcViolations).where(eq(pcViolations.organisationId, org));
    const statuses = new Set(violations.map((v) => v.status));
    expect(statuses).toEqual(new Set(['open', 'measure_reported', 'verified', 'rechecked']));
    expect(violations.some((v) => v.status === 'open' && v.dueOn && v.dueOn < today())).toBe(true);
    expect(violations.some((v) => v.status === 'open' && v.dueOn && v.dueOn >= today())).toBe(true);
    expect(violations.some((v) => v.eliminatedOnSpot && v.status === 'verified')).toBe(true);
    expect(violations.some((v) => v.eliminatedOnSpot && v.status === 'rechecked')).toBe(true);
    expect(violations.some((v) => !v.eliminatedOnSpot && v.status === 'verified')).toBe(true);
    const reported = violations.find((v) => v.status === 'measure_reported')!;
    const [photo] = await ctx.deps.db.select().from(pcAttachments).where(eq(pcAttachments.violationId, reported.id));
    expect(photo).toMatchObject({ purpose: 'measure_report', mime: 'image/png' });
    const chunks: Buffer[] = [];
    for await (const c of await ctx.deps.store.get(photo!.sha256)) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const reopened = await ctx.deps.db.select().from(pcViolationEvents).where(eq(pcViolationEvents.kind, 'reopened'));
    expect(reopened).toHaveLength(1);
  });

  it('R315-15 R315-16 R315-17 acts and instructions with agreed deadlines, one disputed deadline waiting for the first head', async () => {
    const acts = await ctx.deps.db.select().from(pcActs).where(eq(pcActs.organisationId, org));
    // Four scheduled inspections and the extraordinary one after the accident (R315-8), which found nothing.
    expect(acts).toHaveLength(5);
    const instructions = await ctx.deps.db.select().from(pcInstructions).where(eq(pcInstructions.organisationId, org));
    expect(instructions).toHaveLength(3);
    expect(instructions.every((i) => i.status === 'issued' && /^Н-\d{4}\/\d{3}$/.test(i.number))).toBe(true);
    const items = await ctx.deps.db.select().from(pcInstructionItems).where(eq(pcInstructionItems.organisationId, org));
    expect(items.filter((i) => i.agreement === 'disputed')).toHaveLength(1);
    expect(items.filter((i) => i.agreement === 'agreed')).toHaveLength(items.length - 1);
  });

  it('R315-9 R315-27 a dangerous finding’s suspension proposal waits for the first head', async () => {
    const pending = await ctx.deps.db
      .select()
      .from(pcProposals)
      .where(and(eq(pcProposals.organisationId, org), eq(pcProposals.status, 'pending')));
    // …and the removal of a miner whose knowledge check has run out (the training register's daily round, R315-4).
    expect(pending.map((p) => p.kind).sort()).toEqual(['remove_staff', 'suspend_work']);
  });

  it('R315-12 R315-9 the journal has an entry per completed inspection; the next brief carries what is still to re-check', async () => {
    const journal = await readJournal(ctx.deps, org, {});
    const inspections = await ctx.deps.db.select().from(pcInspections).where(eq(pcInspections.organisationId, org));
    // Issue 18's washery inspection is still in progress: the journal has the completed ones.
    expect(journal).toHaveLength(inspections.filter((i) => i.status === 'completed').length);
    expect(journal.every((l) => l.actNumber)).toBe(true);
    const plant = inspections.find((i) => i.unitId && journal.some((l) => l.inspectionId === i.id && l.dangerous))!;
    const brief = await preInspectionBrief(ctx.deps, org, { facilityId: plant.facilityId, unitId: plant.unitId! });
    expect(brief.openViolations.length).toBeGreaterThanOrEqual(2);
    expect(brief.eliminatedSince.length).toBeGreaterThanOrEqual(1);
    expect((await verifyChain(ctx.deps.db, org, instancePublicKeys(ctx.deps))).ok).toBe(true);
  });

  it('R315-18 monthly reports: the month before last approved by the head, last month presented and waiting for approval', async () => {
    const reports = await listMonthlyReports(ctx.deps.db, org);
    expect(reports.map((r) => [r.version, !!r.approval])).toEqual([
      [1, false],
      [1, true],
    ]);
    const [last, beforeLast] = reports;
    expect(last!.month > beforeLast!.month).toBe(true);
    expect(last!.month < today().slice(0, 7)).toBe(true);
    expect(beforeLast!.figures.instructions.length + last!.figures.instructions.length).toBeGreaterThan(0);
  });

  it('R315-9 R315-14 offline: this morning’s washery inspection synced from the field — receipts, a finding with its photo, the unit head’s acknowledgement, still in progress', async () => {
    const [i] = await ctx.deps.db
      .select()
      .from(pcInspections)
      .where(and(eq(pcInspections.organisationId, org), eq(pcInspections.status, 'in_progress')));
    expect(i).toBeDefined();
    const receipts = await ctx.deps.db.select().from(pcOfflineReceipts).where(eq(pcOfflineReceipts.inspectionId, i!.id));
    expect(receipts.map((r) => r.kind).sort()).toEqual(['acknowledgement', 'answer', 'answer', 'answer', 'photo']);
    const photo = receipts.find((r) => r.kind === 'photo')!;
    const [attachment] = await ctx.deps.db.select().from(pcAttachments).where(eq(pcAttachments.id, photo.subjectId));
    expect(attachment).toMatchObject({ purpose: 'finding', sha256: photo.sha256, violationId: photo.violationId });
    const [ack] = await ctx.deps.db.select().from(pcInspectionAcknowledgements).where(eq(pcInspectionAcknowledgements.inspectionId, i!.id));
    expect(ack).toMatchObject({ signerPosition: 'Байыту цехының бастығы', signatureMime: 'image/png' });
    expect(await ctx.deps.store.stat(ack!.signatureSha256)).toBeTruthy();
  });

  it('R315-21 CAPAs in every state: open, reopened after an evaluation “not effective”, measures done awaiting evaluation, closed; proposals for next year pending, accepted, rejected', async () => {
    const taxonomy = await ctx.deps.db.select().from(pcCauseCategories).where(eq(pcCauseCategories.organisationId, org));
    expect(taxonomy).toHaveLength(21);
    const capas = await ctx.deps.db.select().from(pcCapas).where(eq(pcCapas.organisationId, org));
    const byTitle = (part: string) => capas.find((c) => c.title.includes(part))!;
    expect(capas.map((c) => [c.kind, c.status, c.round]).sort()).toEqual(
      [
        ['corrective', 'closed', 1],
        ['corrective', 'measures_in_progress', 2],
        ['corrective', 'measures_done', 1],
        ['preventive', 'open', 1],
      ].sort(),
    );
    expect(byTitle('ауа').closedBy).toBe(ids.userIds.get('pcservice'));
    const evaluations = await ctx.deps.db.select().from(pcCapaEvaluations).where(eq(pcCapaEvaluations.organisationId, org));
    expect(evaluations.map((e) => [e.capaId, e.effective]).sort()).toEqual(
      [
        [byTitle('ауа').id, true],
        [byTitle('оқыту').id, false],
      ].sort(),
    );
    // The reopened one: a new measure of round 2 waits for the first head's decision.
    const measures = await ctx.deps.db
      .select()
      .from(pcCapaMeasures)
      .where(eq(pcCapaMeasures.capaId, byTitle('оқыту').id));
    expect(measures.map((m) => [m.round, m.status])).toEqual([
      [1, 'done'],
      [2, 'proposed'],
    ]);
    const proposals = await ctx.deps.db.select().from(pcPlanProposals).where(eq(pcPlanProposals.organisationId, org));
    expect(proposals.map((p) => p.status).sort()).toEqual(['accepted', 'pending', 'rejected']);
    expect(proposals.every((p) => p.year === Number(today().slice(0, 4)) + 1)).toBe(true);
    expect(proposals.find((p) => p.status === 'rejected')!.rejectionReason).toBeTruthy();
    expect((await verifyChain(ctx.deps.db, org, instancePublicKeys(ctx.deps))).ok).toBe(true);
  });

  it('R315-6 R315-26 devices, buildings and structures with examinations valid, due soon, overdue and unfit; one decommissioned', async () => {
    const reg = await technicalRegister(ctx.deps.db, org, ctx.deps.now());
    const state = Object.fromEntries(reg.items.map((o) => [o.name, o.state]));
    expect(state).toMatchObject({
      'ЦР-5×3,2 шахта көтергіш машинасы': 'due_soon',
      'АГК «Метан» газ бақылау станциясы': 'overdue',
      'ДКВр-10/13 бу қазандығы': 'unfit',
      'Басты желдеткіш қондырғының ғимараты': 'valid',
      'Көпір краны, жүк көтергіштігі 10 т': 'valid',
      'КВ-1,5 ескі су жылыту қазандығы': 'decommissioned',
    });
    expect(new Set(reg.items.map((o) => o.kind))).toEqual(new Set(['device', 'building', 'structure']));
    expect(reg.alerts.map((a) => [a.name, a.state]).sort()).toEqual([
      ['АГК «Метан» газ бақылау станциясы', 'overdue'],
      ['ДКВр-10/13 бу қазандығы', 'unfit'],
    ]);
    // The daily job already told the head of the hoist (30 days) and of the methane station (overdue).
    const { rows } = await ctx.sql(`SELECT threshold FROM pc_examination_reminders ORDER BY threshold`);
    expect(rows.map((r) => r.threshold)).toEqual(['30_days', 'overdue']);
  });

  it('R315-4 R315-26 this year’s plan of measures approved, measures done and one overdue; an accident-response plan per facility, one expiring', async () => {
    const { items } = await plansView(ctx.deps.db, org, ctx.deps.now());
    const measures = items.find((p) => p.kind === 'safety_measures')!;
    expect(measures).toMatchObject({
      year: Number(today().slice(0, 4)),
      inForce: 2,
      pending: null,
      measures: { total: 5, done: 2, overdue: 1 },
    });
    expect(measures.versions.map((v) => [v.version, !!v.approval])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(measures.versions[0]!.file).toMatchObject({ mime: 'application/pdf' });
    const pla = items.filter((p) => p.kind === 'accident_response');
    expect(Object.fromEntries(pla.map((p) => [p.facility, p.validity]))).toEqual({
      '«Шахтинская» шахтасы': 'expiring',
      '«Тентек» көмір байыту фабрикасы': 'valid',
    });
  });

  it('R315-4 R315-8 the accident register: an investigated accident with its act, measures and extraordinary inspection; an incident under investigation', async () => {
    const entries = await ctx.deps.db.select().from(pcAccidents).where(eq(pcAccidents.organisationId, org));
    expect(entries.map((a) => [a.kind, a.status]).sort()).toEqual([
      ['accident', 'investigated'],
      ['incident', 'under_investigation'],
    ]);
    expect(entries.every((a) => /^АО-\d{4}\/\d{3}$/.test(a.number))).toBe(true);
    const accident = entries.find((a) => a.kind === 'accident')!;
    const [inspection] = await ctx.deps.db.select().from(pcInspections).where(eq(pcInspections.id, accident.extraordinaryInspectionId!));
    expect(inspection).toMatchObject({ kind: 'extraordinary', basis: 'accident', status: 'completed', facilityId: accident.facilityId });
    const [inv] = await ctx.deps.db.select().from(pcAccidentInvestigations).where(eq(pcAccidentInvestigations.accidentId, accident.id));
    expect(inv).toMatchObject({ actNumber: 'ТТ-1', actMime: 'image/png' });
    expect(inv!.commission.filter((m) => m.role === 'chair')).toHaveLength(1);
    expect(await ctx.deps.store.stat(inv!.actSha256!)).toBeTruthy();
    const measures = await ctx.deps.db.select().from(pcAccidentMeasures).where(eq(pcAccidentMeasures.accidentId, accident.id));
    expect(measures.map((m) => !!m.doneOn).sort()).toEqual([false, true, true]);
    const incident = entries.find((a) => a.kind === 'incident')!;
    expect(incident.extraordinaryInspectionId).toBeNull();
  });

  it('R315-4 the training register: people valid, expiring within 30 days and expired with a removal proposal; a corrected record', async () => {
    const records = await ctx.deps.db.select().from(pcTrainingRecords).where(eq(pcTrainingRecords.organisationId, org));
    const people = currentByPerson(records, today());
    const states = people.map((p) => p.state);
    expect(states.filter((s) => s === 'expiring')).toHaveLength(1);
    expect(states.filter((s) => s === 'valid').length).toBeGreaterThanOrEqual(3);
    const expired = people.filter((p) => p.state === 'expired');
    expect(expired).toHaveLength(1);
    const [proposal] = await ctx.deps.db.select().from(pcProposals).where(eq(pcProposals.id, expired[0]!.record.removalProposalId!));
    expect(proposal).toMatchObject({ kind: 'remove_staff', status: 'pending' });
    expect(records.filter((r) => r.supersedes)).toHaveLength(1);
  });

  it('R315-26 R315-6 last year’s annual information approved, this year’s a draft; the regulation approved', async () => {
    const year = Number(today().slice(0, 4));
    const annual = await listVersions(ctx.deps.db, org, 'annual_information');
    expect(annual.map((v) => [v.period, v.version, !!v.approval])).toEqual([[String(year - 1), 1, true]]);
    const f = annual[0]!.content.figures as AnnualInformationFigures;
    expect(f.plan.past).toMatchObject({ year: year - 1, measures: 4, done: 3, doneOnTime: 2 });
    expect(Object.values(f.training.records).every((n) => n >= 1)).toBe(true);
    expect(annual[0]!.content.texts.management).toContain('басқару жүйесі');
    const draft = await findDraft(ctx.deps.db, org, 'annual_information', String(year));
    expect(draft?.texts.management).toBeTruthy();
    expect(await listVersions(ctx.deps.db, org, 'annual_information', String(year))).toHaveLength(0);
    const [regulation, ...more] = await listVersions(ctx.deps.db, org, 'regulation');
    expect(more).toHaveLength(0);
    expect(regulation!.approval).not.toBeNull();
    const r = regulation!.content.figures as RegulationFigures;
    expect(r.facilities).toHaveLength(2);
    expect(r.officials.length).toBeGreaterThanOrEqual(2);
    expect(r.structure.unitHeads.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the demo operator shows the notices to staff and the annual analysis (R315-4, R315-20)', () => {
  it('R315-20 last year’s analysis presented by the service and approved by the head; a point-20 notice made from it', async () => {
    const [analysis, ...rest] = await analysesOf(ctx.deps.db, org);
    expect(rest).toEqual([]);
    expect(analysis!.year).toBe(Number(today().slice(0, 4)) - 1);
    expect(analysis!.approval?.approvedBy).toBe(ids.userIds.get('operator'));
    expect(analysis!.directions.length).toBeGreaterThanOrEqual(3);
    expect(analysis!.figures.organisation.map((v) => v.code)).toContain('measures_on_time');
    const [fromAnalysis] = await ctx.deps.db.select().from(pcNotices).where(eq(pcNotices.analysisId, analysis!.id));
    expect(fromAnalysis).toMatchObject({ kind: 'violations', addressees: { allMembers: true } });
  });

  it('R315-4 a notice of changed rules acknowledged by some addressees and not by others, who were reminded', async () => {
    const [rules] = await ctx.deps.db
      .select()
      .from(pcNotices)
      .where(and(eq(pcNotices.organisationId, org), eq(pcNotices.kind, 'regulation_change')));
    const status = await addresseeStatus(ctx.deps.db, rules!.id);
    const acknowledged = status.filter((s) => s.acknowledgedAt).map((s) => s.userId);
    expect(acknowledged.sort()).toEqual([ids.userIds.get('unithead1'), ids.userIds.get('performer')].sort());
    const waiting = status.filter((s) => !s.acknowledgedAt);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((s) => s.remindedAt)).toBe(true);
    const mine = await noticesOf(ctx.deps.db, org, ids.userIds.get('unithead2')!);
    expect(mine.map((n) => !!n.acknowledgedAt)).toContain(true);
  });
});
