import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcProposals } from '../../src/production-control/violations/violations.table.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { registers } from './documents-world.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/**
 * R315-26 on a data set counted by hand; the information is for 2025, read on 15 January 2026.
 *   Inspections: 20.12.2024 (1 violation — last year), 10.03.2025 unit A (3: one dangerous, one
 *   eliminated on the spot), 05.06.2025 unit B (2: instruction issued 06.06, the first verified 01.07).
 *   → 2 inspections, 5 found, 1 dangerous, 2 eliminated (1 on the spot), 3 open; 1 instruction in force.
 *   A proposal to remove a worker, accepted. Plan 2025 approved, 3 measures: done on time, done late,
 *   not done; plan 2026 presented, not approved. Accident-response plan of the shaft valid to 2027,
 *   «Тентек» has none. Devices: D1 certified to 02.2026, D2 due 01.05.2025 (overdue), D3 decommissioned;
 *   building B1 examined 2025 (unfit); structure S1. Incident 02.04.2025 investigated, injury
 *   15.09.2025 (1 injured), an accident of 2024. Training 2025: A training, B knowledge check (expired
 *   01.09.2025), D two checks (the latest valid); C retrained 2024, expired 01.11.2025.
 */
let ctx: TestContext;
let w: OperatorWorld;
const at = (iso: string) => {
  ctx.clock.now = new Date(iso);
};
const as = async (login: string, lang: 'kk' | 'ru' | 'en' = 'en') => {
  const c = new ApiClient(ctx);
  const res = await c.login(login);
  if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
  c.lang = lang;
  return c;
};
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const url = () => `${w.base}/annual-information`;

