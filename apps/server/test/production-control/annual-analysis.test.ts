import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcScheduleItems, pcSchedules } from '../../src/production-control/schedule/schedule.table.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/**
 * R315-20 on a fixed data set for 2025 (Almaty, UTC+5), counted by hand; the analysis is made on 5 January 2026.
 *
 * Schedule 2025: L1 unit A 10.03 (pcofficial) done by I1; L2 unit B 10.06 (pcofficial) done by I2;
 *   L3 unit A 10.09 (pcofficial) not done; L4 unit B 10.11 (pcservice) not done; L5 2026 — not counted.
 * Inspections: I0 unit A 20.12.2024 (pcofficial; v0) — outside the year; I1 unit A 10.03 (pcofficial; v1 dangerous,
 *   v2, v3 on the spot); I2 unit B 10.06 (pcofficial; v4); I3 unit A 01.10 (pcservice; v5).
 * Measures: v0 deadline 15.01, reported 10.01, verified 20.01 by pcofficial (late, 10 days);
 *   v1 deadline 31.03, reported 25.03, verified 28.03 by pcofficial (on time, 3 days); v1 reopened on 10.06;
 *   v2 deadline 30.04, reported 05.05, verified 07.05 by pcservice (late, 2 days); v4 deadline 15.07, never verified;
 *   v5 deadline 20.01.2026 — not due in 2025.
 *
 *                        pcofficial        pcservice       organisation
 *   measures on time     1/4 = 25 %        0/0 —           1/4 = 25 %
 *   reopened             1/4 = 25 %        0/1 = 0 %       1/5 = 20 %
 *   schedule done        2/3 = 66.7 %      0/1 = 0 %       2/4 = 50 %
 *   days to verify       13/2 = 6.5        2/1 = 2         15/3 = 5
 *   violations/insp.     4/2 = 2           1/1 = 1         5/3 = 1.7
 */
let ctx: TestContext;
let w: OperatorWorld;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const at = (iso: string) => {
  ctx.clock.now = new Date(iso);
};
const as = async (login: string) => {
  const c = new ApiClient(ctx);
  const res = await c.login(login);
  if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
  return c;
};
const v: Record<string, { instruction: string; item: string; violation: string }> = {};
const line: Record<string, string> = {};

async function inspect(
  key: string,
  o: {
    unit: string;
    completedAt: string;
    official?: 'pcservice';
    schedule?: string;
    violations: string[];
    dangerous?: boolean;
    onSpot?: boolean;
    deadlines: string[];
  },
) {
  at(o.completedAt);
  const insp = await w.inspection({
    unit: o.unit,
    completedAt: o.completedAt,
    violations: o.violations.map((name, n) => ({
      description: `${key}: ${name}`,
      point: `${20 + n}-тармақ`,
      dangerous: n === 0 && o.dangerous,
      onSpot: n === o.violations.length - 1 && o.onSpot,
    })),
  });
  if (o.official) await ctx.sql('UPDATE pc_inspections SET official_id = $1 WHERE id = $2', [w.ids[o.official], insp.id]);
  if (o.schedule) await ctx.sql('UPDATE pc_inspections SET schedule_item_id = $1 WHERE id = $2', [o.schedule, insp.id]);
  at(new Date(new Date(o.completedAt).getTime() + 86_400_000).toISOString());
  const res = await (
    await as(o.official ?? 'pcofficial')
  ).post(`${w.base}/inspections/${insp.id}/act`, {
    issuedOn: ctx.clock.now.toISOString().slice(0, 10),
    unitId: o.unit,
    items: o.deadlines.map((deadline, n) => ({
      violationId: insp.violations[n],
      measure: `${key}: шара ${n + 1}`,
      performerId: o.unit === w.unitA ? w.ids.performer1 : w.ids.performer2,
      deadline,
    })),
  });
  if (res.statusCode !== 201) throw new Error(`${key}: ${res.body}`);
  o.deadlines.forEach((_, n) => {
    v[o.violations[n]!] = {
      instruction: res.json().instruction.id,
      item: res.json().instruction.items[n].id,
      violation: insp.violations[n]!,
    };
  });
}

