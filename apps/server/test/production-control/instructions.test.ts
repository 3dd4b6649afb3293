import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

let ctx: TestContext;
let w: OperatorWorld;
let main: { id: string; violations: string[] };
let other: { id: string; violations: string[] };
let instruction: { id: string; items: { id: string; position: number; violationId: string }[] };

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const notices = async (userId: string, kind: string) =>
  (await ctx.sql('SELECT payload FROM notifications WHERE user_id = $1 AND kind = $2', [userId, kind])).rows.map(
    (r) => r.payload as Record<string, unknown>,
  );
const ledger = async (action: string) => (await ctx.sql('SELECT payload FROM ledger_entries WHERE action = $1', [action])).rows;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
  main = await w.inspection({
    unit: w.unitA,
    completedAt: '2026-02-25T08:00:00Z',
    violations: [
      { description: 'Тазарту забойында метан датчигі тексерілмеген', point: '12-тармақ' },
      { description: 'Желдету есігінің жабылу құрылғысы ақаулы', point: '27-тармақ' },
      { description: 'Өрт сөндіргіш мерзімі өткен', point: '31-тармақ', onSpot: true },
    ],
  });
  other = await w.inspection({
    unit: w.unitA,
    completedAt: '2026-02-26T08:00:00Z',
    violations: [{ description: 'Жұмыс орны жарықтандырылмаған', point: '40-тармақ' }],
  });
});
afterAll(() => ctx.close());

const issue = (items: unknown[], issuedOn = '2026-02-27', id = main.id) =>
  w.as('pcofficial').then((c) => c.post(`${w.base}/inspections/${id}/act`, { issuedOn, items }));
const item = (n: number, extra: Record<string, unknown> = {}) => ({
  violationId: main.violations[n]!,
  measure: n === 0 ? 'Метан датчигін тексеріп, калибрлеу актісін ресімдеу' : 'Желдету есігінің жабылу құрылғысын ауыстыру',
  performerId: n === 0 ? w.ids.performer1 : w.ids.performer2,
  deadline: n === 0 ? '2026-03-20' : '2026-03-31',
  ...extra,
});

