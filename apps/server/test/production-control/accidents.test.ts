import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/** The clock stands at 2 March 2026, 10:00 in Almaty (the test context's default). */
let ctx: TestContext;
let w: OperatorWorld;
let checklistId: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const notices = async (userId: string, kind: string) =>
  (await ctx.sql('SELECT payload FROM notifications WHERE user_id = $1 AND kind = $2', [userId, kind])).rows.map(
    (r) => r.payload as Record<string, unknown>,
  );
const ledger = async (action: string) => (await ctx.sql('SELECT payload FROM ledger_entries WHERE action = $1', [action])).rows;

const accident = (extra: Record<string, unknown> = {}) => ({
  kind: 'accident',
  facilityId: w.facility,
  unitId: w.unitA,
  occurredAt: '2026-02-27T03:40:00Z',
  place: '№ 3-12 тазарту қазбасы, 420-пикет',
  description: 'Метанның жарқ етіп жануы, тазарту комбайнының электр кабелі зақымданды',
  consequences: 'Қазба 14 сағат тоқтап тұрды',
  injured: 1,
  fatalities: 0,
  ...extra,
});
const register = async (extra: Record<string, unknown> = {}, login = 'pcofficial') =>
  (await w.as(login)).post(`${w.base}/accidents`, accident(extra));
const commission = {
  orderNumber: '17-ө',
  orderDate: '2026-02-27',
  commission: [
    { fullName: 'Серікбаев Ерлан Маратұлы', position: 'Бас инженер', role: 'chair' },
    { fullName: 'Жақсылықов Бауыржан Төлеуұлы', position: 'ӨБ қызметінің басшысы', role: 'member' },
    { fullName: 'Ержанов Талғат Қайратұлы', position: '№ 1 учаске бастығы', role: 'member' },
  ],
};
const act = (extra: Record<string, unknown> = {}) => ({
  actNumber: 'ТТ-3',
  actDate: '2026-03-01',
  causes: 'Желдету есігі ашық қалдырылған, метан датчигі өшірілген',
  measures: [
    { measure: 'Метан датчиктерін тексеріп, калибрлеу', responsible: 'Ержанов Т. Қ.', dueOn: '2026-03-10' },
    { measure: 'Желдету есіктеріне бұғаттау орнату', responsible: 'Смағұлов А. Б.', dueOn: '2026-03-31' },
  ],
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
  checklistId = (await ctx.sql('SELECT id FROM pc_checklists WHERE organisation_id = $1', [w.org])).rows[0]!.id as string;
});
afterAll(() => ctx.close());

