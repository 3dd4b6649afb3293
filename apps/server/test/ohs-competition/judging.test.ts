import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { pdfText } from '../support/pdf-text.ts';
import { pdf, seedUnion } from './competition-world.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedUnion>>;
let yearId: string;
let commission: string;
const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedUnion(ctx);
  yearId = await w.openYear(2025);
  const almaty = (
    await w.secretary.post(`${w.base}/member-organisations`, {
      nameKk: 'Алматы қалалық білім және ғылым қызметкерлерінің кәсіподағы',
      nameRu: 'Алматинский городской профсоюз работников образования и науки',
    })
  ).json().id;
  // Group 1, by hand: A 30 + 2 = 32 claimed; B 27 + 5 = 32; C 24; D 24.
  ids.A = await w.submitted(w.coordinator1, yearId, w.members.karaganda, 'Ахметова Дина', 'general_secondary', {
    m1: { count: 10 },
    m2: { count: 25 },
  });
  const bDraft = await w.completeDraft(w.coordinator2, yearId, w.members.astana, 'Бекетов Нұрлан', 'preschool', {
    m1: { count: 9 },
    m11: { count: 1 },
  });
  await w.upload(w.coordinator2, bDraft, { kind: 'best_practice_sheet', title: 'Озық тәжірибе парағы' }, pdf('best practice B'));
  await w.coordinator2.post(`${w.base}/applications/${bDraft}/submit`);
  ids.B = bDraft;
  ids.C = await w.submitted(w.secretary, yearId, w.members.shymkent, 'Сәрсенова Гүлім', 'additional_education', { m1: { count: 8 } });
  ids.D = await w.submitted(w.secretary, yearId, almaty, 'Дәулетов Ерік', 'preschool', { m1: { count: 8 } });
});
afterAll(() => ctx.close());

const results = async () => (await w.judge1.get(`${w.base}/years/${yearId}/results`)).json();
const group1 = async () => {
  const r = await results();
  const g = r.protocol.groups.find((x: { group: number }) => x.group === 1);
  return Object.fromEntries(
    g.ranking.map((e: { applicationId: string; place: number | null; total: number }) => [e.applicationId, [e.total, e.place]]),
  );
};

describe('RC-12 the republican commission: its members, its chair, recusal', () => {
  it('RC-12 the chairman forms one republican commission a year; members need the commission role; one chair', async () => {
    commission = await w.formRepublican(yearId);
    const again = await w.head.post(`${w.base}/years/${yearId}/commissions`, { level: 'republican', formedBy: 'тағы' });
    expect(again.json().error.code).toBe('competition.commission_exists');
    const regional = await w.head.post(`${w.base}/years/${yearId}/commissions`, { level: 'regional', formedBy: 'шешім' });
    expect(regional.json().error.code).toBe('competition.commission_member_organisation_required');
    const coordinator = await w.secretary.post(`${w.base}/commissions/${commission}/members`, {
      userId: w.world.userIds.get('coordinator1'),
    });
    expect(coordinator.json().error).toMatchObject({ code: 'competition.role_missing', details: { role: 'commission_member' } });
    const list = (await w.coordinator1.get(`${w.base}/years/${yearId}/commissions`)).json().items;
    expect(list[0].members.map((m: { fullName: string; chair: boolean }) => [m.fullName, m.chair])).toEqual([
      ['Сейітқали Марат Жомартұлы', true],
      ['Жақыпова Ләззат Әмірқызы', false],
      ['Нұрмағамбетов Асқар Серікұлы', false],
    ]);
  });

  it('RC-12 a member from the candidate’s own member organisation is recused automatically', async () => {
    const own = await w.judge2.post(`${w.base}/applications/${ids.A}/reviews`, { indicatorId: 'm1', acceptedCount: 10 });
    expect(own.statusCode).toBe(409);
    expect(own.json().error).toMatchObject({ code: 'competition.recused', details: { memberOrganisationId: w.members.karaganda } });
    const ownB = await w.judge3.post(`${w.base}/applications/${ids.B}/reviews`, { indicatorId: 'm1', acceptedCount: 9 });
    expect(ownB.json().error.code).toBe('competition.recused');
  });
});