describe('R315-15 R315-16 the act and the instruction after an inspection', () => {
  it('R315-15 no act before the inspection is completed, and only its own official (or the service head) issues it', async () => {
    const open = await w.inspection({ unit: w.unitA, completedAt: '2026-02-27T08:00:00Z', status: 'in_progress', violations: [] });
    const c = await w.as('pcofficial');
    const res = await c.post(`${w.base}/inspections/${open.id}/act`, { issuedOn: '2026-02-28', items: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pc.act_inspection_not_completed');
    const stranger = await (
      await w.as('pcofficial2')
    ).post(`${w.base}/inspections/${main.id}/act`, { issuedOn: '2026-02-27', items: [item(0), item(1)] });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('pc.act_issuer_invalid');
  });

  it('R315-16 the instruction lists every open violation of this inspection, with a performer and a deadline not before the issue; nothing is stored otherwise', async () => {
    const missing = await issue([item(0)]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'pc.instruction_violations_missing', details: { missing: 1 } });
    const foreign = await issue([item(0), item(1), { ...item(0), violationId: other.violations[0] }]);
    expect(foreign.json().error).toMatchObject({ code: 'pc.instruction_violation_invalid', details: { field: 'items[2].violationId' } });
    const onSpot = await issue([item(0), item(1), { ...item(0), violationId: main.violations[2] }]);
    expect(onSpot.json().error.code).toBe('pc.instruction_violation_invalid');
    const early = await issue([item(0), item(1, { deadline: '2026-02-20' })]);
    expect(early.json().error).toMatchObject({ code: 'pc.instruction_deadline_invalid', details: { field: 'items[1].deadline' } });
    const auditor = await issue([item(0), item(1, { performerId: w.ids.pcauditor })]);
    expect(auditor.json().error).toMatchObject({ code: 'pc.instruction_performer_invalid', details: { field: 'items[1].performerId' } });
    const future = await issue([item(0), item(1)], '2026-03-10');
    expect(future.json().error.code).toBe('pc.act_date_invalid');
    const noMeasure = await issue([{ ...item(0), measure: undefined }, item(1)]);
    expect(noMeasure.statusCode).toBe(400);
    expect((await ctx.sql('SELECT count(*)::int AS n FROM pc_acts')).rows[0]!.n).toBe(0);
    expect((await ctx.sql('SELECT count(*)::int AS n FROM pc_instructions')).rows[0]!.n).toBe(0);
  });

  it('R315-15 R315-16 the act А-2026/001 and the instruction Н-2026/001 go to the unit head; each item carries its reference, measure, performer and a deadline awaiting agreement', async () => {
    const res = await issue([item(0), item(1, { performerOutsideUnit: true })]);
    expect(res.statusCode).toBe(201);
    const { act, instruction: i } = res.json();
    expect(act).toMatchObject({ number: 'А-2026/001', issuedOn: '2026-02-27', unitHeadId: w.ids.unithead1 });
    expect(i).toMatchObject({ number: 'Н-2026/001', status: 'issued', unitHead: { id: w.ids.unithead1 }, act: { number: 'А-2026/001' } });
    expect(i.items).toHaveLength(2);
    expect(i.items[0]).toMatchObject({
      position: 1,
      reference: { act: 'ҚР ТЖМ 2021 ж. № 315 бұйрығы', point: '12-тармақ' },
      measure: 'Метан датчигін тексеріп, калибрлеу актісін ресімдеу',
      performer: { id: w.ids.performer1, fullName: 'Әбдірахманов Ғалым Серікұлы' },
      deadline: '2026-03-20',
      agreement: 'pending',
      status: 'open',
      awaitingPerformersOrder: false,
    });
    expect(i.items[1]).toMatchObject({ performerOutsideUnit: true, awaitingPerformersOrder: true });
    instruction = i;
    const due = await ctx.sql('SELECT id, due_on FROM pc_violations WHERE inspection_id = $1 ORDER BY found_at, id', [main.id]);
    expect(new Map(due.rows.map((r) => [r.id, r.due_on])).get(main.violations[0])).toBe('2026-03-20');
    expect(await notices(w.ids.unithead1!, 'pc.instruction_issued')).toEqual([{ act: 'А-2026/001', instruction: 'Н-2026/001', items: 2 }]);
    expect(await notices(w.ids.head!, 'pc.performers_order_needed')).toHaveLength(1);
    expect(await ledger('pc.instruction_issued')).toHaveLength(1);
    const again = await issue([item(0), item(1)]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('pc.act_exists');
    const taken = await (
      await w.as('pcservice')
    ).post(`${w.base}/inspections/${other.id}/act`, {
      issuedOn: '2026-02-27',
      items: [{ ...item(0), violationId: main.violations[0] }],
    });
    expect(taken.json().error.code).toBe('pc.instruction_violation_invalid');
  });

  it('R315-16 the addressee unit head agrees a deadline, once; another unit head cannot', async () => {
    const url = `${w.base}/instructions/${instruction.id}/items/${instruction.items[0]!.id}/agreement`;
    const stranger = await (await w.as('unithead2')).post(url, { agree: true });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('pc.deadline_not_unit_head');
    const ok = await (await w.as('unithead1')).post(url, { agree: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items[0].agreement).toBe('agreed');
    const twice = await (await w.as('unithead1')).post(url, { agree: false, proposedDeadline: '2026-04-01', reason: 'Қосалқы бөлшек жоқ' });
    expect(twice.json().error.code).toBe('pc.deadline_agreement_state_invalid');
    expect(await ledger('pc.deadline_agreed')).toHaveLength(1);
  });
});

describe('R315-17 disputed deadlines and performers outside the unit', () => {
  it('R315-17 a disputed deadline goes to the first head, and only the first head settles it; the settlement becomes the due date', async () => {
    const base = `${w.base}/instructions/${instruction.id}/items/${instruction.items[1]!.id}`;
    const noReason = await (await w.as('unithead1')).post(`${base}/agreement`, { agree: false, proposedDeadline: '2026-04-30' });
    expect(noReason.json().error).toMatchObject({ code: 'pc.deadline_proposal_invalid', details: { field: 'reason' } });
    const disputed = await (
      await w.as('unithead1')
    ).post(`${base}/agreement`, { agree: false, proposedDeadline: '2026-04-30', reason: 'Есік құрылғысын жеткізу 6 апта' });
    expect(disputed.statusCode).toBe(200);
    expect(disputed.json().items[1]).toMatchObject({
      agreement: 'disputed',
      proposedDeadline: '2026-04-30',
      disagreementReason: 'Есік құрылғысын жеткізу 6 апта',
    });
    expect(await notices(w.ids.head!, 'pc.deadline_disputed')).toEqual([
      expect.objectContaining({ instruction: 'Н-2026/001', position: 2, deadline: '2026-03-31', proposed: '2026-04-30' }),
    ]);
    for (const login of ['pcservice', 'pcofficial', 'unithead1']) {
      const refused = await (await w.as(login)).post(`${base}/settlement`, { deadline: '2026-04-15', note: 'Келісілді' });
      expect(refused.statusCode).toBe(403);
    }
    const settled = await (
      await w.as('operator')
    ).post(`${base}/settlement`, { deadline: '2026-04-15', note: 'Жеткізу мерзімін ескеріп, 15.04 дейін' });
    expect(settled.statusCode).toBe(200);
    expect(settled.json().items[1]).toMatchObject({
      agreement: 'settled',
      deadline: '2026-04-15',
      settledBy: { id: w.ids.head },
      settlementNote: 'Жеткізу мерзімін ескеріп, 15.04 дейін',
    });
    expect((await ctx.sql('SELECT due_on FROM pc_violations WHERE id = $1', [main.violations[1]])).rows[0]!.due_on).toBe('2026-04-15');
    const again = await (await w.as('operator')).post(`${base}/settlement`, { deadline: '2026-04-20', note: 'тағы' });
    expect(again.json().error.code).toBe('pc.deadline_agreement_state_invalid');
  });

  it('R315-17 a performer outside the unit acts only once the first head names them by an organisation-wide order', async () => {
    const base = `${w.base}/instructions/${instruction.id}`;
    const early = await (
      await w.as('performer2')
    ).request('POST', `${base}/items/${instruction.items[1]!.id}/evidence?fileName=door.jpg`, JPEG, { 'content-type': 'image/jpeg' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('pc.measure_performer_order_missing');
    const official = await (await w.as('pcofficial')).post(`${base}/performers-order`, { number: 'ӨБ-12', orderDate: '2026-03-02' });
    expect(official.statusCode).toBe(403);
    const order = await (await w.as('operator')).post(`${base}/performers-order`, { number: 'ӨБ-12', orderDate: '2026-03-02' });
    expect(order.statusCode).toBe(201);
    expect(order.json()).toMatchObject({ kind: 'performers', number: 'ӨБ-12', instructionId: instruction.id });
    const view = (await (await w.as('unithead1')).get(base)).json();
    expect(view.items[1]).toMatchObject({
      awaitingPerformersOrder: false,
      performerOrder: { number: 'ӨБ-12', signedBy: { id: w.ids.head } },
    });
    const content = (await ctx.sql('SELECT content FROM pc_orders WHERE id = $1', [order.json().id])).rows[0]!.content as {
      items: unknown[];
    };
    expect(content.items).toEqual([
      expect.objectContaining({ position: 2, performerId: w.ids.performer2, performer: 'Ахметова Динара Қайратқызы' }),
    ]);
    const twice = await (await w.as('operator')).post(`${base}/performers-order`, { number: 'ӨБ-13', orderDate: '2026-03-02' });
    expect(twice.json().error.code).toBe('pc.performers_order_nothing_pending');
  });
});

describe('R315-27 closure: open → measure reported → verified; the instruction closes only when every item is verified', () => {
  const url = (n: number, tail: string) => `${w.base}/instructions/${instruction.id}/items/${instruction.items[n]!.id}/${tail}`;
  const upload = async (login: string, n: number, body = JPEG, type = 'image/jpeg') =>
    (await w.as(login)).request('POST', url(n, 'evidence?fileName=photo.jpg'), body, { 'content-type': type });

  it('R315-27 only the named performer (or the unit head) reports, and only with evidence of the right kind', async () => {
    const noEvidence = await (await w.as('performer1')).post(url(0, 'report'), { note: 'Орындалды' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.code).toBe('pc.measure_evidence_required');
    const stranger = await upload('performer2', 0);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('pc.measure_not_performer');
    expect((await upload('performer1', 0, Buffer.from('not a picture at all'), 'text/plain')).statusCode).toBe(415);
    const lying = await upload('performer1', 0, Buffer.from('%PDF-1.4 pretending'), 'image/jpeg');
    expect(lying.json().error.code).toBe('pc.evidence_content_mismatch');
    const ok = await upload('performer1', 0);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: 'photo.jpg', mime: 'image/jpeg', size: JPEG.length });
    ctx.clock.advance(60_000);
    const reported = await (await w.as('performer1')).post(url(0, 'report'), { note: 'Датчик калибрленді' });
    expect(reported.statusCode).toBe(200);
    expect(reported.json().items[0]).toMatchObject({
      status: 'measure_reported',
      evidence: [expect.objectContaining({ fileName: 'photo.jpg' })],
    });
    expect(reported.json().items[0].history.map((h: { kind: string }) => h.kind)).toEqual(['found', 'measure_reported']);
    const file = await (await w.as('pcofficial')).get(url(0, `evidence/${ok.json().id}`));
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(JPEG)).toBe(true);
  });

  it('R315-27 only an official appointed over the facility verifies; a rejection needs a reason and returns the violation to open', async () => {
    const outOfScope = await (await w.as('pcofficial2')).post(url(0, 'verification'), { accept: true });
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json().error.code).toBe('pc.verify_out_of_scope');
    expect((await (await w.as('operator')).post(url(0, 'verification'), { accept: true })).statusCode).toBe(403);
    const noReason = await (await w.as('pcofficial')).post(url(0, 'verification'), { accept: false });
    expect(noReason.json().error.code).toBe('pc.reject_reason_required');
    ctx.clock.advance(60_000);
    const rejected = await (await w.as('pcofficial')).post(url(0, 'verification'), { accept: false, reason: 'Калибрлеу актісі жоқ' });
    expect(rejected.json().items[0]).toMatchObject({ status: 'open' });
    expect(rejected.json().items[0].history.at(-1)).toMatchObject({ kind: 'report_rejected', note: 'Калибрлеу актісі жоқ' });
    expect(await notices(w.ids.performer1!, 'pc.measure_report_rejected')).toHaveLength(1);
    // The old photo was judged not enough: a new report needs new evidence.
    const stale = await (await w.as('performer1')).post(url(0, 'report'), {});
    expect(stale.json().error.code).toBe('pc.measure_evidence_required');
    ctx.clock.advance(60_000);
    expect(
      (await upload('performer1', 0, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(900, 1)]), 'application/pdf')).statusCode,
    ).toBe(201);
    expect((await (await w.as('performer1')).post(url(0, 'report'), { note: 'Акт қоса беріледі' })).statusCode).toBe(200);
    const verified = await (await w.as('pcofficial')).post(url(0, 'verification'), { accept: true, note: 'Тексерілді' });
    expect(verified.json().items[0]).toMatchObject({ status: 'verified', verifiedBy: { id: w.ids.pcofficial } });
    expect(verified.json().status).toBe('issued');
    const row = (await ctx.sql('SELECT status, verified_at, verified_by FROM pc_violations WHERE id = $1', [main.violations[0]])).rows[0]!;
    expect(row).toMatchObject({ status: 'verified', verified_by: w.ids.pcofficial });
    expect(row.verified_at).not.toBeNull();
  });

  it('R315-27 an instruction with an unverified item cannot be closed: not by the close route, not by a status edit in the database', async () => {
    const close = await (await w.as('pcofficial')).post(`${w.base}/instructions/${instruction.id}/close`, {});
    expect(close.statusCode).toBe(409);
    expect(close.json().error).toMatchObject({ code: 'pc.instruction_items_unverified', details: { positions: '2' } });
    expect(close.json().error.message).toMatch(/2/);
    await expect(ctx.sql(`UPDATE pc_instructions SET status = 'closed' WHERE id = $1`, [instruction.id])).rejects.toThrow(/not verified/);
    expect((await ctx.sql('SELECT status FROM pc_instructions WHERE id = $1', [instruction.id])).rows[0]!.status).toBe('issued');
  });

  it('R315-27 when the last item is verified the instruction closes by itself; nothing moves afterwards', async () => {
    ctx.clock.advance(60_000);
    expect((await upload('performer2', 1)).statusCode).toBe(201);
    expect((await (await w.as('performer2')).post(url(1, 'report'), {})).statusCode).toBe(200);
    const done = await (await w.as('pcservice')).post(url(1, 'verification'), { accept: true });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'closed' });
    expect(done.json().closedAt).not.toBeNull();
    expect(await ledger('pc.instruction_closed')).toHaveLength(1);
    expect(await notices(w.ids.unithead1!, 'pc.instruction_closed')).toHaveLength(1);
    const late = await upload('performer2', 1);
    expect(late.json().error.code).toBe('pc.instruction_state_invalid');
    const cancel = await (
      await w.as('operator')
    ).post(`${w.base}/instructions/${instruction.id}/cancel`, { number: 'ӨБ-20', orderDate: '2026-03-02', reason: 'Қате' });
    expect(cancel.json().error.code).toBe('pc.instruction_state_invalid');
    await expect(ctx.sql(`UPDATE pc_instructions SET status = 'issued' WHERE id = $1`, [instruction.id])).rejects.toThrow(/stays/);
  });
});

