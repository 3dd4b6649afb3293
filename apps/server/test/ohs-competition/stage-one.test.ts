import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../../src/kernel/users/users.usecases.ts';
import { SYSTEM_ACTOR } from '../../src/platform/ledger/ledger.types.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedUnion } from './competition-world.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedUnion>>;
let yearId: string;
let regional: string;
const ids: Record<'K1' | 'K2' | 'K3' | 'K4', string> = { K1: '', K2: '', K3: '', K4: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedUnion(ctx);
  yearId = await w.openYear(2025);
  // The Karaganda coordinator also sits on the Karaganda commission: the candidates they prepared are not theirs to review.
  await grantRole(ctx.deps, SYSTEM_ACTOR, w.union, w.world.userIds.get('coordinator1')!, 'commission_member');
  await w.signIn();
  // Group 1: K1 30 + 2 = 32 claimed, K2 30 + 1 = 31. Group 2: K3 and K4 15 each.
  ids.K1 = await w.completeDraft(w.coordinator1, yearId, w.members.karaganda, 'Әлиева Салтанат', 'general_secondary', {
    m1: { count: 10 },
    m2: { count: 25 },
  });
  ids.K2 = await w.completeDraft(w.secretary, yearId, w.members.karaganda, 'Бақытов Дәурен', 'preschool', {
    m1: { count: 10 },
    m2: { count: 10 },
  });
  ids.K3 = await w.completeDraft(w.secretary, yearId, w.members.karaganda, 'Сейтжанов Арман', 'technical_vocational', { m1: { count: 5 } });
  ids.K4 = await w.completeDraft(w.secretary, yearId, w.members.karaganda, 'Темірова Әсел', 'higher_education', { m1: { count: 5 } });
});
afterAll(() => ctx.close());

const enter = (id: string, c = w.secretary) => c.post(`${w.base}/applications/${id}/stage-one`);
const select = (id: string, c = w.judge2, reason?: string) => c.post(`${w.base}/applications/${id}/stage-one/selection`, { reason });
const review = (c: typeof w.judge2, id: string, body: Record<string, unknown>) => c.post(`${w.base}/applications/${id}/reviews`, body);

describe('RC-12 RC-10 a member organisation holds stage I with its own commission', () => {
  it('RC-12 the secretary records the member organisation’s commission (point 13): stage I is data on it, with its members and chair', async () => {
    const res = await w.secretary.post(`${w.base}/years/${yearId}/commissions`, {
      level: 'regional',
      memberOrganisationId: w.members.karaganda,
      formedBy: 'Қарағанды облыстық кәсіподақ төралқасының 2026 жылғы 10 ақпандағы № 3 қаулысы',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: 'regional', stage: 'I', memberOrganisationId: w.members.karaganda });
    regional = res.json().id;
    for (const [login, chair] of [
      ['judge2', true],
      ['judge3', false],
      ['coordinator1', false],
    ] as const) {
      const r = await w.secretary.post(`${w.base}/commissions/${regional}/members`, { userId: w.world.userIds.get(login), chair });
      expect(r.statusCode).toBe(201);
      // A stage I commission's members come from its member organisation unless said otherwise.
      expect(r.json().memberOrganisationId).toBe(w.members.karaganda);
    }
    await w.formRepublican(yearId);
    const list = (await w.judge1.get(`${w.base}/years/${yearId}/commissions`)).json().items;
    expect(list.map((c: { stage: string; memberOrganisationId: string | null }) => [c.stage, c.memberOrganisationId])).toEqual([
      ['I', w.members.karaganda],
      ['II', null],
    ]);
  });

  it('RC-12 the organisers see the people they may place — names and competition roles only; a coordinator does not', async () => {
    const people = (await w.secretary.get(`${w.base}/people`)).json().items as { userId: string; fullName: string; roles: string[] }[];
    expect(people.find((p) => p.userId === w.world.userIds.get('coordinator1'))?.roles.sort()).toEqual([
      'commission_member',
      'member_coordinator',
    ]);
    expect(people.find((p) => p.fullName === 'Жақыпова Ләззат Әмірқызы')?.roles).toEqual(['commission_member']);
    expect(people.some((p) => p.fullName === 'Бекова Сәуле Мұратқызы')).toBe(false);
    expect(Object.keys(people[0]!).sort()).toEqual(['fullName', 'roles', 'userId']);
    expect((await w.coordinator1.get(`${w.base}/people`)).statusCode).toBe(403);
    const assigned = await w.secretary.post(`${w.base}/member-organisations/${w.members.shymkent}/coordinators`, {
      userId: w.world.userIds.get('judge3'),
    });
    expect(assigned.json().error).toMatchObject({ code: 'competition.role_missing', details: { role: 'member_coordinator' } });
  });

  it('RC-10 with its stage I on the platform, a draft is not sent straight to stage II; a member organisation without its commission cannot hold stage I here', async () => {
    const direct = await w.coordinator1.post(`${w.base}/applications/${ids.K1}/submit`);
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error).toMatchObject({ code: 'competition.stage_i_required', details: { point: '10' } });
    expect(direct.json().error.message).toContain('stage I');
    const astana = await w.completeDraft(w.coordinator2, yearId, w.members.astana, 'Оспанова Дана', 'preschool', { m1: { count: 1 } });
    const none = await enter(astana, w.coordinator2);
    expect(none.json().error).toMatchObject({ code: 'competition.stage_i_commission_not_formed', details: { point: '13' } });
  });

  it('RC-10 candidates entered into stage I are frozen; only the commission of that member organisation sees them', async () => {
    for (const k of ['K1', 'K2', 'K3', 'K4'] as const) {
      const r = await enter(ids[k], k === 'K1' ? w.coordinator1 : w.secretary);
      expect(r.statusCode).toBe(200);
      expect(r.json().state).toBe('stage_i');
    }
    const edit = await w.coordinator1.request('PATCH', `${w.base}/applications/${ids.K1}`, { counts: { m1: { count: 11 } } });
    expect(edit.json().error.code).toBe('competition.application_not_draft');
    await expect(ctx.sql(`UPDATE competition_applications SET counts = '{}' WHERE id = $1`, [ids.K1])).rejects.toThrow(/stage I is frozen/);
    expect((await w.judge1.get(`${w.base}/applications/${ids.K1}`)).statusCode).toBe(404);
    expect((await w.judge3.get(`${w.base}/applications/${ids.K1}`)).statusCode).toBe(200);
    const seen = (await w.judge1.get(`${w.base}/years/${yearId}/applications`)).json().items;
    expect(seen.map((a: { id: string }) => a.id)).not.toContain(ids.K1);
  });
});