describe('RC-19 members review each indicator; the score is computed from the accepted counts', () => {
  it('RC-19 a reduction needs a written reason; a count is never raised; every review is in the ledger', async () => {
    const bare = await w.judge3.post(`${w.base}/applications/${ids.A}/reviews`, { indicatorId: 'm2', acceptedCount: 18 });
    expect(bare.json().error.code).toBe('competition.review_reason_required');
    const raised = await w.judge3.post(`${w.base}/applications/${ids.A}/reviews`, { indicatorId: 'm2', acceptedCount: 30 });
    expect(raised.json().error).toMatchObject({ code: 'competition.review_exceeds_claim', details: { claimed: 25 } });
    const reduced = await w.judge3.post(`${w.base}/applications/${ids.A}/reviews`, {
      indicatorId: 'm2',
      acceptedCount: 18,
      reason: '7 ескертуде күні көрсетілмеген',
    });
    expect(reduced.statusCode).toBe(201);
    expect((await w.judge1.post(`${w.base}/applications/${ids.A}/reviews`, { indicatorId: 'm1', acceptedCount: 10 })).statusCode).toBe(201);
    const ledger = (await w.head.get(`/api/v1/organisations/${w.union}/ledger?action=competition.indicator_reduced`)).json();
    expect(ledger).toHaveLength(1);
    expect(ledger[0].payload).toMatchObject({
      indicatorId: 'm2',
      claimedCount: 25,
      acceptedCount: 18,
      reason: '7 ескертуде күні көрсетілмеген',
    });
  });

  it('RC-19 the score sheet shows the claimed and the accepted total: 25 violations (2 points) became 18 (1 point)', async () => {
    const r = (await w.secretary.get(`${w.base}/applications/${ids.A}/reviews`)).json();
    expect(r.claimed.total).toBe(32);
    expect(r.accepted.total).toBe(31);
    expect(r.accepted.indicators.find((i: { id: string }) => i.id === 'm2')).toMatchObject({ count: 18, points: 1 });
    expect(r.reviews.map((x: { memberName: string }) => x.memberName)).toEqual([
      'Нұрмағамбетов Асқар Серікұлы',
      'Сейітқали Марат Жомартұлы',
    ]);
  });
});

describe('RC-22 places I–III per group; a tie for third place is decided by the commission, never by the software', () => {
  it('RC-22 RC-24 the tie for third place is shown and blocks signing and publication; nothing is published yet', async () => {
    expect(await group1()).toEqual({ [ids.B]: [32, 1], [ids.A]: [31, 2], [ids.C]: [24, null], [ids.D]: [24, null] });
    const r = await results();
    expect(r.undecidedTies).toEqual([
      expect.objectContaining({ group: 1, total: 24, from: 3, to: 4, applicationIds: [ids.C, ids.D].sort() }),
    ]);
    expect((await w.judge1.post(`${w.base}/years/${yearId}/protocol/signatures`)).json().error.code).toBe('competition.ties_unresolved');
    expect((await w.secretary.post(`${w.base}/years/${yearId}/publish`)).json().error.code).toBe('competition.ties_unresolved');
    const open = await w.world.anonymous().get(`${w.base}/published/2025`);
    expect(open.statusCode).toBe(404);
    expect(open.json().error.code).toBe('competition.results_not_published');
  });

  it('RC-22 the chair records the commission’s order of exactly the tied candidates, with the reason; third place follows it', async () => {
    const member = await w.judge2.post(`${w.base}/years/${yearId}/ties`, { group: 1, order: [ids.D, ids.C], reason: 'Комиссия шешімі' });
    expect(member.json().error.code).toBe('competition.not_chair');
    const wrong = await w.judge1.post(`${w.base}/years/${yearId}/ties`, { group: 1, order: [ids.D, ids.A], reason: 'қате' });
    expect(wrong.json().error.code).toBe('competition.tie_not_found');
    const ok = await w.judge1.post(`${w.base}/years/${yearId}/ties`, {
      group: 1,
      order: [ids.D, ids.C],
      reason: 'Комиссия дауыс беру арқылы шешті: 3 — 0',
    });
    expect(ok.statusCode).toBe(201);
    expect(await group1()).toMatchObject({ [ids.D]: [24, 3], [ids.C]: [24, null] });
    expect((await results()).undecidedTies).toEqual([]);
  });
});