describe('R315-4 the register of accidents, incidents and accident-caused injuries', () => {
  it('R315-4 an entry is numbered АО-2026/NNN per organisation and year, and the first head is notified at once', async () => {
    const first = await register();
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      number: 'АО-2026/001',
      kind: 'accident',
      status: 'registered',
      injured: 1,
      investigation: null,
      measures: [],
    });
    const second = await register(
      { kind: 'incident', injured: 0, description: 'Скиптің тежегіші істен шықты, адам зардап шеккен жоқ' },
      'pcservice',
    );
    expect(second.json().number).toBe('АО-2026/002');
    expect(await notices(w.ids.head!, 'pc.accident_registered')).toEqual([
      expect.objectContaining({ number: 'АО-2026/001', facility: '«Шахтинская» шахтасы', date: '27.02.2026' }),
      expect.objectContaining({ number: 'АО-2026/002' }),
    ]);
    expect(await ledger('pc.accident_registered')).toHaveLength(2);
    const list = (await (await w.as('unithead1')).get(`${w.base}/accidents`)).json().items;
    expect(list.map((a: { number: string }) => a.number).sort()).toEqual(['АО-2026/001', 'АО-2026/002']);
  });

  it('R315-4 bad input is refused per field, with the rule and the act’s point, in kk, ru and en', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'fire' }, 'kind', 'kind'],
      [{ place: '  ' }, 'place', 'required'],
      [{ occurredAt: '2026-03-05T00:00:00Z' }, 'occurredAt', 'future'],
      [{ occurredAt: 'вчера' }, 'occurredAt', 'date'],
      [{ kind: 'injury', injured: 0, fatalities: 0 }, 'injured', 'injury_without_victims'],
      [{ fatalities: -1 }, 'fatalities', 'count'],
      [{ unitId: w.unitA.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }, 'unitId', 'unit_of_other_facility'],
      [{ facilityId: '00000000-0000-4000-8000-000000000001' }, 'facilityId', 'unknown'],
    ];
    for (const [extra, field, rule] of cases) {
      const res = await register(extra);
      expect(res.statusCode, `${field}/${rule}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'pc.accident_invalid', details: { field, rule } });
    }
    const c = await w.as('pcofficial');
    c.lang = 'ru';
    expect((await c.post(`${w.base}/accidents`, accident({ place: '' }))).json().error.message).toBe(
      'Поле «Место»: обязательно (подпункты 9 и 12 пункта 4 Приказа № 315: учет аварий, инцидентов и несчастных случаев).',
    );
    c.lang = 'kk';
    expect((await c.post(`${w.base}/accidents`, accident({ kind: 'injury', injured: 0 }))).json().error.message).toMatch(
      /^«Зардап шеккендер» өрісі: жазатайым оқиғада кемінде бір зардап шеккен.*4-тармағының 9\) және 12\) тармақшалары/,
    );
    c.lang = 'en';
    expect((await c.post(`${w.base}/accidents`, accident({ occurredAt: '2027-01-01T00:00:00Z' }))).json().error.message).toMatch(
      /^Field «Occurred at»: must not be in the future/,
    );
    expect(await ledger('pc.accident_registered')).toHaveLength(2);
  });

  it('R315-4 unit heads, performers and auditors do not register; only the first head and the service head investigate; performers do not read the register', async () => {
    for (const login of ['unithead1', 'performer1', 'pcauditor']) expect((await register({}, login)).statusCode).toBe(403);
    const [entry] = (await (await w.as('pcofficial')).get(`${w.base}/accidents`)).json().items;
    expect((await (await w.as('pcofficial')).post(`${w.base}/accidents/${entry.id}/commission`, commission)).statusCode).toBe(403);
    expect((await (await w.as('performer1')).get(`${w.base}/accidents`)).statusCode).toBe(403);
  });

  it('R315-4 the investigation: the commission by order, the act with its file, causes and measures; measures marked done; the status moves only forward', async () => {
    const id = (await register()).json().id as string;
    const head = await w.as('operator');
    const svc = await w.as('pcservice');
    const url = `${w.base}/accidents/${id}`;
    const twoChairs = commission.commission.map((m) => ({ ...m, role: 'chair' }));
    expect((await svc.post(`${url}/commission`, { ...commission, commission: twoChairs })).json().error.details).toMatchObject({
      field: 'commission',
      rule: 'one_chair',
    });
    expect(
      (await svc.post(`${url}/commission`, { ...commission, commission: commission.commission.slice(0, 1) })).json().error.details,
    ).toMatchObject({
      rule: 'members',
    });
    expect((await svc.post(`${url}/commission`, { ...commission, orderDate: '2026-02-26' })).json().error.details).toMatchObject({
      field: 'orderDate',
      rule: 'before_occurred',
    });
    // The act comes after the commission: not before it.
    expect((await svc.post(`${url}/act`, act())).json().error).toMatchObject({
      code: 'pc.accident_state_invalid',
      details: { state: 'registered' },
    });
    const started = await svc.post(`${url}/commission`, commission);
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({
      status: 'under_investigation',
      investigation: { orderNumber: '17-ө', actNumber: null, actFile: null },
    });
    expect((await head.post(`${url}/commission`, commission)).json().error.code).toBe('pc.accident_state_invalid');

    expect((await svc.post(`${url}/act`, act())).json().error.code).toBe('pc.accident_act_file_required');
    const text = await svc.request('POST', `${url}/act-file?fileName=act.txt`, Buffer.from('not an act'), { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    const fake = await svc.request('POST', `${url}/act-file?fileName=act.pdf`, Buffer.from('GIF89a....'), {
      'content-type': 'application/pdf',
    });
    expect(fake.json().error.code).toBe('pc.file_content_mismatch');
    const up = await head.request('POST', `${url}/act-file?fileName=akt-TT-3.pdf`, PDF, { 'content-type': 'application/pdf' });
    expect(up.statusCode).toBe(200);
    expect(up.json().investigation.actFile).toEqual({ fileName: 'akt-TT-3.pdf', mime: 'application/pdf', size: PDF.length });

    const late = act({ measures: [{ measure: 'Нұсқама өткізу', responsible: 'Ержанов Т. Қ.', dueOn: '2026-02-28' }] });
    expect((await svc.post(`${url}/act`, late)).json().error.details).toMatchObject({ field: 'dueOn', rule: 'before_act' });
    expect((await svc.post(`${url}/act`, act({ measures: [] }))).json().error.details).toMatchObject({
      field: 'measures',
      rule: 'required',
    });
    expect((await svc.post(`${url}/act`, act({ actDate: '2026-02-20' }))).json().error.details).toMatchObject({
      field: 'actDate',
      rule: 'before_order',
    });
    expect((await svc.post(`${url}/act`, act({ causes: 'жоқ' }))).json().error.details).toMatchObject({
      field: 'causes',
      rule: 'required',
    });
    const done = await svc.post(`${url}/act`, act());
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'investigated',
      investigation: { actNumber: 'ТТ-3', actDate: '2026-03-01', commission: commission.commission },
    });
    expect(done.json().measures.map((m: { dueOn: string; doneOn: null }) => [m.dueOn, m.doneOn])).toEqual([
      ['2026-03-10', null],
      ['2026-03-31', null],
    ]);
    // The act is final: no new file, no second act.
    expect(
      (await head.request('POST', `${url}/act-file?fileName=b.pdf`, PDF, { 'content-type': 'application/pdf' })).json().error.code,
    ).toBe('pc.accident_state_invalid');
    expect((await svc.post(`${url}/act`, act())).json().error.code).toBe('pc.accident_state_invalid');

    const m = done.json().measures[0].id as string;
    const official = await w.as('pcofficial');
    expect((await official.post(`${url}/measures/${m}/done`, { doneOn: '2026-03-03' })).json().error.details).toMatchObject({
      field: 'doneOn',
      rule: 'future',
    });
    expect((await official.post(`${url}/measures/${m}/done`, { doneOn: '2026-02-28' })).json().error.details).toMatchObject({
      rule: 'before_act',
    });
    expect((await (await w.as('unithead1')).post(`${url}/measures/${m}/done`, { doneOn: '2026-03-02' })).statusCode).toBe(403);
    const marked = await official.post(`${url}/measures/${m}/done`, { doneOn: '2026-03-02' });
    expect(marked.json().measures[0].doneOn).toBe('2026-03-02');
    expect((await official.post(`${url}/measures/${m}/done`, { doneOn: '2026-03-02' })).json().error).toMatchObject({
      code: 'pc.accident_measure_done',
    });

    const file = await (await w.as('pcauditor')).get(`${url}/act-file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(await ledger('pc.accident_act_downloaded')).toHaveLength(1);
    expect(JSON.parse((await ledger('pc.accident_investigated'))[0]!.payload as string)).toMatchObject({ actNumber: 'ТТ-3' });
  });

  it('R315-4 what happened is written once: the database refuses changing an entry’s number, kind or time, and deleting it', async () => {
    const [a] = (await ctx.sql('SELECT id FROM pc_accidents LIMIT 1')).rows;
    await expect(ctx.sql(`UPDATE pc_accidents SET number = 'АО-2026/999' WHERE id = $1`, [a!.id])).rejects.toThrow(/never changed/);
    await expect(ctx.sql(`UPDATE pc_accidents SET occurred_at = now() WHERE id = $1`, [a!.id])).rejects.toThrow(/never changed/);
    await expect(ctx.sql(`UPDATE pc_accidents SET kind = 'incident' WHERE id = $1`, [a!.id])).rejects.toThrow(/never changed/);
    await expect(ctx.sql(`DELETE FROM pc_accidents WHERE id = $1`, [a!.id])).rejects.toThrow(/never deleted/);
  });
});

