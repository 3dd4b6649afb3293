import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestEscalation } from '../../src/production-control/follow-up/monthlyCheck.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

let ctx: TestContext;
let w: OperatorWorld;
let v: string[];
type DraftLine = { violationId: string; position: number; overdue: boolean; daysOverdue: number; suggested: string | null; status: string };
let draft: DraftLine[];

const notices = async (userId: string, kind: string) =>
  (await ctx.sql('SELECT payload FROM notifications WHERE user_id = $1 AND kind = $2', [userId, kind])).rows.map(
    (r) => r.payload as Record<string, unknown>,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
  // Today is 02.03.2026. Deadlines 67, 41 and 10 days past, one still ahead, one 15 days past but escalated twice already.
  const insp = await w.inspection({
    unit: w.unitA,
    completedAt: '2025-12-15T08:00:00Z',
    violations: ['Метан датчигі', 'Желдету есігі', 'Өрт сөндіргіш', 'Жарықтандыру', 'Конвейер қоршауы', 'Баспалдақ'].map((d, i) => ({
      description: d,
      point: `${i + 10}-тармақ`,
    })),
  });
  v = insp.violations;
  const deadlines = ['2025-12-24', '2026-01-20', '2026-02-20', '2026-03-30', '2026-02-15', '2026-01-05'];
  const res = await (
    await w.as('pcofficial')
  ).post(`${w.base}/inspections/${insp.id}/act`, {
    issuedOn: '2025-12-16',
    items: v.map((id, i) => ({ violationId: id, measure: `Шара ${i + 1}`, performerId: w.ids.performer1, deadline: deadlines[i] })),
  });
  expect(res.statusCode).toBe(201);
  for (let i = 0; i < 2; i++)
    await ctx.sql(
      `INSERT INTO pc_violation_events (id, organisation_id, violation_id, kind, at, actor_id) VALUES ($1, $2, $3, 'escalated_unit_head', now(), $4)`,
      [randomUUID(), w.org, v[4], w.ids.pcofficial],
    );
  // The last one was reported done: it is still open for the check, but not overdue (the performer acted).
  await ctx.sql(`UPDATE pc_violations SET status = 'measure_reported' WHERE id = $1`, [v[5]]);
});
afterAll(() => ctx.close());