describe('RC-19 RC-24 the protocol is signed by every member, printed in kk and ru, and published', () => {
  it('RC-19 each member signs the protocol’s hash; publication waits for all; a later change needs signing again', async () => {
    await w.judge1.post(`${w.base}/years/${yearId}/protocol/signatures`);
    await w.judge2.post(`${w.base}/years/${yearId}/protocol/signatures`);
    const missing = await w.secretary.post(`${w.base}/years/${yearId}/publish`);
    expect(missing.json().error).toMatchObject({
      code: 'competition.protocol_unsigned',
      details: { missing: 'Нұрмағамбетов Асқар Серікұлы' },
    });
    await w.judge3.post(`${w.base}/years/${yearId}/protocol/signatures`);
    const signedHash = (await results()).protocolSha256;
    // judge1 also reduces A's item 2 (to 20): 18 still stands, but the protocol now records the reduction.
    await w.judge1.post(`${w.base}/applications/${ids.A}/reviews`, { indicatorId: 'm2', acceptedCount: 20, reason: 'Екі акт қайталанған' });
    const r = await results();
    expect(r.protocolSha256).not.toBe(signedHash);
    expect(r.unsigned).toHaveLength(3);
    for (const j of [w.judge1, w.judge2, w.judge3]) await j.post(`${w.base}/years/${yearId}/protocol/signatures`);
    expect((await results()).unsigned).toEqual([]);
  });

  it('RC-19 RC-22 the protocol PDF in kk and ru shows the recomputed total, the places, the tie decision, the reduction and every signature', async () => {
    const kk = await pdfText((await w.secretary.get(`${w.base}/years/${yearId}/protocol.pdf?lang=kk`)).rawPayload);
    expect(kk.text).toMatch(/ХАТТАМАСЫ/);
    expect(kk.text).toMatch(/I орын\s+Бекетов Нұрлан/);
    expect(kk.text).toMatch(/II орын\s+Ахметова Дина/);
    expect(kk.text).toMatch(/III орын\s+Дәулетов Ерік/);
    expect(kk.text).toMatch(/Тең балл \(24\)/);
    expect(kk.text).toMatch(/7 ескертуде күні көрсетілмеген/);
    expect(kk.text).toMatch(/жалпы балл: 31 \(мәлімделгені бойынша —\s+32\)/);
    expect(kk.text).toMatch(/Нұрмағамбетов Асқар Серікұлы — қол қойды/);
    expect(kk.text).toMatch(/Жақыпова Ләззат Әмірқызы/);
    expect(kk.pages.length).toBeGreaterThanOrEqual(5); // the protocol and a score sheet per candidate
    const ru = await pdfText((await w.judge1.get(`${w.base}/years/${yearId}/protocol.pdf?lang=ru`)).rawPayload);
    expect(ru.text).toMatch(/ПРОТОКОЛ конкурсной комиссии/);
    expect(ru.text).toMatch(/III место\s+Дәулетов Ерік/);
    expect(ru.text).toMatch(/по решению комиссии порядок — Дәулетов Ерік, Сәрсенова Гүлім/);
    expect(ru.text).toMatch(/итого баллов: 31 \(по заявленному —\s+32\)/);
    expect(ru.text).toMatch(/Не рассматривали \(кандидат их членской организации\): Жақыпова Ләззат Әмірқызы/);
  });

  it('RC-24 the secretary publishes; the year closes; the public page shows the winners and their materials without sign-in', async () => {
    const pub = await w.secretary.post(`${w.base}/years/${yearId}/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().publishedAt).toBeTruthy();
    const late = await w.judge1.post(`${w.base}/applications/${ids.C}/reviews`, { indicatorId: 'm1', acceptedCount: 1, reason: 'кеш' });
    expect(late.json().error.code).toBe('competition.year_published');
    const anonymous = w.world.anonymous();
    expect((await anonymous.get(`${w.base}/published`)).json().items).toEqual([{ reportingYear: 2025, publishedAt: expect.any(String) }]);
    const view = (await anonymous.get(`${w.base}/published/2025`)).json();
    expect(view.late).toBe(false);
    expect(view.groups[0].ranking.map((e: { candidate: string; place: number | null }) => [e.candidate, e.place])).toEqual([
      ['Бекетов Нұрлан', 1],
      ['Ахметова Дина', 2],
      ['Дәулетов Ерік', 3],
      ['Сәрсенова Гүлім', null],
    ]);
    expect(view.groups[0].tieDecisions).toEqual([
      { candidates: ['Дәулетов Ерік', 'Сәрсенова Гүлім'], reason: 'Комиссия дауыс беру арқылы шешті: 3 — 0' },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/1980-04-12|inspector@example/);
    expect(view.materials).toEqual([
      { documentId: expect.any(String), candidate: 'Бекетов Нұрлан', kind: 'best_practice_sheet', title: 'Озық тәжірибе парағы' },
    ]);
    const file = await anonymous.get(`${w.base}/published/2025/materials/${view.materials[0].documentId}`);
    expect(file.statusCode).toBe(200);
    const decision = (await w.secretary.get(`${w.base}/applications/${ids.B}`))
      .json()
      .documents.find((d: { kind: string }) => d.kind === 'nominating_decision');
    expect((await anonymous.get(`${w.base}/published/2025/materials/${decision.id}`)).statusCode).toBe(404);
  });
});
