import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPayload } from '../../src/platform/ledger/ledger.hash.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { pdf, seedUnion } from './competition-world.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedUnion>>;
let yearId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedUnion(ctx);
});
afterAll(() => ctx.close());

describe('RC-4 a competition per reporting year, pinning its rules and deadlines', () => {
  it('RC-4 RC-A1 RC-16 RC-21 opening 2025 pins the regulation in force, its readings and both deadlines in Almaty time', async () => {
    const res = await w.secretary.post(`${w.base}/years`, { reportingYear: 2025 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      reportingYear: 2025,
      rules: { id: 'union-ohs-2025-12-25', places: 3, readings: { jointInspections: 'in_addition', ppeProtocols: 'per_protocol' } },
      timeZone: 'Asia/Almaty',
      submission: { point: '16', dueOn: '2026-03-20', closesAt: '2026-03-20T19:00:00.000Z', passed: false },
      results: { point: '21', dueOn: '2026-04-20', closesAt: '2026-04-20T19:00:00.000Z', passed: false },
    });
    yearId = res.json().id;
    const ledger = (await w.head.get(`/api/v1/organisations/${w.union}/ledger?action=competition.year_opened`)).json();
    expect(ledger).toHaveLength(1);
  });

  it('RC-4 one competition per reporting year; a year not yet begun cannot be opened', async () => {
    w.secretary.lang = 'kk';
    const again = await w.secretary.post(`${w.base}/years`, { reportingYear: 2025 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('competition.year_exists');
    expect(again.json().error.message).toMatch(/4-тармағы/);
    w.secretary.lang = 'en';
    const future = await w.secretary.post(`${w.base}/years`, { reportingYear: 2027 });
    expect(future.json().error).toMatchObject({ code: 'competition.year_invalid', details: { year: 2027, to: 2026 } });
  });
});

describe('RC-9 RC-16 drafts of the application, its group and its indicator table', () => {
  let draft: string;

  it('RC-9 the group follows from the type of education organisation: a school is group 1, a university group 2', async () => {
    const res = await w.coordinator1.post(`${w.base}/years/${yearId}/applications`, {
      memberOrganisationId: w.members.karaganda,
      educationOrganisationType: 'general_secondary',
      questionnaire: { fullName: 'Серікбаев Арман Қанатұлы' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ group: 1, state: 'draft', candidate: 'Серікбаев Арман Қанатұлы' });
    draft = res.json().id;
    const moved = await w.coordinator1.request('PATCH', `${w.base}/applications/${draft}`, {
      educationOrganisationType: 'higher_education',
    });
    expect(moved.json().group).toBe(2);
    await w.coordinator1.request('PATCH', `${w.base}/applications/${draft}`, { educationOrganisationType: 'preschool' });
  });

  it('RC-16 questionnaire rows merge; a draft lists what point 16 still misses', async () => {
    const res = await w.coordinator1.request('PATCH', `${w.base}/applications/${draft}`, { questionnaire: { position: 'Инспектор' } });
    expect(res.json().questionnaire).toEqual({ fullName: 'Серікбаев Арман Қанатұлы', position: 'Инспектор' });
    expect(res.json().missingForSubmission).toContain('characteristic');
    expect(res.json().missingForSubmission).toContain('nominating_decision');
    expect(res.json().missingForSubmission).toHaveLength(13 + 3);
    const submit = await w.coordinator1.post(`${w.base}/applications/${draft}/submit`);
    expect(submit.statusCode).toBe(409);
    expect(submit.json().error).toMatchObject({ code: 'competition.application_incomplete', details: { first: 'birthDate', count: 16 } });
  });

  it('RC-A1 a count the table cannot score is refused, naming the row in the user’s language', async () => {
    w.coordinator1.lang = 'ru';
    const res = await w.coordinator1.request('PATCH', `${w.base}/applications/${draft}`, { counts: { m11: { count: 2 } } });
    w.coordinator1.lang = 'en';
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'competition.count_invalid',
      details: { indicator: 'm11', problem: 'held_once' },
    });
    expect(res.json().error.message).toMatch(/Действующий сертификат/);
    const joint = await w.coordinator1.request('PATCH', `${w.base}/applications/${draft}`, {
      counts: { m1: { count: 2 }, m1_1: { count: 3 } },
    });
    expect(joint.json().error.details).toEqual({ indicator: 'm1_1', problem: 'exceeds_item' });
    const ok = await w.coordinator1.request('PATCH', `${w.base}/applications/${draft}`, {
      counts: { m1: { count: 4 }, m2: { count: 19 } },
    });
    expect(ok.json().claimed).toMatchObject({ mainTotal: 13, total: 13 });
  });

  it('RC-16 a coordinator prepares only for their own member organisation and does not see another’s drafts', async () => {
    const other = await w.coordinator2.post(`${w.base}/years/${yearId}/applications`, {
      memberOrganisationId: w.members.karaganda,
      educationOrganisationType: 'preschool',
    });
    expect(other.json().error.code).toBe('competition.coordinator_elsewhere');
    expect((await w.coordinator2.get(`${w.base}/applications/${draft}`)).statusCode).toBe(404);
    expect((await w.coordinator2.get(`${w.base}/years/${yearId}/applications`)).json().items).toEqual([]);
    expect((await w.judge1.get(`${w.base}/applications/${draft}`)).statusCode).toBe(404);
    expect((await w.secretary.get(`${w.base}/applications/${draft}`)).statusCode).toBe(200);
  });
});

describe('RC-16 submission to stage II with a receipt; RC-10 one candidate per group per member organisation', () => {
  let first: string;

  it('RC-16 a complete application is submitted; the receipt is the SHA-256 of what was submitted, documents by their hashes', async () => {
    first = await w.completeDraft(w.coordinator1, yearId, w.members.karaganda, 'Ахметова Дина Сәкенқызы', 'general_secondary', {
      m1: { count: 5 },
    });
    const res = await w.coordinator1.post(`${w.base}/applications/${first}/submit`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'submitted', group: 1 });
    const { rows } = await ctx.sql('SELECT receipt FROM competition_applications WHERE id = $1', [first]);
    const receipt = rows[0]!.receipt as { documents: { sha256: string; kind: string }[]; counts: unknown };
    expect(res.json().receiptSha256).toBe(hashPayload(receipt));
    expect(receipt.documents.map((d) => d.kind)).toEqual(['nominating_decision']);
    expect(receipt.counts).toEqual({ m1: { count: 5 } });
    expect((await w.judge1.get(`${w.base}/applications/${first}`)).statusCode).toBe(200);
  });

  it('RC-16 a submitted application is frozen: no edit, no new document, and the database refuses a direct change', async () => {
    const edit = await w.coordinator1.request('PATCH', `${w.base}/applications/${first}`, { counts: { m1: { count: 50 } } });
    expect(edit.json().error.code).toBe('competition.application_not_draft');
    const doc = await w.upload(w.coordinator1, first, { kind: 'poster', title: 'Плакат' }, pdf('late poster'));
    expect(doc.json().error.code).toBe('competition.application_not_draft');
    await expect(ctx.sql(`UPDATE competition_applications SET counts = '{"m1":{"count":50}}' WHERE id = $1`, [first])).rejects.toThrow(
      /frozen/,
    );
    await expect(ctx.sql('DELETE FROM competition_documents')).rejects.toThrow(/append-only/);
  });

  it('RC-10 a second candidate of the same member organisation in the same group is refused, naming the first and point 11', async () => {
    const second = await w.completeDraft(w.coordinator1, yearId, w.members.karaganda, 'Бекқызы Гүлжан', 'additional_education');
    w.coordinator1.lang = 'kk';
    const res = await w.coordinator1.post(`${w.base}/applications/${second}/submit`);
    w.coordinator1.lang = 'en';
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'competition.group_already_nominated',
      details: { group: 1, candidate: 'Ахметова Дина Сәкенқызы', point: '11' },
    });
    expect(res.json().error.message).toMatch(/11-тармағы/);
    const otherGroup = await w.completeDraft(w.coordinator1, yearId, w.members.karaganda, 'Нұрланова Ә.', 'higher_education');
    expect((await w.coordinator1.post(`${w.base}/applications/${otherGroup}/submit`)).json().state).toBe('submitted');
    const otherMember = await w.completeDraft(w.coordinator2, yearId, w.members.astana, 'Оразов Б.', 'preschool');
    expect((await w.coordinator2.post(`${w.base}/applications/${otherMember}/submit`)).json().state).toBe('submitted');
  });
});