beforeAll(async () => {
  ctx = await createTestContext();
  at('2025-01-05T05:00:00Z');
  w = await seedOperator(ctx);
  const r = registers(ctx, w);
  await w.inspection({ unit: w.unitA, completedAt: '2024-12-20T05:00:00Z', violations: [{ description: 'Өткен жыл', point: '9' }] });
  await w.inspection({
    unit: w.unitA,
    completedAt: '2025-03-10T05:00:00Z',
    violations: [
      { description: 'Метан датчигі жұмыс істемейді', point: '12', dangerous: true },
      { description: 'Өрт сөндіргіш жоқ', point: '13' },
      { description: 'Белгі ілінбеген', point: '14', onSpot: true },
    ],
  });
  const b = await w.inspection({
    unit: w.unitB,
    completedAt: '2025-06-05T05:00:00Z',
    violations: [
      { description: 'Желдеткіш тор сынған', point: '15' },
      { description: 'Журнал толтырылмаған', point: '16' },
    ],
  });
  at('2025-06-06T05:00:00Z');
  const act = await (
    await as('pcofficial')
  ).post(`${w.base}/inspections/${b.id}/act`, {
    issuedOn: '2025-06-06',
    unitId: w.unitB,
    items: b.violations.map((violationId, n) => ({
      violationId,
      measure: `Шара ${n + 1}`,
      performerId: w.ids.performer2,
      deadline: '2025-07-31',
    })),
  });
  expect(act.statusCode).toBe(201);
  const ins = act.json().instruction;
  at('2025-07-01T05:00:00Z');
  const item = (tail: string) => `${w.base}/instructions/${ins.id}/items/${ins.items[0].id}/${tail}`;
  const p = await as('performer2');
  expect((await p.request('POST', item('evidence?fileName=photo.jpg'), JPEG, { 'content-type': 'image/jpeg' })).statusCode).toBe(201);
  expect((await p.post(item('report'), { note: 'Орындалды' })).statusCode).toBe(200);
  ctx.clock.advance(3600_000);
  expect((await (await as('pcofficial')).post(item('verification'), { accept: true })).statusCode).toBe(200);

  await ctx.deps.db.insert(pcProposals).values({
    id: randomUUID(),
    organisationId: w.org,
    kind: 'remove_staff',
    facilityId: w.facility,
    unitId: w.unitA,
    description: 'Білімі тексерілмеген',
    staffMember: 'Сейітов Қ.',
    proposedBy: w.ids.pcofficial!,
    proposedAt: new Date('2025-08-01T05:00:00Z'),
    status: 'accepted',
    decidedBy: w.ids.head!,
    decidedAt: new Date('2025-08-02T05:00:00Z'),
  });
  const tentek = await r.facility('«Тентек» көмір байыту фабрикасы');
  await r.plan({
    kind: 'safety_measures',
    year: 2025,
    title: '2025 жылғы іс-шаралар жоспары',
    approvedOn: '2025-01-15',
    measures: [
      { measure: 'Желдету жүйесін жаңарту', dueOn: '2025-03-31', doneOn: '2025-03-20' },
      { measure: 'Метан датчиктерін ауыстыру', dueOn: '2025-06-30', doneOn: '2025-07-10' },
      { measure: 'Өрт сөндіру құбырын жөндеу', dueOn: '2025-11-30' },
    ],
  });
  await r.plan({
    kind: 'safety_measures',
    year: 2026,
    title: '2026 жылғы іс-шаралар жоспары',
    measures: [{ measure: 'Аудит', dueOn: '2026-05-01' }],
  });
  await r.plan({
    kind: 'accident_response',
    facilityId: w.facility,
    title: 'Авариялық жою жоспары (ПЛА)',
    approvedOn: '2025-01-20',
    validUntil: '2027-01-01',
  });
  await r.object({
    facilityId: w.facility,
    kind: 'device',
    name: 'D1 көтергіш',
    exams: [{ kind: 'certification', performedOn: '2025-02-01', nextDueOn: '2026-02-01' }],
  });
  await r.object({
    facilityId: w.facility,
    kind: 'device',
    name: 'D2 компрессор',
    exams: [{ kind: 'certification', performedOn: '2024-05-01', nextDueOn: '2025-05-01' }],
  });
  await r.object({ facilityId: w.facility, kind: 'device', name: 'D3 ескі сорғы', decommissionedOn: '2025-06-01' });
  await r.object({
    facilityId: w.facility,
    kind: 'building',
    name: 'B1 әкімшілік-тұрмыстық ғимарат',
    exams: [{ kind: 'technical_examination', performedOn: '2025-04-10', nextDueOn: '2026-04-10', result: 'unfit' }],
  });
  await r.object({ facilityId: tentek, kind: 'structure', name: 'S1 эстакада' });
  await r.accident({
    facilityId: w.facility,
    number: 'АО-2025/001',
    kind: 'incident',
    occurredAt: '2025-04-02T03:00:00Z',
    causes: 'Конвейер таспасының үзілуі',
  });
  await r.accident({ facilityId: tentek, number: 'АО-2025/002', kind: 'injury', occurredAt: '2025-09-15T03:00:00Z', injured: 1 });
  await r.accident({ facilityId: w.facility, number: 'АО-2024/009', kind: 'accident', occurredAt: '2024-11-15T03:00:00Z' });
  await r.training({ fullName: 'Әлиев Асқар', kind: 'training', completedOn: '2025-02-10', validUntil: '2026-02-10' });
  await r.training({ fullName: 'Бекова Ботагөз', kind: 'knowledge_check', completedOn: '2025-03-01', validUntil: '2025-09-01' });
  await r.training({ fullName: 'Сейітов Қанат', kind: 'retraining', completedOn: '2024-11-01', validUntil: '2025-11-01' });
  await r.training({ fullName: 'Дәулетов Ерлан', kind: 'knowledge_check', completedOn: '2025-05-05', validUntil: '2025-06-01' });
  await r.training({ fullName: 'Дәулетов Ерлан', kind: 'knowledge_check', completedOn: '2025-06-01', validUntil: '2026-06-01' });
  at('2026-01-15T05:00:00Z');
});
afterAll(() => ctx.close());

