import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capaSummary } from '../../src/production-control/capa/capa-summary.repository.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/**
 * R315-21 (Order 315, points 21–23) on the demo operator. The clock stands at 2 March 2026 (Almaty);
 * an inspection of unit A found three violations. CAPAs of 2026 are numbered ТІ-/АІ-2026/NNN in one sequence.
 */
let ctx: TestContext;
let w: OperatorWorld;
let violations: string[];
let checklistId: string;
const cause: Record<string, string> = {};
const capa: Record<string, string> = {};

const as = async (login: string) => {
  const c = new ApiClient(ctx);
  const res = await c.login(login);
  if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
  return c;
};
const url = (tail: string) => `${w.base}${tail}`;
const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const details = (res: { json(): unknown }) => (res.json() as { error: { details: Record<string, unknown> } }).error.details;

async function openCorrective(title: string, ids: string[]) {
  const res = await (await as('pcofficial')).post(url('/capas'), { kind: 'corrective', title, violationIds: ids });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; status: string; facilityId: string; unitId: string | null };
}
async function step(login: string, tail: string, body: unknown, status = 201) {
  const res = await (await as(login)).post(url(tail), body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
/** Cause → measure → the head's decision → done: the CAPA waits for the evaluation. */
async function measuresDone(id: string, causeId: string, label: string) {
  let d = await step('pcofficial', `/capas/${id}/causes`, { causeCategoryId: causeId, description: `${label}: себебі талданды` });
  const recorded = d.causes.at(-1).id as string;
  d = await step('pcofficial', `/capas/${id}/measures`, {
    causeId: recorded,
    description: `${label}: шара`,
    responsibleId: w.ids.performer1,
    dueOn: '2026-03-20',
    resources: 'Учаске бригадасы',
  });
  await step('operator', `/capas/${id}/decisions`, { number: `Ш-${label}`, decidedOn: '2026-03-02', wording: 'Шаралар бекітілсін' });
  for (const m of d.measures.filter((x: { status: string }) => x.status !== 'done'))
    d = await step('pcofficial', `/capas/${id}/measures/${m.id}/done`, { summary: 'Орындалды' }, 200);
  expect(d.status).toBe('measures_done');
}

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
  ctx.clock.now = new Date('2026-03-02T06:00:00Z');
  const insp = await w.inspection({
    unit: w.unitA,
    completedAt: '2026-02-27T09:00:00Z',
    violations: [
      { description: 'Желдету құрылғысы ақаулы', point: '12-тармақ' },
      { description: 'Газ датчигі тексерілмеген', point: '13-тармақ' },
      { description: 'Наряд-рұқсатсыз жұмыс', point: '14-тармақ' },
    ],
  });
  violations = insp.violations;
  const rows = await ctx.sql(`SELECT id FROM pc_checklists WHERE organisation_id = $1`, [w.org]);
  checklistId = (rows.rows[0] as { id: string }).id;
});
afterAll(() => ctx.close());