async function verify(name: string, performer: string, reportedAt: string, verifier: string, verifiedAt: string) {
  const url = (tail: string) => `${w.base}/instructions/${v[name]!.instruction}/items/${v[name]!.item}/${tail}`;
  at(reportedAt);
  const p = await as(performer);
  expect((await p.request('POST', url('evidence?fileName=photo.jpg'), JPEG, { 'content-type': 'image/jpeg' })).statusCode).toBe(201);
  expect((await p.post(url('report'), { note: 'Орындалды' })).statusCode).toBe(200);
  at(verifiedAt);
  const res = await (await as(verifier)).post(url('verification'), { accept: true });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  at('2024-12-01T05:00:00Z');
  w = await seedOperator(ctx);
  const [checklist] = (await ctx.sql('SELECT id FROM pc_checklists WHERE organisation_id = $1', [w.org])).rows;
  const schedule = randomUUID();
  const db = ctx.deps.db;
  await db.insert(pcSchedules).values({
    id: schedule,
    organisationId: w.org,
    year: 2025,
    revision: 1,
    status: 'approved',
    approvedBy: w.ids.head!,
    approvedAt: new Date('2024-12-25T05:00:00Z'),
    createdAt: new Date('2024-12-20T05:00:00Z'),
  });
  for (const [key, unit, plannedOn, who] of [
    ['L1', w.unitA, '2025-03-10', 'pcofficial'],
    ['L2', w.unitB, '2025-06-10', 'pcofficial'],
    ['L3', w.unitA, '2025-09-10', 'pcofficial'],
    ['L4', w.unitB, '2025-11-10', 'pcservice'],
    ['L5', w.unitA, '2026-02-01', 'pcofficial'],
  ] as const) {
    line[key] = randomUUID();
    await db.insert(pcScheduleItems).values({
      id: line[key],
      organisationId: w.org,
      scheduleId: schedule,
      facilityId: w.facility,
      unitId: unit,
      kind: 'scheduled',
      plannedOn,
      checklistId: checklist!.id as string,
      responsibleOfficialId: w.ids[who]!,
    });
  }
  await inspect('I0', { unit: w.unitA, completedAt: '2024-12-20T05:00:00Z', violations: ['v0'], deadlines: ['2025-01-15'] });
  await verify('v0', 'performer1', '2025-01-10T05:00:00Z', 'pcofficial', '2025-01-20T05:00:00Z');
  await inspect('I1', {
    unit: w.unitA,
    completedAt: '2025-03-10T05:00:00Z',
    schedule: line.L1,
    violations: ['v1', 'v2', 'v3'],
    dangerous: true,
    onSpot: true,
    deadlines: ['2025-03-31', '2025-04-30'],
  });
  await verify('v1', 'performer1', '2025-03-25T05:00:00Z', 'pcofficial', '2025-03-28T05:00:00Z');
  await verify('v2', 'performer1', '2025-05-05T05:00:00Z', 'pcservice', '2025-05-07T05:00:00Z');
  await inspect('I2', {
    unit: w.unitB,
    completedAt: '2025-06-10T05:00:00Z',
    schedule: line.L2,
    violations: ['v4'],
    deadlines: ['2025-07-15'],
  });
  // A re-check found v1 again (the inspection feature writes this event; here it is written straight in).
  await ctx.sql(
    `INSERT INTO pc_violation_events (id, organisation_id, violation_id, kind, at, actor_id) VALUES ($1, $2, $3, 'reopened', '2025-06-10T05:00:00Z', $4)`,
    [randomUUID(), w.org, v.v1!.violation, w.ids.pcofficial],
  );
  await inspect('I3', {
    unit: w.unitA,
    completedAt: '2025-10-01T05:00:00Z',
    official: 'pcservice',
    violations: ['v5'],
    deadlines: ['2026-01-20'],
  });
  at('2026-01-05T05:00:00Z');
}, 120_000);
afterAll(() => ctx.close());

