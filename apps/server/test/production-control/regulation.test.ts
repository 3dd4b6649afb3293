import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcScheduleItems, pcSchedules } from '../../src/production-control/schedule/schedule.table.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { registers } from './documents-world.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/**
 * R315-6 generated on 1 March 2026 from a data set counted by hand: «Шахтинская» шахтасы (two units)
 * and «Тентек»; three officials appointed; at the shaft a building examined and overdue (due
 * 10.01.2026), a structure examined, a device certified to 01.05.2026 and one overdue (01.02.2026);
 * an incident at the shaft, an accident at «Тентек»; training at the shaft: one valid, one expired;
 * the 2026 plan approved with two measures; the 2026 schedule approved: unit A ×2, unit B ×1, a
 * comprehensive inspection of the shaft.
 */
let ctx: TestContext;
let w: OperatorWorld;
const as = async (login: string, lang: 'kk' | 'ru' | 'en' = 'en') => {
  const c = new ApiClient(ctx);
  const res = await c.login(login);
  if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
  c.lang = lang;
  return c;
};
const url = () => `${w.base}/regulation`;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-01-05T05:00:00Z');
  w = await seedOperator(ctx);
  const r = registers(ctx, w);
  const tentek = await r.facility('«Тентек» көмір байыту фабрикасы');
  await r.object({
    facilityId: w.facility,
    kind: 'building',
    name: 'Әкімшілік ғимарат',
    exams: [{ kind: 'technical_examination', performedOn: '2025-01-10', nextDueOn: '2026-01-10' }],
  });
  await r.object({
    facilityId: w.facility,
    kind: 'structure',
    name: 'Эстакада',
    exams: [{ kind: 'technical_examination', performedOn: '2025-06-01', nextDueOn: '2027-06-01' }],
  });
  await r.object({
    facilityId: w.facility,
    kind: 'device',
    name: 'Көтергіш',
    exams: [{ kind: 'certification', performedOn: '2025-05-01', nextDueOn: '2026-05-01' }],
  });
  await r.object({
    facilityId: w.facility,
    kind: 'device',
    name: 'Компрессор',
    exams: [{ kind: 'certification', performedOn: '2025-02-01', nextDueOn: '2026-02-01' }],
  });
  await r.accident({ facilityId: w.facility, number: 'АО-2025/004', kind: 'incident', occurredAt: '2025-04-02T03:00:00Z' });
  await r.accident({ facilityId: tentek, number: 'АО-2025/005', kind: 'accident', occurredAt: '2025-10-02T03:00:00Z' });
  await r.training({
    fullName: 'Әлиев Асқар',
    kind: 'training',
    completedOn: '2025-02-10',
    validUntil: '2027-02-10',
    facilityId: w.facility,
  });
  await r.training({
    fullName: 'Бекова Ботагөз',
    kind: 'knowledge_check',
    completedOn: '2025-02-01',
    validUntil: '2026-02-01',
    facilityId: w.facility,
  });
  await r.plan({
    kind: 'safety_measures',
    year: 2026,
    title: '2026 жылғы іс-шаралар жоспары',
    approvedOn: '2026-01-20',
    measures: [
      { measure: 'Желдету жүйесін жаңарту', dueOn: '2026-03-31', doneOn: '2026-02-10' },
      { measure: 'Метан датчиктерін ауыстыру', dueOn: '2026-06-30' },
    ],
  });
  const checklist = (await ctx.sql('SELECT id FROM pc_checklists WHERE organisation_id = $1', [w.org])).rows[0]!.id as string;
  const schedule = randomUUID();
  await ctx.deps.db.insert(pcSchedules).values({
    id: schedule,
    organisationId: w.org,
    year: 2026,
    revision: 1,
    status: 'approved',
    approvedBy: w.ids.head!,
    approvedAt: new Date('2026-01-08T05:00:00Z'),
    createdAt: new Date('2026-01-06T05:00:00Z'),
  });
  for (const [unitId, kind, plannedOn] of [
    [w.unitA, 'scheduled', '2026-02-10'],
    [w.unitA, 'scheduled', '2026-08-10'],
    [w.unitB, 'scheduled', '2026-04-10'],
    [null, 'comprehensive', '2026-11-10'],
  ] as const)
    await ctx.deps.db.insert(pcScheduleItems).values({
      id: randomUUID(),
      organisationId: w.org,
      scheduleId: schedule,
      facilityId: w.facility,
      unitId,
      kind,
      plannedOn,
      checklistId: checklist,
      responsibleOfficialId: w.ids.pcofficial!,
    });
  ctx.clock.now = new Date('2026-03-01T05:00:00Z');
});
afterAll(() => ctx.close());