describe('R315-13 the monthly check of open items with the escalation ladder', () => {
  it('R315-13 the ladder: under 30 days the performer, 30–60 the unit head, over 60 or escalated twice the first head', () => {
    expect(suggestEscalation(0, 0)).toBeNull();
    expect(suggestEscalation(1, 0)).toBe('performer');
    expect(suggestEscalation(29, 1)).toBe('performer');
    expect(suggestEscalation(30, 0)).toBe('unit_head');
    expect(suggestEscalation(60, 1)).toBe('unit_head');
    expect(suggestEscalation(61, 0)).toBe('first_head');
    expect(suggestEscalation(5, 2)).toBe('first_head');
  });

  it('R315-13 the draft lists every open item in the official’s scope with its deadline, overdue days and suggested escalation', async () => {
    const res = await (await w.as('pcofficial')).get(`${w.base}/monthly-checks/draft`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ month: '2026-03', appointed: true, done: null });
    draft = res.json().lines;
    expect(draft.map((l) => [l.position, l.overdue, l.daysOverdue, l.suggested])).toEqual([
      [1, true, 68, 'first_head'],
      [2, true, 41, 'unit_head'],
      [3, true, 10, 'performer'],
      [4, false, 0, null],
      [5, true, 15, 'first_head'],
      [6, false, 0, null],
    ]);
    expect(draft[5]!.status).toBe('measure_reported');
    // Another facility's official sees none of it; someone without an appointment cannot check.
    expect((await (await w.as('pcofficial2')).get(`${w.base}/monthly-checks/draft`)).json().lines).toEqual([]);
    await ctx.sql(`UPDATE pc_official_appointments SET valid_to = '2026-02-01' WHERE person_id = $1`, [w.ids.pcofficial2]);
    expect((await (await w.as('pcofficial2')).get(`${w.base}/monthly-checks/draft`)).json()).toMatchObject({ appointed: false, lines: [] });
    const ended = await (await w.as('pcofficial2')).post(`${w.base}/monthly-checks`, { month: '2026-03', summary: '', lines: [] });
    expect(ended.statusCode).toBe(403);
    expect(ended.json().error.code).toBe('pc.monthly_not_appointed');
    expect((await (await w.as('unithead1')).get(`${w.base}/monthly-checks/draft`)).statusCode).toBe(403);
  });

  it('R315-13 the check covers every open item once, escalates only overdue ones, and is for this month', async () => {
    const c = await w.as('pcofficial');
    const lines = draft.map((l) => ({ violationId: l.violationId, note: '', escalatedTo: l.suggested }));
    const missing = await c.post(`${w.base}/monthly-checks`, { month: '2026-03', summary: '', lines: lines.slice(1) });
    expect(missing.json().error).toMatchObject({ code: 'pc.monthly_lines_mismatch', details: { missing: 1, unknown: 0 } });
    const early = await c.post(`${w.base}/monthly-checks`, {
      month: '2026-03',
      summary: '',
      lines: lines.map((l, i) => (i === 3 ? { ...l, escalatedTo: 'performer' } : l)),
    });
    expect(early.json().error).toMatchObject({ code: 'pc.monthly_escalation_not_overdue', details: { position: 4 } });
    const past = await c.post(`${w.base}/monthly-checks`, { month: '2026-02', summary: '', lines });
    expect(past.json().error.code).toBe('pc.monthly_month_invalid');
    expect((await ctx.sql('SELECT count(*)::int AS n FROM pc_monthly_checks')).rows[0]!.n).toBe(0);
  });

  it('R315-13 the recorded check escalates (events and notices to the people reached), reports to the head, and is written once', async () => {
    const c = await w.as('pcofficial');
    const lines = draft.map((l, i) => ({
      violationId: l.violationId,
      note: i === 1 ? 'Қосалқы бөлшек күтілуде' : '',
      escalatedTo: l.suggested,
    }));
    const res = await c.post(`${w.base}/monthly-checks`, { month: '2026-03', summary: '6 тармақ тексерілді, 4 мерзімі өткен', lines });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      month: '2026-03',
      official: { id: w.ids.pcofficial },
      summary: '6 тармақ тексерілді, 4 мерзімі өткен',
    });
    expect(res.json().lines[1]).toMatchObject({
      instructionNumber: 'Н-2025/001',
      position: 2,
      overdue: true,
      escalatedTo: 'unit_head',
      suggested: 'unit_head',
      note: 'Қосалқы бөлшек күтілуде',
    });
    const events = await ctx.sql(`SELECT violation_id, kind FROM pc_violation_events WHERE kind LIKE 'escalated_%' AND at > '2026-03-01'`);
    const kinds = new Map(events.rows.map((r) => [r.violation_id, r.kind]));
    expect([kinds.get(v[0]), kinds.get(v[1]), kinds.get(v[2]), kinds.get(v[3])]).toEqual([
      'escalated_first_head',
      'escalated_unit_head',
      'escalated_performer',
      undefined,
    ]);
    expect(await notices(w.ids.performer1!, 'pc.escalated')).toEqual([
      expect.objectContaining({ instruction: 'Н-2025/001', position: 3, days: 10 }),
    ]);
    expect(await notices(w.ids.unithead1!, 'pc.escalated')).toEqual([
      expect.objectContaining({ position: 2, days: 41, note: 'Қосалқы бөлшек күтілуде' }),
    ]);
    expect((await notices(w.ids.head!, 'pc.escalated')).map((n) => n.position).sort()).toEqual([1, 5]);
    expect(await notices(w.ids.head!, 'pc.monthly_check_reported')).toEqual([{ month: '2026-03', open: 6, overdue: 4, escalated: 4 }]);
    const again = await c.post(`${w.base}/monthly-checks`, { month: '2026-03', summary: '', lines });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('pc.monthly_check_exists');
    await expect(ctx.sql(`UPDATE pc_monthly_checks SET summary = 'x'`)).rejects.toThrow();
    expect((await c.get(`${w.base}/monthly-checks/draft`)).json().done).toMatchObject({ month: '2026-03' });
    const list = (await (await w.as('pcauditor')).get(`${w.base}/monthly-checks`)).json().items;
    expect(list).toHaveLength(1);
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'pc.monthly_check_recorded'`)).rows[0]!.n).toBe(1);
  });
});
