import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { QUESTIONS, seedOperator, type OperatorWorld } from './inspection-world.ts';

let ctx: TestContext;
let w: OperatorWorld;
let mine: string;
let unit1: string;
let checklist: string;
let approved: string;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
  mine = await w.facility('«Шахтинская» шахтасы', 'ҚӨӨН-0001');
  unit1 = await w.unit(mine, 'Жерасты учаскесі № 1');
  await w.appoint(w.official.id, [mine]);
  checklist = await w.checklist('Қысымдағы жабдық');
  await w.version(checklist, 1, QUESTIONS);
  approved = await w.schedule('approved');
});
afterAll(() => ctx.close());

const start = (scheduleItemId: string, c = w.official.c) => c.post(`${w.base}/inspections`, { scheduleItemId });

describe('R315-3 R315-7 R315-11 starting an inspection', () => {
  it('R315-3 an official without an appointment covering the facility is refused, with the point of the Rules', async () => {
    const item = await w.scheduleItem(approved, { facilityId: mine, checklistId: checklist });
    w.stranger.c.lang = 'kk';
    const res = await start(item, w.stranger.c);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pc.inspector_not_appointed');
    expect(res.json().error.message).toMatch(/3-тармағы/);
    // An appointment limited to a unit does not cover an inspection of the whole facility; an ended one covers nothing.
    await w.appoint(w.stranger.id, [mine], { unitIds: [unit1] });
    expect((await start(item, w.stranger.c)).json().error.code).toBe('pc.inspector_not_appointed');
    const unitItem = await w.scheduleItem(approved, { facilityId: mine, unitId: unit1, checklistId: checklist });
    const other = await w.facility('Газ тарату пункті', 'ҚӨӨН-0009');
    await w.appoint(w.stranger.id, [other], { validTo: '2026-02-01' });
    const ended = await w.scheduleItem(approved, { facilityId: other, checklistId: checklist });
    expect((await start(ended, w.stranger.c)).json().error.code).toBe('pc.inspector_not_appointed');
    expect((await ctx.sql('SELECT count(*)::int AS n FROM pc_inspections')).rows[0]!.n).toBe(0);
    // The unit's own inspection is covered.
    const ok = await start(unitItem, w.stranger.c);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'scheduled', unitId: unit1, status: 'in_progress' });
  });

  it('R315-7 only an item of the approved schedule starts an inspection, once', async () => {
    const draft = await w.schedule('draft');
    const res = await start(await w.scheduleItem(draft, { facilityId: mine, checklistId: checklist }));
    expect(res.json().error.code).toBe('pc.schedule_item_not_approved');
    const nothing = await w.checklist('Жарияланбаған');
    await w.version(nothing, 1, QUESTIONS, 'draft');
    const unpublished = await start(await w.scheduleItem(approved, { facilityId: mine, checklistId: nothing }));
    expect(unpublished.json().error).toMatchObject({ code: 'pc.checklist_not_published', details: { checklist: 'Жарияланбаған' } });
    const item = await w.scheduleItem(approved, { facilityId: mine, checklistId: checklist });
    expect((await start(item)).statusCode).toBe(201);
    expect((await start(item)).json().error.code).toBe('pc.schedule_item_already_started');
    await expect(
      ctx.sql(
        `INSERT INTO pc_inspections SELECT (md5(random()::text))::uuid, organisation_id, facility_id, unit_id, kind, schedule_item_id,
                 checklist_version_id, official_id, order_number, order_date, basis, basis_description, status, brief_seen_at, started_at,
                 completed_at, conclusion FROM pc_inspections WHERE schedule_item_id = $1`,
        [item],
      ),
    ).rejects.toThrow(/pc_inspections_schedule_item/);
  });

  it('R315-11 a comprehensive inspection needs a published comprehensive programme', async () => {
    const wrong = await start(await w.scheduleItem(approved, { facilityId: mine, checklistId: checklist, kind: 'comprehensive' }));
    expect(wrong.json().error.code).toBe('pc.programme_required');
    const programme = await w.checklist('Кешенді тексеру бағдарламасы 2026', 'comprehensive_programme');
    await w.version(programme, 1, QUESTIONS.slice(0, 2));
    const res = await start(await w.scheduleItem(approved, { facilityId: mine, checklistId: programme, kind: 'comprehensive' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'comprehensive' });
    expect(res.json().items).toHaveLength(2);
  });
});