describe('RC-8 a fatal work accident in the reporting year excludes the candidate', () => {
  it('RC-8 an accident in 2025 excludes the stage II candidate citing point 8; the group’s place is free again', async () => {
    const list = (await w.secretary.get(`${w.base}/years/${yearId}/applications`)).json().items as { id: string; candidate: string }[];
    const dina = list.find((a) => a.candidate === 'Ахметова Дина Сәкенқызы')!.id;
    const before = await w.secretary.post(`${w.base}/applications/${dina}/fatal-accident`, { occurredOn: '2024-11-02', note: 'Акт Н-1' });
    expect(before.json().error).toMatchObject({ code: 'competition.fatal_accident_outside_year', details: { year: 2025 } });
    const res = await w.secretary.post(`${w.base}/applications/${dina}/fatal-accident`, {
      occurredOn: '2025-09-14',
      note: 'Мемлекеттік еңбек инспекциясының хабарламасы',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'excluded', excludedPoint: '8', fatalAccidentOn: '2025-09-14' });
    w.secretary.lang = 'ru';
    const again = await w.secretary.post(`${w.base}/applications/${dina}/fatal-accident`, { occurredOn: '2025-10-01', note: 'ещё' });
    w.secretary.lang = 'en';
    expect(again.json().error.message).toMatch(/п\. 8 Положения/);
    const ledger = (await w.head.get(`/api/v1/organisations/${w.union}/ledger?action=competition.application_excluded`)).json();
    expect(ledger[0].payload).toMatchObject({ point: '8', occurredOn: '2025-09-14', previousState: 'submitted' });
    const replacement = await w.completeDraft(w.coordinator1, yearId, w.members.karaganda, 'Жаңа кандидат', 'general_secondary');
    expect((await w.coordinator1.post(`${w.base}/applications/${replacement}/submit`)).json().state).toBe('submitted');
  });
});