describe('R315-21 corrective and preventive actions', () => {
  it('R315-21 causes come from the taxonomy: the default is loaded once, edited by the head or the service’s head, a used cause is retired, not deleted', async () => {
    const service = await as('pcservice');
    const official = await as('pcofficial');
    expect(code(await official.post(url('/capa/causes/defaults'), {}))).toBe('auth.forbidden');
    const seeded = await service.post(url('/capa/causes/defaults'), {});
    expect(seeded.statusCode, seeded.body).toBe(201);
    // 6 categories with 3 + 3 + 3 + 2 + 2 + 2 sub-causes.
    const items = (await service.get(url('/capa/causes'))).json().items as {
      id: string;
      code: string;
      parentId: string | null;
      nameRu: string;
    }[];
    expect(items).toHaveLength(21);
    expect(items.filter((i) => !i.parentId).map((i) => i.code)).toEqual(['DOC', 'EXT', 'HUMAN', 'ORG', 'TECH', 'TRAIN']);
    for (const i of items) cause[i.code] = i.id;
    expect(code(await service.post(url('/capa/causes/defaults'), {}))).toBe('pc.capa_taxonomy_exists');

    // Bad input: a code that is not a code, a repeated code, a blank name, a sub-cause of a sub-cause.
    const add = (body: Record<string, unknown>) =>
      service.post(url('/capa/causes'), {
        parentId: cause.TECH,
        nameKk: 'Шахта көлігі',
        nameRu: 'Шахтный транспорт',
        nameEn: 'Mine transport',
        ...body,
      });
    expect(code(await add({ code: 'tech 4' }))).toBe('pc.capa_cause_code_invalid');
    expect(code(await add({ code: 'TECH.1' }))).toBe('pc.capa_cause_code_taken');
    const blank = await add({ code: 'TECH.4', nameRu: '  ' });
    expect([blank.statusCode, code(blank), details(blank).field]).toEqual([400, 'pc.capa_text_required', 'nameRu']);
    expect(code(await add({ code: 'TECH.4', parentId: cause['TECH.1'] }))).toBe('pc.capa_cause_parent_invalid');
    expect(code(await (await as('unithead1')).post(url('/capa/causes'), { code: 'X', nameKk: 'a', nameRu: 'b', nameEn: 'c' }))).toBe(
      'auth.forbidden',
    );
    const added = await add({ code: 'tech.4' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().code).toBe('TECH.4');
    cause['TECH.4'] = added.json().id;
    const renamed = await (
      await as('operator')
    ).request('PATCH', url(`/capa/causes/${cause['TECH.4']}`), {
      nameKk: 'Шахта көлігінің ақаулығы',
      nameRu: 'Неисправность шахтного транспорта',
      nameEn: 'Mine transport failure',
    });
    expect([renamed.statusCode, renamed.json().code, renamed.json().nameRu]).toEqual([200, 'TECH.4', 'Неисправность шахтного транспорта']);

    // Recorded once, the cause cannot be deleted: it is retired, and no longer chosen.
    const c = await openCorrective('Көлік ақаулығы', [violations[2]!]);
    capa.transport = c.id;
    await step('pcofficial', `/capas/${c.id}/causes`, { causeCategoryId: cause['TECH.4'], description: 'Вагонетка тежегіші тозған' });
    const del = await service.request('DELETE', url(`/capa/causes/${cause['TECH.4']}`));
    expect([del.statusCode, code(del), details(del).recorded]).toEqual([409, 'pc.capa_cause_in_use', 1]);
    expect(code(await service.request('DELETE', url(`/capa/causes/${cause.TECH}`)))).toBe('pc.capa_cause_in_use');
    expect((await service.post(url(`/capa/causes/${cause['TECH.4']}/retire`), {})).statusCode).toBe(200);
    const retired = await official.post(url(`/capas/${c.id}/causes`), { causeCategoryId: cause['TECH.4'], description: 'тағы' });
    expect([retired.statusCode, code(retired)]).toEqual([409, 'pc.capa_cause_retired']);
    const unknown = await official.post(url(`/capas/${c.id}/causes`), { causeCategoryId: c.id, description: 'себеп' });
    expect([unknown.statusCode, code(unknown), details(unknown).field]).toEqual([400, 'pc.capa_cause_not_in_taxonomy', 'causeCategoryId']);
    // A category retires with its sub-causes: none of them is chosen any more.
    const ext = await service.post(url(`/capa/causes/${cause.EXT}/retire`), {});
    expect(ext.statusCode, ext.body).toBe(200);
    const sub = await official.post(url(`/capas/${c.id}/causes`), { causeCategoryId: cause['EXT.2'], description: 'су басу' });
    expect([sub.statusCode, code(sub), details(sub).code]).toEqual([409, 'pc.capa_cause_retired', 'EXT.2']);
    // An unused cause goes; the ledger keeps who did each of these.
    const spare = await add({ code: 'DOC.9', parentId: cause.DOC });
    expect((await service.request('DELETE', url(`/capa/causes/${spare.json().id}`))).statusCode).toBe(200);
    const actions = await ctx.sql(`SELECT action FROM ledger_entries WHERE action LIKE 'pc.cause_%' ORDER BY seq`);
    expect(actions.rows.map((r) => (r as { action: string }).action)).toEqual([
      'pc.cause_taxonomy_seeded',
      'pc.cause_category_added',
      'pc.cause_category_renamed',
      'pc.cause_category_retired',
      'pc.cause_category_retired',
      'pc.cause_category_added',
      'pc.cause_category_deleted',
    ]);
    // Nothing on a database path deletes a recorded cause either.
    await expect(ctx.sql(`DELETE FROM pc_capa_causes WHERE capa_id = $1`, [c.id])).rejects.toThrow();
  });

  it('R315-21 (point 22) a corrective CAPA: violations analysed, the cause registered, measures with responsible, deadline and resources, the head’s decision', async () => {
    const official = await as('pcofficial');
    // Bad input first: nothing is opened.
    expect(code(await official.post(url('/capas'), { kind: 'corrective', title: 'Желдету', violationIds: [] }))).toBe(
      'pc.capa_violations_required',
    );
    expect(code(await official.post(url('/capas'), { kind: 'corrective', title: 'Желдету', violationIds: [w.facility] }))).toBe(
      'pc.capa_violation_invalid',
    );
    const blank = await official.post(url('/capas'), { kind: 'corrective', title: ' ', violationIds: [violations[0]] });
    expect([code(blank), details(blank).field]).toEqual(['pc.capa_text_required', 'title']);
    expect(
      code(await official.post(url('/capas'), { kind: 'corrective', title: 'x', violationIds: [violations[0]], source: 'forecast' })),
    ).toBe('pc.capa_kind_fields');
    expect(
      (await (await as('performer1')).post(url('/capas'), { kind: 'corrective', title: 'x', violationIds: [violations[0]] })).statusCode,
    ).toBe(403);

    const c = await openCorrective('Желдету және газ бақылауы', [violations[0]!, violations[1]!]);
    capa.vent = c.id;
    expect([c.number, c.status, c.facilityId, c.unitId]).toEqual(['ТІ-2026/002', 'open', w.facility, w.unitA]);
    const noCause = await official.post(url(`/capas/${c.id}/measures`), {
      causeId: c.id,
      description: 'x',
      responsibleId: w.ids.performer1,
      dueOn: '2026-03-20',
      resources: 'y',
    });
    expect([noCause.statusCode, code(noCause)]).toEqual([409, 'pc.capa_cause_required']);

    const withCause = await step('pcofficial', `/capas/${c.id}/causes`, {
      causeCategoryId: cause['TECH.2'],
      description: 'Газ датчиктерін тексеру кестесі сақталмаған; желдеткіштің қорғанысы ақаулы',
    });
    expect(withCause.causes[0]).toMatchObject({ code: 'TECH.2', recordedBy: { id: w.ids.pcofficial } });
    const recorded = withCause.causes[0].id as string;
    const measure = (o: Record<string, unknown>) =>
      official.post(url(`/capas/${c.id}/measures`), {
        causeId: recorded,
        description: 'Газ датчиктерін ай сайын тексеру кестесін енгізу',
        responsibleId: w.ids.unithead1,
        dueOn: '2026-03-31',
        resources: 'Өлшеу зертханасы, 2 слесарь',
        ...o,
      });
    const past = await measure({ dueOn: '2026-03-01' });
    expect([past.statusCode, code(past), details(past).field]).toEqual([400, 'pc.capa_due_invalid', 'dueOn']);
    expect(code(await measure({ responsibleId: w.world.userIds.get('admin') ?? w.facility }))).toBe('pc.capa_responsible_invalid');
    expect(code(await measure({ resources: '' }))).toBe('pc.capa_text_required');
    const m1 = await measure({});
    expect(m1.statusCode, m1.body).toBe(201);
    expect(m1.json().status).toBe('measures_in_progress');
    const measureId = m1.json().measures[0].id as string;
    expect(m1.json().measures[0]).toMatchObject({ status: 'proposed', responsible: { id: w.ids.unithead1 }, dueOn: '2026-03-31' });

    // Only approved measures are done; only the first head approves.
    const early = await official.post(url(`/capas/${c.id}/measures/${measureId}/done`), { summary: 'Орындалды' });
    expect([early.statusCode, code(early)]).toEqual([409, 'pc.capa_measure_not_approved']);
    expect(
      (await (await as('pcservice')).post(url(`/capas/${c.id}/decisions`), { number: '1', decidedOn: '2026-03-02', wording: 'x' }))
        .statusCode,
    ).toBe(403);
    const future = await (
      await as('operator')
    ).post(url(`/capas/${c.id}/decisions`), { number: '1', decidedOn: '2026-03-09', wording: 'x' });
    expect(code(future)).toBe('pc.capa_decision_date_invalid');
    const decided = await step('operator', `/capas/${c.id}/decisions`, {
      number: 'Ш-12',
      decidedOn: '2026-03-02',
      wording: 'Шаралар бекітілсін, ресурстар бөлінсін',
    });
    expect(decided.measures[0]).toMatchObject({ status: 'approved', decisionId: decided.decisions[0].id });
    // The first head was told a measure waits for a decision; the responsible person, that it is theirs.
    const notices = async (userId: string, kind: string) =>
      (await ctx.sql('SELECT payload FROM notifications WHERE user_id = $1 AND kind = $2', [userId, kind])).rows.map(
        (r) => (r as { payload: { number: string } }).payload.number,
      );
    expect(await notices(w.ids.head!, 'pc.capa_decision_awaited')).toContain('ТІ-2026/002');
    expect(await notices(w.ids.unithead1!, 'pc.capa_measure_assigned')).toEqual(['ТІ-2026/002']);
    expect(
      code(await (await as('operator')).post(url(`/capas/${c.id}/decisions`), { number: 'Ш-13', decidedOn: '2026-03-02', wording: 'x' })),
    ).toBe('pc.capa_nothing_to_approve');

    // A performer has no access; another unit's head is not responsible; the responsible unit head reports it.
    expect((await (await as('performer1')).post(url(`/capas/${c.id}/measures/${measureId}/done`), { summary: 'x' })).statusCode).toBe(403);
    const other = await (await as('unithead2')).post(url(`/capas/${c.id}/measures/${measureId}/done`), { summary: 'x' });
    expect([other.statusCode, code(other)]).toEqual([403, 'pc.capa_measure_not_responsible']);
    const done = await step(
      'unithead1',
      `/capas/${c.id}/measures/${measureId}/done`,
      { summary: 'Кесте енгізілді, датчиктер тексерілді' },
      200,
    );
    expect(done.status).toBe('measures_done');
    expect(done.measures[0]).toMatchObject({ status: 'done', doneBy: { id: w.ids.unithead1 } });
    const again = await official.post(url(`/capas/${c.id}/measures/${measureId}/done`), { summary: 'x' });
    expect(code(again)).toBe('pc.capa_status_invalid');
    await expect(ctx.sql(`UPDATE pc_capa_measures SET description = 'changed' WHERE id = $1`, [measureId])).rejects.toThrow();
  });

  it('R315-21 a CAPA cannot close before its effectiveness is evaluated as effective (use case and database), and only the head or the service’s head closes it', async () => {
    const id = capa.vent!;
    const service = await as('pcservice');
    const early = await service.post(url(`/capas/${id}/close`), {});
    expect([early.statusCode, code(early)]).toEqual([409, 'pc.capa_not_evaluated']);
    // No other path closes it either: the database refuses.
    await expect(
      ctx.sql(`UPDATE pc_capas SET status = 'closed', closed_by = $2, closed_at = now() WHERE id = $1`, [id, w.ids.pcservice]),
    ).rejects.toThrow(/cannot close before its effectiveness is evaluated/);

    // Not effective: the CAPA reopens for new measures (round 2) and still cannot close.
    const blank = await service.post(url(`/capas/${id}/evaluations`), { effective: false, conclusion: '' });
    expect([code(blank), details(blank).field]).toEqual(['pc.capa_text_required', 'conclusion']);
    const reopened = await step('pcofficial', `/capas/${id}/evaluations`, {
      effective: false,
      conclusion: '15.03 тексеруде газ датчигі қайтадан тексерілмеген',
    });
    expect([reopened.status, reopened.round]).toEqual(['open', 2]);
    expect(reopened.evaluations[0]).toMatchObject({ round: 1, effective: false, evaluatedBy: { id: w.ids.pcofficial } });
    expect(code(await service.post(url(`/capas/${id}/close`), {}))).toBe('pc.capa_not_evaluated');
    expect(code(await service.post(url(`/capas/${id}/evaluations`), { effective: true, conclusion: 'x' }))).toBe('pc.capa_status_invalid');
    await expect(
      ctx.sql(`UPDATE pc_capas SET status = 'closed', closed_by = $2, closed_at = now() WHERE id = $1`, [id, w.ids.pcservice]),
    ).rejects.toThrow();

    await measuresDone(id, cause['TRAIN.1']!, 'екінші айналым');
    const effective = await step('pcservice', `/capas/${id}/evaluations`, {
      effective: true,
      conclusion: 'Екі тексеруде бұзушылық қайталанбады',
    });
    expect([effective.status, effective.round, effective.evaluations.length]).toEqual(['evaluated', 2, 2]);
    expect((await (await as('pcofficial')).post(url(`/capas/${id}/close`), {})).statusCode).toBe(403);
    const closed = await step('operator', `/capas/${id}/close`, { note: 'Тиімді' }, 200);
    expect([closed.status, closed.closedBy.id, closed.closingNote]).toEqual(['closed', w.ids.head, 'Тиімді']);
    // Closed is final.
    expect(code(await service.post(url(`/capas/${id}/close`), {}))).toBe('pc.capa_closed');
    expect(code(await service.post(url(`/capas/${id}/causes`), { causeCategoryId: cause['ORG.1'], description: 'x' }))).toBe(
      'pc.capa_closed',
    );
    await expect(ctx.sql(`UPDATE pc_capas SET title = 'x' WHERE id = $1`, [id])).rejects.toThrow(/closed/);
    await expect(ctx.sql(`DELETE FROM pc_capas WHERE id = $1`, [id])).rejects.toThrow();
    const chain = await ctx.sql(`SELECT action FROM ledger_entries WHERE subject_id = $1 ORDER BY seq`, [id]);
    expect(chain.rows.map((r) => (r as { action: string }).action)).toEqual([
      'pc.capa_opened',
      'pc.capa_cause_recorded',
      'pc.capa_measure_added',
      'pc.capa_measures_approved',
      'pc.capa_measure_done',
      'pc.capa_reopened',
      'pc.capa_cause_recorded',
      'pc.capa_measure_added',
      'pc.capa_measures_approved',
      'pc.capa_measure_done',
      'pc.capa_evaluated_effective',
      'pc.capa_closed',
    ]);
  });

  it('R315-21 (point 23) a preventive CAPA starts from an information source or a forecast, and closes after the report to management', async () => {
    const official = await as('pcofficial');
    const base = { kind: 'preventive', title: 'Конвейер таспасының үзілуі', facilityId: w.facility };
    expect(code(await official.post(url('/capas'), base))).toBe('pc.capa_source_required');
    expect(code(await official.post(url('/capas'), { ...base, source: 'authority_letter', violationIds: [violations[0]] }))).toBe(
      'pc.capa_kind_fields',
    );
    const noForecast = await official.post(url('/capas'), { ...base, source: 'forecast', sourceDescription: 'Тозу статистикасы' });
    expect(details(noForecast).field).toBe('forecastDescription');
    expect(
      code(await official.post(url('/capas'), { ...base, source: 'incident_elsewhere', sourceDescription: 'x', unitId: w.facility })),
    ).toBe('pc.capa_place_invalid');
    const opened = await official.post(url('/capas'), {
      ...base,
      unitId: w.unitB,
      source: 'incident_elsewhere',
      sourceDescription: 'Қарағанды облысындағы шахтада конвейер таспасы үзілді (ТЖМ хаты, 2026 ж. ақпан)',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const p = opened.json();
    capa.preventive = p.id;
    expect([p.number, p.kind, p.source, p.unitId]).toEqual(['АІ-2026/003', 'preventive', 'incident_elsewhere', w.unitB]);
    await measuresDone(p.id, cause['TECH.1']!, 'алдын алу');
    await step('pcofficial', `/capas/${p.id}/evaluations`, { effective: true, conclusion: 'Таспалар ауыстырылды, бақылау енгізілді' });
    const early = await (await as('pcservice')).post(url(`/capas/${p.id}/close`), {});
    expect([early.statusCode, code(early)]).toEqual([409, 'pc.capa_management_report_required']);
    const reported = await step('pcofficial', `/capas/${p.id}/management-reports`, { summary: 'Басшылыққа 2026 ж. 2 наурызда баяндалды' });
    expect(reported.managementReports[0]).toMatchObject({ reportedBy: { id: w.ids.pcofficial } });
    expect((await step('pcservice', `/capas/${p.id}/close`, {}, 200)).status).toBe('closed');
  });

  it('R315-21 (point 21) the year’s CAPAs feed next year’s plan: the first head accepts or rejects; an accepted inspection is a draft line of next year’s schedule', async () => {
    const official = await as('pcofficial');
    const propose = (o: Record<string, unknown>) =>
      official.post(url('/capa/plan-proposals'), {
        capaId: capa.vent,
        year: 2027,
        kind: 'inspection',
        description: 'Газ бақылауын тоқсан сайын тексеру',
        ...o,
      });
    const thisYear = await propose({ year: 2026 });
    expect([thisYear.statusCode, code(thisYear), details(thisYear)]).toMatchObject([
      400,
      'pc.capa_plan_year_invalid',
      { field: 'year', from: 2027, to: 2027 },
    ]);
    expect(code(await propose({ year: 2028 }))).toBe('pc.capa_plan_year_invalid');
    expect(code(await propose({ description: '' }))).toBe('pc.capa_text_required');
    expect(code(await propose({ capaId: w.facility }))).toBe('pc.capa_not_found');
    const inspection = await propose({});
    expect(inspection.statusCode, inspection.body).toBe(201);
    expect(inspection.json()).toMatchObject({ status: 'pending', facilityId: w.facility, unitId: w.unitA, capaNumber: 'ТІ-2026/002' });
    const training = (await propose({ kind: 'training', description: 'Газ датчиктері бойынша оқыту' })).json();
    const extra = (await propose({ kind: 'measure', description: 'Резервтік желдеткіш' })).json();

    const accept = (id: string, body: unknown, login = 'operator') =>
      as(login).then((c) => c.post(url(`/capa/plan-proposals/${id}/accept`), body));
    const line = { kind: 'scheduled', plannedOn: '2027-03-15', checklistId, responsibleOfficialId: w.ids.pcofficial };
    expect((await accept(inspection.json().id, { schedule: line }, 'pcservice')).statusCode).toBe(403);
    expect(code(await accept(training.id, { schedule: line }))).toBe('pc.capa_proposal_not_inspection');
    const outside = await accept(inspection.json().id, { schedule: { ...line, plannedOn: '2028-01-10' } });
    expect([outside.statusCode, code(outside)]).toEqual([400, 'pc.schedule_item_invalid']);
    // The refused line left no schedule behind for 2027.
    expect(((await official.get(url('/schedules'))).json().items as { year: number }[]).some((s) => s.year === 2027)).toBe(false);
    const accepted = await accept(inspection.json().id, { schedule: line });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: { id: w.ids.head } });
    const schedules = (await official.get(url('/schedules'))).json().items as { id: string; year: number; status: string }[];
    const draft = schedules.find((s) => s.year === 2027)!;
    expect(draft.status).toBe('draft');
    const lines = (await official.get(url(`/schedules/${draft.id}`))).json().items as { id: string; plannedOn: string; unitId: string }[];
    expect(lines.map((l) => [l.id, l.plannedOn, l.unitId])).toEqual([[accepted.json().scheduleItemId, '2027-03-15', w.unitA]]);
    expect(code(await accept(inspection.json().id, {}))).toBe('pc.capa_proposal_decided');

    const reject = (id: string, reason: string) => as('operator').then((c) => c.post(url(`/capa/plan-proposals/${id}/reject`), { reason }));
    const noReason = await reject(training.id, '  ');
    expect([noReason.statusCode, code(noReason)]).toEqual([400, 'pc.capa_proposal_reason_required']);
    expect((await reject(training.id, 'Оқыту 2026 жылғы жоспарда бар')).json()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Оқыту 2026 жылғы жоспарда бар',
    });
    expect((await accept(extra.id, {})).json()).toMatchObject({ status: 'accepted', scheduleItemId: null });
    await expect(ctx.sql(`UPDATE pc_plan_proposals SET status = 'pending' WHERE id = $1`, [training.id])).rejects.toThrow();
    const list = (await official.get(url('/capa/plan-proposals?year=2027'))).json().items as { status: string }[];
    expect(list.map((p) => p.status)).toEqual(['accepted', 'rejected', 'accepted']);
  });

  it('R315-21 access: a unit head reads the CAPAs of their units, the auditor reads all, a performer none; an unknown CAPA is 404', async () => {
    const numbers = async (login: string) =>
      ((await (await as(login)).get(url('/capas'))).json().items as { number: string }[]).map((c) => c.number);
    expect(await numbers('pcauditor')).toEqual(['АІ-2026/003', 'ТІ-2026/002', 'ТІ-2026/001']);
    expect(await numbers('unithead1')).toEqual(['ТІ-2026/002', 'ТІ-2026/001']);
    expect(await numbers('unithead2')).toEqual(['АІ-2026/003']);
    expect((await (await as('unithead2')).get(url(`/capas/${capa.vent}`))).statusCode).toBe(404);
    expect((await (await as('unithead1')).get(url(`/capas/${capa.vent}`))).statusCode).toBe(200);
    expect((await (await as('performer1')).get(url('/capas'))).statusCode).toBe(403);
    expect(
      (await (await as('pcauditor')).post(url('/capas'), { kind: 'corrective', title: 'x', violationIds: [violations[0]] })).statusCode,
    ).toBe(403);
    expect(code(await (await as('pcofficial')).get(url(`/capas/${w.facility}`)))).toBe('pc.capa_not_found');
    // Bad input is a coded 4xx, never a 500: unknown ids, an unknown kind, a missing field.
    const official = await as('pcofficial');
    expect(code(await official.post(url(`/capas/${w.facility}/causes`), { causeCategoryId: cause.ORG, description: 'x' }))).toBe(
      'pc.capa_not_found',
    );
    expect(code(await official.post(url(`/capas/${capa.transport}/measures/${w.facility}/done`), { summary: 'x' }))).toBe(
      'pc.capa_status_invalid',
    );
    expect(code(await (await as('operator')).post(url(`/capa/plan-proposals/${w.facility}/reject`), { reason: 'x' }))).toBe(
      'pc.capa_proposal_not_found',
    );
    expect((await official.post(url('/capas'), { kind: 'other', title: 'x' })).statusCode).toBe(400);
    expect((await official.post(url(`/capas/${capa.transport}/evaluations`), { conclusion: 'x' })).statusCode).toBe(400);
    expect(((await (await as('unithead2')).get(url('/capa/plan-proposals'))).json().items as unknown[]).length).toBe(0);
  });

  it('R315-21 capaSummary: causes by category, CAPAs opened, closed and evaluated, proposals for next year — counted by hand', async () => {
    const s = await capaSummary(ctx.deps.db, w.org, 2026);
    // Causes: TECH.4 (transport), TECH.2 and TRAIN.1 (ventilation), TECH.1 (preventive) → TECH 3, TRAIN 1.
    expect(s.causesByCategory.map((c) => [c.code, c.count])).toEqual([
      ['TECH', 3],
      ['TRAIN', 1],
    ]);
    // Opened 3 (2 corrective, 1 preventive); closed 2; evaluations: effective 2, not effective 1; the transport one stays open.
    expect(s.capas).toEqual({
      opened: 3,
      openedCorrective: 2,
      openedPreventive: 1,
      closed: 2,
      evaluatedEffective: 2,
      evaluatedNotEffective: 1,
      openAtYearEnd: 1,
    });
    expect(s.proposals).toEqual({ forYear: 2027, pending: 0, accepted: 2, rejected: 1 });
    expect((await capaSummary(ctx.deps.db, w.org, 2025)).capas.opened).toBe(0);
    const http = await (await as('pcauditor')).get(url('/capa/summary?year=2026'));
    expect(http.json()).toEqual(JSON.parse(JSON.stringify(s)));
  });
});