describe('RC-19 RC-12 the stage I commission reviews exactly as the republican one', () => {
  it('RC-19 a reduction needs a reason, a count is never raised, the score is computed from the accepted counts', async () => {
    expect((await review(w.judge3, ids.K1, { indicatorId: 'm1', acceptedCount: 9 })).json().error.code).toBe(
      'competition.review_reason_required',
    );
    expect((await review(w.judge3, ids.K1, { indicatorId: 'm1', acceptedCount: 11 })).json().error.code).toBe(
      'competition.review_exceeds_claim',
    );
    const reduced = await review(w.judge3, ids.K1, {
      indicatorId: 'm1',
      acceptedCount: 8,
      reason: 'Екі тексерудің актісі жоқ, тек жоспар ұсынылған',
    });
    expect(reduced.statusCode).toBe(201);
    expect(reduced.json().commissionId).toBe(regional);
    expect((await review(w.judge2, ids.K2, { indicatorId: 'm1', acceptedCount: 10 })).statusCode).toBe(201);
    const sheet = (await w.judge2.get(`${w.base}/applications/${ids.K1}/reviews`)).json();
    expect(sheet).toMatchObject({ stage: 'I', claimed: { total: 32 }, accepted: { total: 26 } });
    expect(sheet.reviews[0]).toMatchObject({ memberName: 'Нұрмағамбетов Асқар Серікұлы', acceptedCount: 8 });
    const ledger = (await w.head.get(`/api/v1/organisations/${w.union}/ledger?action=competition.indicator_reduced`)).json();
    expect(ledger[0].payload).toMatchObject({ commissionId: regional, applicationId: ids.K1, acceptedCount: 8 });
  });

  it('RC-12 recusal applies at stage I: the member who prepared the application does not review it; a republican member cannot review at stage I', async () => {
    const own = await review(w.coordinator1, ids.K1, { indicatorId: 'm2', acceptedCount: 25 });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('competition.recused_preparer');
    // The Karaganda origin of the stage I members does not recuse them from their own member organisation's stage I.
    expect((await review(w.coordinator1, ids.K2, { indicatorId: 'm2', acceptedCount: 10 })).statusCode).toBe(201);
    const outsider = await review(w.judge1, ids.K2, { indicatorId: 'm2', acceptedCount: 10 });
    expect(outsider.json().error.code).toBe('competition.application_not_found');
  });
});

