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
import { pcOfficialAppointments } from '../../src/production-control/officials/officials.table.ts';
import { plannedInspections } from '../../src/production-control/schedule/plannedInspections.ts';
import { pcSchedules } from '../../src/production-control/schedule/schedule.table.ts';
import { pcAttachments, pcProposals, pcViolationEvents, pcViolations } from '../../src/production-control/violations/violations.table.ts';
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
  await seedDemoRecords(ctx.deps, ids);
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
    expect(planned.done.size).toBe(4);
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
    expect(acts).toHaveLength(4);
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
    expect(pending.map((p) => p.kind)).toEqual(['suspend_work']);
  });

  it('R315-12 R315-9 the journal has an entry per completed inspection; the next brief carries what is still to re-check', async () => {
    const journal = await readJournal(ctx.deps, org, {});
    const inspections = await ctx.deps.db.select().from(pcInspections).where(eq(pcInspections.organisationId, org));
    expect(journal).toHaveLength(inspections.length);
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