describe('R315-26 the annual information on the organisation of production control', () => {
  it('R315-26 each section is counted from the year’s data, as counted by hand', async () => {
    const res = await (await as('pcservice')).get(`${url()}/2025`);
    expect(res.statusCode).toBe(200);
    const f = res.json().figures;
    expect(f.year).toBe(2025);
    expect(f.plan.past).toMatchObject({ year: 2025, version: 1, approvedOn: '2025-01-15', measures: 3, done: 2, doneOnTime: 1 });
    expect(f.plan.current).toMatchObject({ year: 2026, approvedOn: null, measures: 1 });
    expect(f.plan.measures.map((m: { doneOn: string | null }) => m.doneOn)).toEqual(['2025-03-20', '2025-07-10', null]);
    expect(f.management).toMatchObject({ facilities: 2, units: 2, schedule: null });
    expect(f.management.officials).toHaveLength(3);
    expect(f.management.officials[0]).toMatchObject({
      position: 'service_head',
      fullName: 'Жақсылықов Бауыржан Төлеуұлы',
      facilities: ['«Шахтинская» шахтасы'],
    });
    expect(f.violations).toMatchObject({
      inspections: { scheduled: 2, extraordinary: 0, comprehensive: 0 },
      found: 5,
      dangerous: 1,
      eliminatedOnSpot: 1,
      eliminated: 2,
      open: 3,
      instructions: { issued: 1, closed: 0, cancelled: 0, inForce: 1 },
      proposals: { suspendWork: 0, removeStaff: 1, accepted: 1 },
    });
    expect(f.violations.byFacility).toEqual([{ facility: '«Шахтинская» шахтасы', inspections: 2, found: 5, eliminated: 2, open: 3 }]);
    expect(f.readiness.withoutValidPlan).toBe(1);
    expect(f.readiness.plans.map((p: { state: string }) => p.state)).toEqual(['none', 'valid']); // «Тентек» sorts before «Шахтинская»
    expect(f.devices.totals).toEqual({ devices: 2, buildings: 1, structures: 1, examined: 2, unfit: 1, overdue: 1 });
    expect(f.accidents).toMatchObject({ counts: { accident: 0, incident: 1, injury: 1 }, injured: 1, fatalities: 0, investigated: 1 });
    expect(f.accidents.list.map((a: { number: string }) => a.number)).toEqual(['АО-2025/001', 'АО-2025/002']);
    expect(f.training).toMatchObject({ records: { training: 1, retraining: 0, knowledge_check: 3 }, people: 3 });
    expect(f.training.expired.map((e: { fullName: string }) => e.fullName)).toEqual(['Бекова Ботагөз', 'Сейітов Қанат']);
    expect(Object.keys(res.json().texts)).toEqual(['plan', 'management', 'violations', 'readiness', 'devices', 'accidents', 'training']);
  });

  it('R315-26 bad input: the year, unknown and too long texts, the required texts, a year not over (kk/ru/en)', async () => {
    const c = await as('pcservice');
    for (const year of ['20x5', '1999', '2027']) {
      const res = await c.get(`${url()}/${year}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'pc.document_year_invalid', details: { field: 'year' } });
    }
    const unknown = await c.request('PUT', `${url()}/2025/texts`, { texts: { budget: 'x' } });
    expect(unknown.json().error).toMatchObject({ code: 'pc.document_text_unknown', details: { field: 'texts.budget' } });
    const long = await c.request('PUT', `${url()}/2025/texts`, { texts: { management: 'ж'.repeat(8001) } });
    expect(long.json().error).toMatchObject({ code: 'pc.document_text_too_long', details: { field: 'texts.management', max: 8000 } });
    const notOver = await c.post(`${url()}/2026/presentation`, {});
    expect(notOver.statusCode).toBe(409);
    expect(notOver.json().error.code).toBe('pc.document_year_not_over');
    const messages: Record<string, RegExp> = {
      kk: /«texts\.management» өрісі: «өнеркәсіптік қауіпсіздікті басқару жүйесі» бөлімінің мәтіні толтырылмаған.*26-тармақтары/,
      ru: /Поле «texts\.management»: не заполнен текст раздела «система управления промышленной безопасностью».*Приказа № 315/,
      en: /Field “texts\.management”: the text of the section “industrial-safety management system” is empty/,
    };
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const res = await (await as('pcservice', lang)).post(`${url()}/2025/presentation`, {});
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'pc.document_text_required', details: { field: 'texts.management' } });
      expect(res.json().error.message).toMatch(messages[lang]!);
    }
    expect((await ctx.sql('SELECT count(*)::int AS n FROM pc_document_versions')).rows[0]!.n).toBe(0);
  });

  it('R315-26 presented versions are write-once; only the first head approves the latest, once', async () => {
    const svc = await as('pcservice');
    const saved = await svc.request('PUT', `${url()}/2025/texts`, {
      texts: {
        management: 'Өнеркәсіптік қауіпсіздікті басқару жүйесі ұйым басшысының бұйрығымен енгізілген.',
        violations: 'Уәкілетті органның 2025 жылғы нұсқамасы толық орындалды.',
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().texts).toMatchObject({ plan: '', management: expect.stringContaining('басқару жүйесі') });
    const v1 = await svc.post(`${url()}/2025/presentation`, {});
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ period: '2025', version: 1, approval: null, presentedBy: { id: w.ids.pcservice } });
    expect((await svc.post(`${url()}/2025/presentation`, {})).json().error).toMatchObject({
      code: 'pc.document_unchanged',
      details: { version: 1 },
    });
    const notice = await ctx.sql(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'pc.annual_information_presented'`,
      [w.ids.head],
    );
    expect(notice.rows[0]!.n).toBe(1);

    // A late entry into 2025's register: the live figures change, version 1 keeps what was presented.
    await registers(ctx, w).accident({
      facilityId: w.facility,
      number: 'АО-2025/003',
      kind: 'incident',
      occurredAt: '2025-12-20T03:00:00Z',
    });
    const v2 = await (await as('pcofficial')).post(`${url()}/2025/presentation`, {});
    expect(v2.json()).toMatchObject({ version: 2 });
    const head = await as('operator');
    expect((await head.post(`${url()}/versions/${v1.json().id}/approval`, {})).json().error).toMatchObject({
      code: 'pc.document_superseded',
      details: { latest: 2 },
    });
    expect((await svc.post(`${url()}/versions/${v2.json().id}/approval`, {})).statusCode).toBe(403);
    const ok = await head.post(`${url()}/versions/${v2.json().id}/approval`, {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json().approval).toMatchObject({ approvedBy: { id: w.ids.head } });
    expect((await head.post(`${url()}/versions/${v2.json().id}/approval`, {})).json().error.code).toBe('pc.document_already_approved');

    const frozen = (await ctx.sql('SELECT content FROM pc_document_versions WHERE id = $1', [v1.json().id])).rows[0]!.content as {
      figures: { accidents: { counts: { incident: number } } };
    };
    expect(frozen.figures.accidents.counts.incident).toBe(1);
    const live = (await svc.get(`${url()}/2025`)).json();
    expect(live.figures.accidents.counts.incident).toBe(2);
    expect(live.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await expect(ctx.sql(`UPDATE pc_document_versions SET content = '{}' WHERE id = $1`, [v1.json().id])).rejects.toThrow();
    await expect(ctx.sql('DELETE FROM pc_document_versions')).rejects.toThrow();
    await expect(ctx.sql('UPDATE pc_document_approvals SET approved_at = now()')).rejects.toThrow();
    const chain = await ctx.sql(`SELECT action FROM ledger_entries WHERE action LIKE 'pc.annual_information_%' ORDER BY seq`);
    expect(chain.rows.map((r) => r.action)).toEqual([
      'pc.annual_information_presented',
      'pc.annual_information_presented',
      'pc.annual_information_approved',
    ]);
    expect((await svc.get(`${url()}/versions`)).json().items).toHaveLength(2);
  });

  it('R315-26 the annual information contains all seven sections (PDF in kk and ru, as the act words them)', async () => {
    const sections = {
      kk: [
        '1. Ағымдағы жылға өнеркәсіптік қауіпсіздікті қамтамасыз ету жөніндегі іс-шаралар жоспарын дайындау туралы, сондай-ақ өткен жылға өнеркәсіптік қауіпсіздікті қамтамасыз ету жөніндегі іс-шаралар жоспарын орындау туралы',
        '2. Өнеркәсіптік қауіпсіздікті басқару жүйесін ұйымдастыру туралы',
        '3. Бұзушылықтарды жою, өнеркәсіптік қауіпсіздік саласындағы уәкілетті органның нұсқамаларын орындау туралы',
        '4. Қауіпті өндірістік объектідегі аварияны оқшаулау және оның салдарын жою жөніндегі іс-қимылдарға әзірлік туралы',
        '5. Қауіпті өндірістік объектіде қолданылатын техникалық құрылғылардың жай-күйі туралы',
        '6. Қауіпті өндірістік объектілерде болған авариялар, оқыс оқиғалар және жазатайым оқиғалар туралы',
        '7. Қауіпті өндірістік объектілерде жұмыс істейтін басшыларды, мамандарды және жұмыскерлерді өнеркәсіптік қауіпсіздік мәселелері бойынша даярлау және қайта даярлау туралы',
      ],
      ru: [
        '1. О подготовке плана мероприятий по обеспечению промышленной безопасности на текущий год, а также о выполнении плана мероприятий по обеспечению промышленной безопасности за прошедший год',
        '2. Об организации системы управления промышленной безопасностью',
        '3. Об устранении нарушений, исполнении предписаний уполномоченного органа в области промышленной безопасности',
        '4. О готовности к действиям по локализации и ликвидации последствий аварии на опасном производственном объекте',
        '5. О состоянии технических устройств, применяемых на опасном производственном объекте',
        '6. Об авариях, инцидентах и несчастных случаях, происшедших на опасных производственных объектах',
        '7. О подготовке и переподготовке по вопросам промышленной безопасности руководителей, специалистов и работников, работающих на опасных производственных объектах',
      ],
    };
    const words = {
      kk: [
        'Кәсіпорында өндірістік бақылауды ұйымдастыру туралы жыл сайынғы ақпарат',
        '2025 жыл үшін',
        'БСН',
        'БЕКІТЕМІН',
        '2-нұсқа, бірінші басшы',
      ],
      ru: [
        'Ежегодная информация об организации производственного контроля на предприятии',
        'за 2025 год',
        'БИН',
        'УТВЕРЖДАЮ',
        'Версия 2, утверждена первым руководителем',
      ],
    };
    for (const lang of ['kk', 'ru'] as const) {
      const res = await (await as('operator')).get(`${url()}/2025/document.pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      // pdfkit may wrap a line after a word's hyphen (іс-шаралар): joined back as a reader reads it.
      const text = (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1-$2');
      const positions = sections[lang].map((s) => text.indexOf(s));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions); // in the act's order
      for (const word of [
        ...words[lang],
        'АО-2025/001',
        'Конвейер таспасының үзілуі',
        'Бекова Ботагөз',
        'Өрт сөндіру құбырын жөндеу',
        'басқару жүйесі ұйым басшысының бұйрығымен',
      ])
        expect(text).toContain(word);
    }
    const v1 = await (await as('operator')).get(`${url()}/2025/document.pdf?lang=ru&version=1`);
    expect((await pdfText(v1.rawPayload)).text.replace(/\s+/g, ' ')).toContain('Версия 1, представлена');
    expect((await (await as('operator')).get(`${url()}/2025/document.pdf?version=9`)).statusCode).toBe(404);
  });

  it('R315-26 R315-24 who may read, write, present and approve (another organisation sees nothing)', async () => {
    const [latest] = (await (await as('operator')).get(`${url()}/2025`)).json().versions;
    const cases: [string, 'read' | 'write' | 'present' | 'approve', number][] = [
      ['operator', 'read', 200],
      ['pcauditor', 'read', 200],
      ['pcofficial', 'read', 200],
      ['unithead1', 'read', 403],
      ['performer1', 'read', 403],
      ['clinic', 'read', 403],
      ['operator', 'write', 403],
      ['pcauditor', 'write', 403],
      ['unithead1', 'write', 403],
      ['clinic', 'write', 403],
      ['operator', 'present', 403],
      ['performer1', 'present', 403],
      ['pcofficial', 'approve', 403],
      ['pcauditor', 'approve', 403],
      ['clinic', 'approve', 403],
    ];
    for (const [login, action, status] of cases) {
      const c = await as(login);
      const res =
        action === 'read'
          ? await c.get(`${url()}/2025`)
          : action === 'write'
            ? await c.request('PUT', `${url()}/2024/texts`, { texts: { plan: 'x' } })
            : action === 'present'
              ? await c.post(`${url()}/2024/presentation`, {})
              : await c.post(`${url()}/versions/${latest.id}/approval`, {});
      expect([login, action, res.statusCode]).toEqual([login, action, status]);
    }
  });
});