describe('R315-8 an extraordinary inspection only by the first head’s order', () => {
  const order = (o: Record<string, unknown> = {}) => ({
    facilityId: mine,
    checklistId: checklist,
    officialId: w.official.id,
    orderNumber: 'Б-17',
    orderDate: '2026-03-01',
    basis: 'accident',
    basisDescription: '2026-03-01 күнгі № 3 конвейердегі авария',
    ...o,
  });

  it('R315-8 the official cannot open one; the head’s order opens it, recorded as an order', async () => {
    const own = await w.official.c.post(`${w.base}/inspections/extraordinary`, order());
    expect(own.statusCode).toBe(403);
    const res = await w.head.post(`${w.base}/inspections/extraordinary`, order());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'extraordinary', orderNumber: 'Б-17', basis: 'accident', officialId: w.official.id });
    const orders = await ctx.sql(`SELECT kind, number, inspection_id FROM pc_orders WHERE number = 'Б-17'`);
    expect(orders.rows).toEqual([{ kind: 'extraordinary_inspection', number: 'Б-17', inspection_id: res.json().id }]);
    const again = await w.head.post(`${w.base}/inspections/extraordinary`, order());
    expect(again.json().error).toMatchObject({ code: 'pc.order_number_taken', details: { number: 'Б-17' } });
  });

  it('R315-8 R315-3 the order must name an appointed official and state its basis', async () => {
    const res = await w.head.post(`${w.base}/inspections/extraordinary`, order({ orderNumber: 'Б-18', officialId: w.stranger.id }));
    expect(res.json().error.code).toBe('pc.inspector_not_appointed');
    const noBasis = await w.head.post(`${w.base}/inspections/extraordinary`, order({ orderNumber: 'Б-19', basisDescription: '   ' }));
    expect(noBasis.json().error.code).toBe('pc.extraordinary_order_required');
    const badBasis = await w.head.post(`${w.base}/inspections/extraordinary`, order({ orderNumber: 'Б-20', basis: 'inspection' }));
    expect(badBasis.statusCode).toBe(400);
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM pc_orders WHERE number IN ('Б-18', 'Б-19', 'Б-20')`)).rows[0]!.n).toBe(0);
  });
});

describe('R315-11 an inspection keeps its own questions', () => {
  it('R315-11 a template re-published after an inspection leaves that inspection’s questions unchanged', async () => {
    const tpl = await w.checklist('Жүк көтергіш механизмдер');
    const v1 = await w.version(tpl, 1, QUESTIONS);
    const facility = await w.facility('Байыту фабрикасы', 'ҚӨӨН-0002');
    await w.appoint(w.official.id, [facility]);
    const first = (await start(await w.scheduleItem(approved, { facilityId: facility, checklistId: tpl }))).json();
    expect(first.checklistVersionId).toBe(v1);
    const before = first.items.map((i: { text: string; reference: unknown; severity: string }) => [i.text, i.reference, i.severity]);
    const edited = QUESTIONS.map((q) => ({ ...q, text: `${q.text} (2-басылым)`, severity: 'minor' as const }));
    const v2 = await w.version(tpl, 2, [...edited, { ...QUESTIONS[0]!, id: 'q4', text: 'Жаңа сұрақ' }]);
    const after = (await w.official.c.get(`${w.base}/inspections/${first.id}`)).json();
    expect(after.checklistVersionId).toBe(v1);
    expect(after.items.map((i: { text: string; reference: unknown; severity: string }) => [i.text, i.reference, i.severity])).toEqual(
      before,
    );
    // The next inspection pins the new version; the old inspection's questions cannot be rewritten in the database.
    const f2 = await w.facility('Байыту фабрикасы 2', 'ҚӨӨН-0003');
    await w.appoint(w.official.id, [f2]);
    const second = (await start(await w.scheduleItem(approved, { facilityId: f2, checklistId: tpl }))).json();
    expect(second.checklistVersionId).toBe(v2);
    expect(second.items).toHaveLength(4);
    await expect(ctx.sql(`UPDATE pc_inspection_items SET text = 'x' WHERE inspection_id = $1`, [first.id])).rejects.toThrow(
      /keeps the questions/,
    );
    await expect(ctx.sql(`UPDATE pc_checklist_versions SET questions = '[]' WHERE id = $1`, [v1])).rejects.toThrow(/never changes/);
  });
});
