import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedDemoRecords } from '../../src/composition/demo.ts';
import { listApplications } from '../../src/ohs-competition/applications/applications.repository.ts';
import { applicationDetail } from '../../src/ohs-competition/applications/applicationView.ts';
import { listMemberOrganisations } from '../../src/ohs-competition/member-organisations/member-organisations.repository.ts';
import { listCommissions, membersOf, reviewsOf, stageOneResultsOf } from '../../src/ohs-competition/judging/judging.repository.ts';
import { buildResults } from '../../src/ohs-competition/results/buildResults.ts';
import { listYears } from '../../src/ohs-competition/years/years.repository.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let union: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const ids = await seedDemo(ctx.deps);
  await seedDemoRecords(ctx.deps, ids, ['ohs-competition']);
  union = ids.orgIds.get('union')!;
});
afterAll(() => ctx.close());

describe('RC-4 RC-8 RC-19 RC-22 the demo union shows every state a user should see', () => {
  it('RC-4 RC-10 the current year is open with three member organisations and five candidates across both groups', async () => {
    const [year] = await listYears(ctx.deps.db, union);
    // The test clock is 02.03.2026: submissions for 2025 are still open.
    expect(year).toMatchObject({ reportingYear: 2025, publishedAt: null });
    expect(await listMemberOrganisations(ctx.deps.db, union)).toHaveLength(3);
    const apps = await listApplications(ctx.deps.db, year!.id);
    expect(apps.map((a) => `${a.group} ${a.state}`).sort()).toEqual([
      '1 stage_i',
      '1 submitted',
      '1 submitted',
      '1 submitted',
      '2 excluded',
      '2 submitted',
    ]);
  });

  it('RC-8 one candidate is excluded for a fatal accident, citing point 8', async () => {
    const [year] = await listYears(ctx.deps.db, union);
    const excluded = (await listApplications(ctx.deps.db, year!.id)).filter((a) => a.state === 'excluded');
    expect(excluded.map((a) => [a.questionnaire.fullName, a.excludedPoint, a.fatalAccidentOn])).toEqual([
      ['Омаров Бауыржан Серікұлы', '8', '2025-02-10'],
    ]);
  });

  it('RC-19 RC-22 one indicator is reduced by a commission member, and a tie for places II–III waits for the commission', async () => {
    const [year] = await listYears(ctx.deps.db, union);
    const r = await buildResults(ctx.deps, year!);
    const g1 = r.protocol.groups.find((g) => g.group === 1)!;
    expect(g1.ranking.map((e) => [e.candidate, e.total, e.place])).toEqual([
      ['Ахметова Дина Сәкенқызы', 58, 1],
      [expect.any(String), 33, null],
      [expect.any(String), 33, null],
    ]);
    expect(r.undecidedTies).toEqual([expect.objectContaining({ group: 1, total: 33, from: 2, to: 3 })]);
    const akhmetova = r.protocol.sheets.find((s) => s.candidate === 'Ахметова Дина Сәкенқызы')!;
    expect(akhmetova.claimedTotal).toBe(59);
    expect(akhmetova.reductions).toEqual([
      expect.objectContaining({ indicatorId: 'm2', claimed: 25, accepted: 18, member: 'Нұрмағамбетов Асқар Серікұлы' }),
    ]);
    expect(r.protocol.groups.find((g) => g.group === 2)!.ranking.map((e) => [e.total, e.place])).toEqual([[86, 1]]);
    expect(r.protocol.commission?.members).toHaveLength(3);
  });

  it('RC-12 RC-10 Karaganda holds its stage I here: its commission reduced one indicator with the reason and sent its winner of each group on', async () => {
    const [year] = await listYears(ctx.deps.db, union);
    const karaganda = (await listMemberOrganisations(ctx.deps.db, union)).find((m) => m.nameKk.startsWith('Қарағанды'))!;
    const commission = (await listCommissions(ctx.deps.db, year!.id)).find((c) => c.stage === 'I')!;
    expect(commission.memberOrganisationId).toBe(karaganda.id);
    expect((await membersOf(ctx.deps.db, [commission.id])).map((m) => [m.fullName, m.chair])).toEqual([
      ['Жақыпова Ләззат Әмірқызы', true],
      ['Ермекова Сәуле Қанатқызы', false],
    ]);
    const apps = await listApplications(ctx.deps.db, year!.id, { memberOrganisationId: karaganda.id });
    const yerzhanova = apps.find((a) => a.questionnaire.fullName?.startsWith('Ержанова'))!;
    expect(yerzhanova.state).toBe('stage_i');
    const reviews = await reviewsOf(ctx.deps.db, [yerzhanova.id], commission.id);
    expect(reviews.map((r) => [r.memberName, r.indicatorId, r.claimedCount, r.acceptedCount])).toEqual([
      ['Ермекова Сәуле Қанатқызы', 'm1', 8, 6],
    ]);
    expect(reviews[0]!.reason).toMatch(/қолы жоқ/);
    const results = await stageOneResultsOf(ctx.deps.db, year!.id);
    expect(results.map((r) => [apps.find((a) => a.id === r.applicationId)?.questionnaire.fullName, r.group])).toEqual([
      ['Ахметова Дина Сәкенқызы', 1],
      ['Дәулетов Ерік Маратұлы', 2],
    ]);
    expect(apps.filter((a) => a.state === 'submitted').map((a) => a.receipt)).toEqual([
      expect.objectContaining({ stageOneResultId: results[0]!.id }),
      expect.objectContaining({ stageOneResultId: results[1]!.id }),
    ]);
  });

  it('RC-18 the commission sees evidence flags: an event in the year before, a count without a document', async () => {
    const [year] = await listYears(ctx.deps.db, union);
    const sarsenova = (await listApplications(ctx.deps.db, year!.id)).find((a) => a.questionnaire.fullName?.startsWith('Сәрсенова'))!;
    const d = await applicationDetail(ctx.deps, year!, sarsenova);
    expect(d.flags.map((f) => `${f.flag} ${f.indicatorId}`)).toEqual(['outside_year m2', 'unbacked a1']);
  });
});

describe('RC-4 the demo on a later day of the year', () => {
  it('RC-4 RC-16 after 20 March the demo opens the current reporting year, whose submissions are still open', async () => {
    const later = await createTestContext();
    try {
      later.clock.now = new Date('2026-12-10T06:00:00Z');
      const ids = await seedDemo(later.deps);
      await seedDemoRecords(later.deps, ids, ['ohs-competition']);
      const [year] = await listYears(later.deps.db, ids.orgIds.get('union')!);
      expect(year).toMatchObject({ reportingYear: 2026, submissionDueOn: '2027-03-20' });
      expect((await listApplications(later.deps.db, year!.id)).filter((a) => a.state === 'submitted')).toHaveLength(4);
    } finally {
      await later.close();
    }
    // Seeds the whole demo a second time (every rule set): more than the default 30 s on a loaded 2-core machine.
  }, 120_000);
});