describe('R315-6 the production-control regulation', () => {
  it('R315-6 generated from the data: officials, facilities and units, each facility’s description, the plan, the schedule, the structure', async () => {
    const res = await (await as('pcservice')).get(url());
    expect(res.statusCode).toBe(200);
    const f = res.json().figures;
    expect(f.asOf).toBe('2026-03-01');
    expect(f.officials.map((o: { position: string }) => o.position)).toEqual(['service_head', 'official', 'official']);
    expect(f.facilities.map((x: { name: string }) => x.name)).toEqual(['«Тентек» көмір байыту фабрикасы', '«Шахтинская» шахтасы']);
    expect(f.units).toBe(2);
    expect(f.facilities[1]).toMatchObject({
      units: ['Желдету учаскесі', '№ 1 учаске (тазарту)'],
      hazardFeatures: ['mining_operations', 'explosives'],
      buildings: 2,
      buildingsExamined: 2,
      buildingsOverdue: 1,
      devices: 2,
      devicesCertified: 1,
      devicesOverdue: 1,
      accidents: { accident: 0, incident: 1, injury: 0 },
      trainedValid: 1,
      trainedExpired: 1,
    });
    expect(f.facilities[0]).toMatchObject({ units: [], buildings: 0, devices: 0, accidents: { accident: 1, incident: 0, injury: 0 } });
    expect(f.plan.state).toMatchObject({ year: 2026, approvedOn: '2026-01-20', measures: 2, done: 1 });
    expect(f.schedule).toMatchObject({ year: 2026, revision: 1, approvedOn: '2026-01-08' });
    expect(f.schedule.lines).toEqual([
      { facility: '«Шахтинская» шахтасы', unit: null, scheduled: 0, comprehensive: 1 },
      { facility: '«Шахтинская» шахтасы', unit: '№ 1 учаске (тазарту)', scheduled: 2, comprehensive: 0 },
      { facility: '«Шахтинская» шахтасы', unit: 'Желдету учаскесі', scheduled: 1, comprehensive: 0 },
    ]);
    expect(f.structure.serviceHeads).toEqual(['Жақсылықов Бауыржан Төлеуұлы']);
    expect(f.structure.officials).toHaveLength(2);
    expect(f.structure.unitHeads).toHaveLength(2);
  });

  it('R315-6 bad input and required texts (kk/ru/en); versions are write-once; only the first head approves', async () => {
    const messages = {
      kk: /«texts\.budget» өрісі: «өндірістік бақылау туралы ереже» құжатында мұндай бөлім жоқ/,
      ru: /Поле «texts\.budget»: в документе «положение о производственном контроле» такого раздела нет/,
      en: /Field “texts\.budget”: the production-control regulation has no such section/,
    };
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const res = await (await as('pcservice', lang)).request('PUT', `${url()}/texts`, { texts: { budget: 'x' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(messages[lang]);
    }
    const svc = await as('pcservice');
    const missing = await svc.post(`${url()}/presentation`, {});
    expect(missing.json().error).toMatchObject({ code: 'pc.document_text_required', details: { field: 'texts.powers' } });
    await svc.request('PUT', `${url()}/texts`, {
      texts: { powers: 'Лауазымды адам тексереді, нұсқама береді, жұмысты тоқтатуды ұсынады.' },
    });
    expect((await svc.post(`${url()}/presentation`, {})).json().error.details).toMatchObject({ field: 'texts.criteria' });
    await svc.request('PUT', `${url()}/texts`, {
      texts: { criteria: 'Нұсқамалардың мерзімінде орындалу үлесі кемінде 90%.', decisions: 'Шешімдер бұйрықпен ресімделеді.' },
    });
    const v1 = await svc.post(`${url()}/presentation`, {});
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ period: '', version: 1 });
    expect((await svc.post(`${url()}/presentation`, {})).json().error.code).toBe('pc.document_unchanged');
    await expect(ctx.sql(`UPDATE pc_document_versions SET version = 5 WHERE id = $1`, [v1.json().id])).rejects.toThrow();
    expect((await (await as('pcofficial')).post(`${url()}/versions/${v1.json().id}/approval`, {})).statusCode).toBe(403);
    const ok = await (await as('operator')).post(`${url()}/versions/${v1.json().id}/approval`, {});
    expect(ok.json().approval).toMatchObject({ approvedBy: { id: w.ids.head } });
    const chain = await ctx.sql(`SELECT action FROM ledger_entries WHERE action LIKE 'pc.regulation_%' ORDER BY seq`);
    expect(chain.rows.map((r) => r.action)).toEqual(['pc.regulation_presented', 'pc.regulation_approved']);
  });

  it('R315-6 the regulation contains every section of point 6 (PDF in kk and ru, in the act’s order)', async () => {
    const sections = {
      kk: [
        '1) Өнеркәсіптік қауіпсіздік саласында өндірістік бақылауды жүзеге асыратын ұйымдардың лауазымды адамдарының өкілеттіктері',
        '2) Қауіпті өндірістік объектілер мен олардың өндірістік бөлімшелерінің саны',
        '3) Қауіпті өндірістік объектілердің қысқаша сипаттамасы',
        'Өндірістік ғимараттардың, технологиялық құрылыстардың жай-күйі және техникалық тексерілу туралы',
        'Қауіпті техникалық құрылғыларды техникалық куәландыру туралы',
        'Қауіпті өндірістік объектіде болған авариялар, инциденттер және жазатайым оқиғалар туралы',
        'Өнеркәсіптік қауіпсіздік мәселелері бойынша қауіпті өндірістік объектіде жұмыс істейтін басшыларды, мамандарды және қызметкерлерді даярлауды, қайта даярлауды ұйымдастыру туралы',
        '4) Өнеркәсіптік қауіпсіздікті қамтамасыз ету жөніндегі іс-шаралар жоспары',
        '5) Бақылау іс-шараларын жүргізудің кезеңділігі, іс-шараларды жоспарлау, іс-шараларды орындау жөніндегі есептілік, тиімділікті бағалау критерийлері және оларды арттыру жөніндегі шаралар, өндірістік бақылау нәтижелері бойынша қабылданатын шешімдерді орындау тәртібі',
        '6) Өндірістік бақылау қызметінің құрылымы',
      ],
      ru: [
        '1) Полномочия должностных лиц организаций, осуществляющих производственный контроль в области промышленной безопасности',
        '2) Количество опасных производственных объектов и их производственных подразделений',
        '3) Краткая характеристика опасных производственных объектов',
        'О состоянии и техническом обследовании производственных зданий, технологических сооружений',
        'О техническом освидетельствовании опасных технических устройств',
        'Об авариях, инцидентах и несчастных случаях, произошедших на опасном производственном объекте',
        'Об организации подготовки, переподготовки по вопросам промышленной безопасности руководителей, специалистов и работников, работающих на опасном производственном объекте',
        '4) План мероприятий по обеспечению промышленной безопасности',
        '5) Периодичность проведения контрольных мероприятий, планирование мероприятий, отчетность по выполнению мероприятий, критерии оценки эффективности и меры по их повышению, порядок исполнения решений, принимаемых по результатам производственного контроля',
        '6) Структура службы производственного контроля',
      ],
    };
    const words = {
      kk: ['Өндірістік бақылау туралы ереже', 'БСН', 'БЕКІТЕМІН', '1-нұсқа, бірінші басшы', 'Тиімділікті бағалау критерийлері'],
      ru: [
        'Положение о производственном контроле',
        'БИН',
        'УТВЕРЖДАЮ',
        'Версия 1, утверждена первым руководителем',
        'Критерии оценки эффективности',
      ],
    };
    for (const lang of ['kk', 'ru'] as const) {
      const res = await (await as('unithead1')).get(`${url()}/document.pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      // pdfkit may wrap a line after a word's hyphen (іс-шаралар): joined back as a reader reads it.
      const text = (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ').replace(/(\p{L})- (\p{L})/gu, '$1-$2');
      const positions = sections[lang].map((s) => text.indexOf(s));
      expect(sections[lang].filter((s) => !text.includes(s))).toEqual([]);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const word of [
        ...words[lang],
        'Жақсылықов Бауыржан Төлеуұлы',
        'Метан датчиктерін ауыстыру',
        'Нұсқамалардың мерзімінде орындалу үлесі',
      ])
        expect(text).toContain(word);
    }
  });

  it('R315-6 R315-24 who may read, write, present and approve (another organisation sees nothing)', async () => {
    const [v] = (await (await as('operator')).get(url())).json().versions;
    const cases: [string, 'read' | 'write' | 'present' | 'approve', number][] = [
      ['operator', 'read', 200],
      ['unithead1', 'read', 200],
      ['pcauditor', 'read', 200],
      ['performer1', 'read', 403],
      ['clinic', 'read', 403],
      ['operator', 'write', 403],
      ['unithead1', 'write', 403],
      ['clinic', 'write', 403],
      ['unithead1', 'present', 403],
      ['pcservice', 'approve', 403],
      ['clinic', 'approve', 403],
    ];
    for (const [login, action, status] of cases) {
      const c = await as(login);
      const res =
        action === 'read'
          ? await c.get(url())
          : action === 'write'
            ? await c.request('PUT', `${url()}/texts`, { texts: { plan: 'x' } })
            : action === 'present'
              ? await c.post(`${url()}/presentation`, {})
              : await c.post(`${url()}/versions/${v.id}/approval`, {});
      expect([login, action, res.statusCode]).toEqual([login, action, status]);
    }
  });
});