describe('R315-8 the extraordinary inspection after an accident or an injury', () => {
  it('R315-8 an accident opens an extraordinary inspection linked both ways', async () => {
    const id = (await register({ kind: 'injury', injured: 1 })).json().id as string;
    const order = { checklistId, officialId: w.ids.pcofficial, orderNumber: '21-ө', orderDate: '2026-02-28' };
    const url = `${w.base}/accidents/${id}/extraordinary-inspection`;
    expect((await (await w.as('pcservice')).post(url, order)).statusCode).toBe(403);
    const head = await w.as('operator');
    // The official must be appointed over the facility (R315-3): nothing is written when they are not.
    const wrong = await head.post(url, { ...order, officialId: w.ids.pcofficial2 });
    expect(wrong.json().error.code).toBe('pc.inspector_not_appointed');
    expect((await head.get(`${w.base}/accidents/${id}`)).json().extraordinaryInspectionId).toBeNull();
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM pc_orders WHERE number = '21-ө'`)).rows[0]!.n).toBe(0);
    expect((await head.post(url, { ...order, orderDate: '2026-02-26' })).json().error.details).toMatchObject({
      field: 'orderDate',
      rule: 'before_occurred',
    });

    const opened = await head.post(url, order);
    expect(opened.statusCode).toBe(201);
    const inspectionId = opened.json().extraordinaryInspectionId as string;
    expect(inspectionId).toMatch(/^[0-9a-f-]{36}$/);
    const inspection = (await head.get(`${w.base}/inspections/${inspectionId}`)).json();
    expect(inspection).toMatchObject({ kind: 'extraordinary', facilityId: w.facility, unitId: w.unitA, officialId: w.ids.pcofficial });
    const [row] = (await ctx.sql('SELECT basis, basis_description, order_number FROM pc_inspections WHERE id = $1', [inspectionId])).rows;
    expect(row).toMatchObject({ basis: 'injury', order_number: '21-ө' });
    expect(row!.basis_description).toMatch(/^АО-2026\/\d{3}: Метанның/);
    // …and back: the register finds the entry by its inspection.
    const back = (await head.get(`${w.base}/accidents?inspectionId=${inspectionId}`)).json().items;
    expect(back.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await head.post(url, { ...order, orderNumber: '22-ө' })).json().error.code).toBe('pc.accident_inspection_exists');
    expect(await ledger('pc.accident_extraordinary_inspection_opened')).toHaveLength(1);
  });

  it('R315-8 an incident is no basis for an extraordinary inspection', async () => {
    const id = (await register({ kind: 'incident', injured: 0 })).json().id as string;
    const res = await (
      await w.as('operator')
    ).post(`${w.base}/accidents/${id}/extraordinary-inspection`, {
      checklistId,
      officialId: w.ids.pcofficial,
      orderNumber: '23-ө',
      orderDate: '2026-02-28',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pc.accident_no_extraordinary_basis');
  });
});