describe('R315-4 cancellation only by the first head, only with a written order', () => {
  let second: { id: string; items: { id: string }[] };

  it('R315-4 anyone but the first head is refused; the head needs an order number, date and reason', async () => {
    const res = await (
      await w.as('pcofficial')
    ).post(`${w.base}/inspections/${other.id}/act`, {
      issuedOn: '2026-02-27',
      items: [
        {
          violationId: other.violations[0],
          measure: 'Жарықтандыруды қалпына келтіру',
          performerId: w.ids.unithead1,
          deadline: '2026-03-10',
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().act.number).toBe('А-2026/002');
    second = res.json().instruction;
    expect(second).toMatchObject({ number: 'Н-2026/002' });
    const url = `${w.base}/instructions/${second.id}/cancel`;
    const order = { number: 'ӨБ-21', orderDate: '2026-03-02', reason: 'Учаске жабылды, жұмыстар тоқтатылды' };
    for (const login of ['pcofficial', 'pcservice', 'unithead1', 'performer1', 'pcauditor']) {
      const refused = await (await w.as(login)).post(url, order);
      expect(refused.statusCode, login).toBe(403);
      expect(refused.json().error.code).toMatch(/^auth\./);
    }
    const head = await w.as('operator');
    const noOrder = await head.post(url, { reason: 'Қажет емес' });
    expect(noOrder.statusCode).toBe(400);
    expect(noOrder.json().error.code).toBe('validation.failed');
    const blank = await head.post(url, { ...order, reason: '   ' });
    expect(blank.json().error.code).toBe('pc.cancel_reason_required');
    const future = await head.post(url, { ...order, orderDate: '2026-03-05' });
    expect(future.json().error).toMatchObject({ code: 'pc.order_date_invalid', details: { field: 'orderDate' } });
    expect((await ctx.sql('SELECT status FROM pc_instructions WHERE id = $1', [second.id])).rows[0]!.status).toBe('issued');
  });

  it('R315-4 the first head cancels by order; the items and their violations stay in the history', async () => {
    const res = await (
      await w.as('operator')
    ).post(`${w.base}/instructions/${second.id}/cancel`, {
      number: 'ӨБ-21',
      orderDate: '2026-03-02',
      reason: 'Учаске жабылды, жұмыстар тоқтатылды',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelOrder: {
        number: 'ӨБ-21',
        orderDate: '2026-03-02',
        reason: 'Учаске жабылды, жұмыстар тоқтатылды',
        signedBy: { id: w.ids.head },
      },
    });
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({ status: 'open', measure: 'Жарықтандыруды қалпына келтіру' });
    expect(await ledger('pc.instruction_cancelled')).toHaveLength(1);
    const agree = await (
      await w.as('unithead1')
    ).post(`${w.base}/instructions/${second.id}/items/${second.items[0]!.id}/agreement`, { agree: true });
    expect(agree.json().error.code).toBe('pc.instruction_state_invalid');
    await expect(ctx.sql(`DELETE FROM pc_instruction_items WHERE instruction_id = $1`, [second.id])).rejects.toThrow();
  });

  it('R315-16 the list filters by status, unit and overdue; my measures show a performer their open items', async () => {
    const c = await w.as('pcauditor');
    const all = (await c.get(`${w.base}/instructions`)).json().items;
    expect(all.map((i: { number: string }) => i.number).sort()).toEqual(['Н-2026/001', 'Н-2026/002']);
    expect((await c.get(`${w.base}/instructions?status=cancelled`)).json().items).toEqual([
      expect.objectContaining({ number: 'Н-2026/002', items: 1, verified: 0 }),
    ]);
    expect((await c.get(`${w.base}/instructions?unitId=${w.unitB}`)).json().items).toEqual([]);
    expect((await c.get(`${w.base}/instructions?overdue=true`)).json().items).toEqual([]);
    expect((await c.get(`${w.base}/instructions?status=closed`)).json().items).toEqual([
      expect.objectContaining({ number: 'Н-2026/001', items: 2, verified: 2 }),
    ]);
    expect((await c.get(`${w.base}/instructions?status=typed`)).statusCode).toBe(400);
    const third = await w.inspection({
      unit: w.unitB,
      completedAt: '2026-02-10T08:00:00Z',
      violations: [{ description: 'Желдеткіш қоршауы жоқ', point: '52-тармақ' }],
    });
    const issued = await (
      await w.as('pcofficial')
    ).post(`${w.base}/inspections/${third.id}/act`, {
      issuedOn: '2026-02-11',
      items: [{ violationId: third.violations[0], measure: 'Қоршау орнату', performerId: w.ids.performer1, deadline: '2026-02-20' }],
    });
    expect(issued.statusCode).toBe(201);
    expect((await c.get(`${w.base}/instructions?overdue=true`)).json().items).toEqual([
      expect.objectContaining({ number: 'Н-2026/003', overdue: 1, nextDeadline: '2026-02-20' }),
    ]);
    const mine = (await (await w.as('performer1')).get(`${w.base}/measures/mine`)).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ instructionNumber: 'Н-2026/003', measure: 'Қоршау орнату', overdue: true, mine: true }),
    ]);
    const head2 = (await (await w.as('unithead2')).get(`${w.base}/measures/mine`)).json().items;
    expect(head2).toEqual([expect.objectContaining({ instructionNumber: 'Н-2026/003', mine: false })]);
  });

  it('R315-15 an inspection with nothing left open gets the act alone; a facility-wide one names the addressee unit', async () => {
    const clean = await w.inspection({
      unit: null,
      completedAt: '2026-02-24T08:00:00Z',
      violations: [{ description: 'Белгі жоқ', point: '5-тармақ', onSpot: true }],
    });
    const c = await w.as('pcservice');
    const noUnit = await c.post(`${w.base}/inspections/${clean.id}/act`, { issuedOn: '2026-02-24', items: [] });
    expect(noUnit.json().error).toMatchObject({ code: 'pc.act_unit_invalid', details: { field: 'unitId' } });
    const res = await c.post(`${w.base}/inspections/${clean.id}/act`, { issuedOn: '2026-02-24', unitId: w.unitB, items: [] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ act: { number: 'А-2026/004', unitHeadId: w.ids.unithead2 }, instruction: null });
    expect(await notices(w.ids.unithead2!, 'pc.act_issued')).toEqual([{ act: 'А-2026/004' }]);
  });
});