type Value = { code: string; numerator: number; denominator: number; value: number | null; met: boolean | null };
const table = (values: Value[]) => Object.fromEntries(values.map((x) => [x.code, [x.numerator, x.denominator, x.value, x.met]]));
const figures = async (login = 'pcservice') => {
  const res = await (await as(login)).get(`${w.base}/analysis/2025`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const of = (f: { officials: { personId: string; indicators: Value[] }[] }, login: string) =>
  table(f.officials.find((o) => o.personId === w.ids[login])!.indicators);

describe('R315-20 the annual analysis', () => {
  it('R315-20 indicators are computed per official from a hand-counted data set', async () => {
    const { figures: f, versions } = await figures();
    expect(versions).toEqual([]);
    expect(f.asOf).toBe('2025-12-31T19:00:00.000Z');
    expect(of(f, 'pcofficial')).toEqual({
      measures_on_time: [1, 4, 25, false],
      reopened: [1, 4, 25, false],
      schedule_done: [2, 3, 66.7, false],
      days_to_verify: [13, 2, 6.5, false],
      violations_per_inspection: [4, 2, 2, true],
    });
    expect(of(f, 'pcservice')).toEqual({
      measures_on_time: [0, 0, null, null],
      reopened: [0, 1, 0, true],
      schedule_done: [0, 1, 0, false],
      days_to_verify: [2, 1, 2, true],
      violations_per_inspection: [1, 1, 1, true],
    });
    // Appointed over another facility, did nothing in the year: nothing to count.
    expect(Object.values(of(f, 'pcofficial2'))).toEqual(Array(5).fill([0, 0, null, null]));
    expect(table(f.organisation)).toEqual({
      measures_on_time: [1, 4, 25, false],
      reopened: [1, 5, 20, false],
      schedule_done: [2, 4, 50, false],
      days_to_verify: [15, 3, 5, true],
      violations_per_inspection: [5, 3, 1.7, true],
    });
    const place = (unit: string) => f.places.find((p: { unitId: string }) => p.unitId === unit);
    expect(place(w.unitA)).toMatchObject({
      planned: 2,
      inspected: { scheduled: 2, extraordinary: 0, comprehensive: 0 },
      violationsFound: 4,
      dangerousFound: 1,
      instructionsIssued: 2,
    });
    expect(place(w.unitB)).toMatchObject({
      planned: 2,
      inspected: { scheduled: 1 },
      violationsFound: 1,
      dangerousFound: 0,
      instructionsIssued: 1,
    });
  });

  it('R315-20 the indicator definitions are data: the head edits one as a new version; bad values are refused', async () => {
    const head = await as('operator');
    const before = (await head.get(`${w.base}/analysis/indicators`)).json();
    expect(before.items.map((d: { code: string; version: number }) => `${d.code}@${d.version}`)).toEqual([
      'measures_on_time@0',
      'reopened@0',
      'schedule_done@0',
      'days_to_verify@0',
      'violations_per_inspection@0',
    ]);
    const reopened = before.items[1];
    const edit = await head.post(`${w.base}/analysis/indicators`, { ...reopened, version: undefined, target: 30 });
    expect(edit.statusCode, edit.body).toBe(201);
    expect(edit.json()).toMatchObject({ code: 'reopened', version: 1, target: 30 });
    expect(of((await figures()).figures, 'pcofficial').reopened).toEqual([1, 4, 25, true]);
    const same = await head.post(`${w.base}/analysis/indicators`, { ...reopened, version: undefined, target: 30 });
    expect(same.json().error).toMatchObject({ code: 'pc.indicator_unchanged', details: { version: 1 } });
    // A new indicator of the organisation's own, from the fixed set of computations.
    const added = await (
      await as('pcservice')
    ).post(`${w.base}/analysis/indicators`, {
      code: 'verify_speed_strict',
      nameKk: 'Тексерудің қатаң мерзімі, күн',
      nameRu: 'Строгий срок проверки, дней',
      nameEn: 'Strict days to verify',
      formula: 'average_days_to_verify',
      target: 3,
      direction: 'at_most',
      active: true,
    });
    expect(added.statusCode).toBe(201);
    expect(of((await figures()).figures, 'pcofficial').verify_speed_strict).toEqual([13, 2, 6.5, false]);
    const off = await head.post(`${w.base}/analysis/indicators`, { ...(added.json() as object), version: undefined, active: false });
    expect(off.json()).toMatchObject({ version: 2, active: false });
    expect(of((await figures()).figures, 'pcofficial').verify_speed_strict).toBeUndefined();

    const bad = [
      [{ ...reopened, version: undefined, code: 'Bad Code' }, 'pc.indicator_code_invalid', 'code'],
      [{ ...reopened, version: undefined, target: 150 }, 'pc.indicator_target_invalid', 'target'],
      [{ ...reopened, version: undefined, target: -1 }, 'pc.indicator_target_invalid', 'target'],
    ] as const;
    for (const [body, code, field] of bad) {
      const res = await head.post(`${w.base}/analysis/indicators`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code, details: { field } });
    }
    const formula = await head.post(`${w.base}/analysis/indicators`, { ...reopened, version: undefined, formula: 'eval(x)' });
    expect(formula.json().error).toMatchObject({ code: 'validation.failed' });
    expect((await (await as('pcofficial')).post(`${w.base}/analysis/indicators`, { ...reopened, version: undefined })).statusCode).toBe(
      403,
    );
    const history = (await head.get(`${w.base}/analysis/indicators`)).json().history;
    expect(history).toHaveLength(3);
    await expect(ctx.sql(`UPDATE pc_indicator_definitions SET target = 0`)).rejects.toThrow();
  });

  it('R315-20 the service presents it with directions for improvement; the head approves the latest version once', async () => {
    const official = await as('pcofficial');
    const directions = [
      { title: 'Шаралардың мерзімін сақтау', text: 'Учаске бастықтарымен шаралардың мерзімін апта сайын салыстыру.' },
      { title: 'Кесте бойынша тексерулер', text: 'Қыркүйек пен қарашадағы өткізілмеген тексерулерді I тоқсанда жүргізу.' },
    ];
    const early = await official.post(`${w.base}/analysis/2026/presentation`, { directions });
    expect(early.json().error).toMatchObject({ code: 'pc.analysis_year_not_over' });
    expect((await official.post(`${w.base}/analysis/1999/presentation`, { directions })).json().error).toMatchObject({
      code: 'pc.analysis_year_invalid',
      details: { field: 'year' },
    });
    expect((await official.post(`${w.base}/analysis/2025/presentation`, { directions: [] })).json().error).toMatchObject({
      code: 'pc.analysis_directions_required',
    });
    expect(
      (await official.post(`${w.base}/analysis/2025/presentation`, { directions: [{ title: ' ', text: 'x' }] })).json().error,
    ).toMatchObject({ code: 'pc.analysis_directions_required' });

    const v1 = await official.post(`${w.base}/analysis/2025/presentation`, { directions });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ year: 2025, version: 1, approval: null, presentedBy: { id: w.ids.pcofficial } });
    const again = await official.post(`${w.base}/analysis/2025/presentation`, { directions });
    expect(again.json().error).toMatchObject({ code: 'pc.analysis_unchanged', details: { version: 1 } });
    const notified = await ctx.sql(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'pc.annual_analysis_presented'`, [
      w.ids.head,
    ]);
    expect(notified.rows).toHaveLength(1);
    // The notice to staff is made only from an approved analysis.
    const tooSoon = await official.post(`${w.base}/analysis/versions/${v1.json().id}/notice`, {
      causes: 'Себептер',
      addressees: { userIds: [], unitIds: [w.unitA], facilityIds: [], allMembers: false },
    });
    expect(tooSoon.json().error).toMatchObject({ code: 'pc.analysis_not_approved' });

    const v2 = await (
      await as('pcservice')
    ).post(`${w.base}/analysis/2025/presentation`, {
      directions: [...directions, { title: 'Қайта ашылған бұзушылықтар', text: 'Қайта тексеруді қатаңдату.' }],
    });
    expect(v2.json()).toMatchObject({ version: 2 });
    const head = await as('operator');
    const stale = await head.post(`${w.base}/analysis/versions/${v1.json().id}/approval`, {});
    expect(stale.json().error).toMatchObject({ code: 'pc.analysis_superseded', details: { latest: 2 } });
    const ok = await head.post(`${w.base}/analysis/versions/${v2.json().id}/approval`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json().approval).toMatchObject({ approvedBy: { id: w.ids.head } });
    expect((await head.post(`${w.base}/analysis/versions/${v2.json().id}/approval`, {})).json().error).toMatchObject({
      code: 'pc.analysis_already_approved',
    });
    const { versions } = await figures('operator');
    expect(versions.map((x: { version: number; approval: unknown }) => [x.version, !!x.approval])).toEqual([
      [2, true],
      [1, false],
    ]);
    await expect(ctx.sql(`UPDATE pc_annual_analyses SET directions = '[]'`)).rejects.toThrow();
    await expect(ctx.sql('DELETE FROM pc_annual_analysis_approvals')).rejects.toThrow();
    const chain = await ctx.sql(`SELECT action FROM ledger_entries WHERE action LIKE 'pc.annual_analysis_%' ORDER BY seq`);
    expect(chain.rows.map((r) => r.action)).toEqual([
      'pc.annual_analysis_presented',
      'pc.annual_analysis_presented',
      'pc.annual_analysis_approved',
    ]);
  });

  it('R315-20 from the approved analysis the service tells staff of the violations and their causes in one step', async () => {
    const [approved] = (await figures('operator')).versions;
    const res = await (
      await as('pcservice')
    ).post(`${w.base}/analysis/versions/${approved.id}/notice`, {
      causes: 'Желдету жабдығына техникалық қызмет көрсету кестесі сақталмаған; жұмысшылар нұсқамадан уақтылы өтпеген.',
      addressees: { userIds: [], unitIds: [w.unitA], facilityIds: [], allMembers: false },
      language: 'kk',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Unit A: unithead1, performer1 (its instructions), pcofficial and pcservice (appointed over the facility).
    expect(res.json().addressees).toBe(4);
    const notice = (await (await as('unithead1')).get(`${w.base}/notices/${res.json().noticeId}`)).json();
    expect(notice).toMatchObject({ kind: 'violations', analysisId: approved.id, language: 'kk', publishedAt: expect.any(String) });
    expect(notice.subject).toContain('2025');
    expect(notice.body).toContain('№ 1 учаске (тазарту): 4 бұзушылық, оның ішінде қауіптісі — 1');
    expect(notice.body).toContain('Желдету учаскесі: 1 бұзушылық');
    expect(notice.body).toContain('Желдету жабдығына техникалық қызмет көрсету кестесі сақталмаған');
    const bad = await (
      await as('pcservice')
    ).post(`${w.base}/analysis/versions/${approved.id}/notice`, {
      causes: '  ',
      addressees: { userIds: [], unitIds: [w.unitA], facilityIds: [], allMembers: false },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('R315-20 the PDF in Kazakh and Russian carries the indicators per official, the results and the directions', async () => {
    for (const [lang, words] of [
      [
        'kk',
        [
          '2025 жылғы өндірістік бақылауды ТАЛДАУ',
          'Мерзімінде орындалған шаралардың үлесі',
          'орындалмады',
          'Мұқанова Айжан Ерланқызы',
          '2-нұсқа',
          'Қайта тексеруді қатаңдату',
        ],
      ],
      [
        'ru',
        [
          'АНАЛИЗ производственного контроля за 2025 год',
          'Доля мероприятий, выполненных в срок',
          'не выполнено',
          'Мұқанова Айжан Ерланқызы',
          'версия 2',
          'Қайта тексеруді қатаңдату',
        ],
      ],
    ] as const) {
      const res = await (await as('operator')).get(`${w.base}/analysis/2025/analysis.pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
      for (const word of words) expect(text).toContain(word);
      expect(text).toContain('66.7');
    }
    const missing = await (await as('operator')).get(`${w.base}/analysis/2025/analysis.pdf?version=9`);
    expect(missing.json().error).toMatchObject({ code: 'pc.analysis_not_found' });
  });

  it('R315-20 R315-24 who may read, present, approve and edit indicators (and another organisation sees nothing)', async () => {
    const [latest] = (await figures('operator')).versions;
    const cases: [string, 'read' | 'present' | 'approve', number][] = [
      ['operator', 'read', 200],
      ['pcservice', 'read', 200],
      ['pcofficial', 'read', 200],
      ['pcauditor', 'read', 200],
      ['unithead1', 'read', 403],
      ['performer1', 'read', 403],
      ['clinic', 'read', 403],
      ['operator', 'present', 403],
      ['pcauditor', 'present', 403],
      ['unithead1', 'present', 403],
      ['clinic', 'present', 403],
      ['pcofficial', 'approve', 403],
      ['pcservice', 'approve', 403],
      ['clinic', 'approve', 403],
    ];
    for (const [login, action, status] of cases) {
      const c = await as(login);
      const res =
        action === 'read'
          ? await c.get(`${w.base}/analysis/2025`)
          : action === 'present'
            ? await c.post(`${w.base}/analysis/2024/presentation`, { directions: [{ title: 'a', text: 'b' }] })
            : await c.post(`${w.base}/analysis/versions/${latest.id}/approval`, {});
      expect([login, action, res.statusCode]).toEqual([login, action, status]);
    }
  });
});