describe('RC-10 RC-19 the stage I result: the most points per group goes to stage II, one per group', () => {
  it('RC-10 the chair records it; fewer points are refused (point 20); the second candidate in a group is refused with the reason (point 11)', async () => {
    expect((await select(ids.K2, w.judge3)).json().error.code).toBe('competition.stage_i_not_chair');
    const lower = await select(ids.K1);
    expect(lower.json().error).toMatchObject({
      code: 'competition.stage_i_not_highest',
      details: { candidate: 'Бақытов Дәурен', total: 31, own: 26, point: '20' },
    });
    const chosen = await select(ids.K2);
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json()).toMatchObject({ group: 1, total: 31, tiedWith: [], commissionId: regional });
    const second = await select(ids.K1);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'competition.group_already_nominated',
      details: { group: 1, candidate: 'Бақытов Дәурен', point: '11' },
    });
    expect(second.json().error.message).toContain('point 11');
    const notChosen = await w.coordinator1.post(`${w.base}/applications/${ids.K1}/submit`);
    expect(notChosen.json().error).toMatchObject({ code: 'competition.not_selected_at_stage_i', details: { group: 1 } });
    const sent = await w.coordinator1.post(`${w.base}/applications/${ids.K2}/submit`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json().state).toBe('submitted');
    await expect(ctx.sql(`UPDATE competition_stage_one_results SET total = 40`)).rejects.toThrow();
  });

  it('RC-10 a tie for the most points needs the commission’s reason; an exclusion (point 8) frees the group’s place', async () => {
    const bare = await select(ids.K3);
    expect(bare.json().error).toMatchObject({
      code: 'competition.stage_i_tie_reason_required',
      details: { candidates: 'Темірова Әсел', total: 15 },
    });
    const chosen = await select(ids.K3, w.judge2, 'Комиссия шешімі: озық тәжірибе парағы толық');
    expect(chosen.json()).toMatchObject({ tiedWith: [ids.K4], reason: 'Комиссия шешімі: озық тәжірибе парағы толық' });
    const excluded = await w.secretary.post(`${w.base}/applications/${ids.K3}/fatal-accident`, {
      occurredOn: '2025-09-14',
      note: 'Колледж шеберханасындағы жазатайым оқиға',
    });
    expect(excluded.json().state).toBe('excluded');
    const next = await select(ids.K4);
    expect(next.statusCode).toBe(201);
    expect(next.json().tiedWith).toEqual([]);
  });

  it('RC-12 RC-19 at stage II the republican commission judges afresh: its own reviews, its own recusal by member organisation', async () => {
    const sheet = (await w.judge1.get(`${w.base}/applications/${ids.K2}/reviews`)).json();
    expect(sheet).toMatchObject({ stage: 'II', reviews: [] });
    const stageOne = (await w.judge1.get(`${w.base}/applications/${ids.K2}/reviews?stage=I`)).json();
    expect(stageOne.reviews.map((r: { memberName: string }) => r.memberName)).toEqual([
      'Жақыпова Ләззат Әмірқызы',
      'Әбілқасымова Гүлмира Серікқызы',
    ]);
    // judge2 chaired Karaganda's stage I and sits on the republican commission from Karaganda: recused at stage II.
    expect((await review(w.judge2, ids.K2, { indicatorId: 'm1', acceptedCount: 10 })).json().error.code).toBe('competition.recused');
    expect((await review(w.judge1, ids.K2, { indicatorId: 'm1', acceptedCount: 10 })).statusCode).toBe(201);
  });
});

describe('RC-19 RC-10 how the winners were chosen matches the ledger', () => {
  const verify = async () => (await w.head.post(`/api/v1/organisations/${w.union}/ledger/verify`)).json();

  it('RC-19 a review row edited behind the application’s back (triggers off) is reported, naming the row and the field', async () => {
    const clean = await verify();
    expect(clean).toMatchObject({ ok: true, chainOk: true });
    expect(clean.records.find((r: { table: string }) => r.table === 'competition_reviews')).toMatchObject({ ok: true, checked: 4 });
    const [reviewRow] = (await ctx.sql(`SELECT id, seq FROM competition_reviews WHERE accepted_count = 8`)).rows as {
      id: string;
      seq: number;
    }[];
    await ctx.sql('SET session_replication_role = replica');
    await ctx.sql(`UPDATE competition_reviews SET accepted_count = 10 WHERE id = $1`, [reviewRow!.id]);
    await ctx.sql(`UPDATE competition_stage_one_results SET total = 40 WHERE application_id = $1`, [ids.K2]);
    await ctx.sql('SET session_replication_role = origin');
    const r = await verify();
    expect(r).toMatchObject({ ok: false, chainOk: true });
    expect(r.records.find((x: { table: string }) => x.table === 'competition_reviews')).toMatchObject({
      ok: false,
      firstBad: { number: Number(reviewRow!.seq), entryId: reviewRow!.id, field: 'acceptedCount' },
    });
    expect(r.records.find((x: { table: string }) => x.table === 'competition_stage_one_results')).toMatchObject({
      ok: false,
      firstBad: { field: 'total' },
    });
  });

  it('RC-19 a review row deleted behind the application’s back is reported as removed', async () => {
    await ctx.sql('SET session_replication_role = replica');
    await ctx.sql(`UPDATE competition_reviews SET accepted_count = 8 WHERE accepted_count = 10 AND reason <> ''`);
    await ctx.sql(`DELETE FROM competition_reviews WHERE application_id = $1 AND member_id = $2`, [ids.K2, w.world.userIds.get('judge1')]);
    await ctx.sql('SET session_replication_role = origin');
    const removed = (await verify()).records.find((x: { table: string }) => x.table === 'competition_reviews');
    expect(removed).toMatchObject({ ok: false, firstBad: { number: null, field: '(row removed)' } });
  });
});
