import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/**
 * R315-18 on a fixed data set whose figures are counted by hand below. February 2026 (Almaty, UTC+5);
 * the report is presented on 2 March.
 *
 *   N6  unit B, issued 05.01, deadline 15.01, never verified  → overdue (45 days at 01.03: the 30–60 band)
 *   N5  unit A, issued 20.01, closed 25.01                   → not in February (closed before it began)
 *   N1  unit A, issued 06.02, deadlines 20.02 and 10.03; the first verified only on 01.03 → overdue, 1 measure (9 days)
 *   N2  unit A, issued 12.02, verified and closed 20.02      → closed
 *   N3  unit B, issued 16.02, deadline 31.03                  → on time
 *   N4  unit B, issued 18.02, cancelled by order 25.02        → cancelled
 * Inspections completed in February: unit A 05.02 (3 violations, 1 dangerous, 1 eliminated on the spot)
 * and 12.02 (1); unit B 15.02 (2) and 18.02 (1).
 */
let ctx: TestContext;
let w: OperatorWorld;
const number: Record<string, string> = {};
const ids: Record<string, { id: string; items: { id: string }[] }> = {};
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const at = (iso: string) => {
  ctx.clock.now = new Date(iso);
};
/** A fresh sign-in at the clock's time: the data set spans months, longer than a session lives. */
const as = async (login: string) => {
  const c = new ApiClient(ctx);
  const res = await c.login(login);
  if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
  return c;
};

async function issue(
  key: string,
  o: {
    unit: string;
    completedAt: string;
    issuedOn: string;
    violations: number;
    dangerous?: boolean;
    onSpot?: boolean;
    deadlines: string[];
  },
) {
  at(o.completedAt);
  const violations = Array.from({ length: o.violations }, (_, n) => ({
    description: `${key}: бұзушылық ${n + 1}`,
    point: `${10 + n}-тармақ`,
    dangerous: n === 0 && o.dangerous,
    onSpot: n === o.violations - 1 && o.onSpot,
  }));
  const insp = await w.inspection({ unit: o.unit, completedAt: o.completedAt, violations });
  at(`${o.issuedOn}T06:00:00Z`);
  const open = insp.violations.slice(0, o.deadlines.length);
  const res = await (
    await as('pcofficial')
  ).post(`${w.base}/inspections/${insp.id}/act`, {
    issuedOn: o.issuedOn,
    unitId: o.unit,
    items: open.map((violationId, n) => ({
      violationId,
      measure: `${key}: шара ${n + 1}`,
      performerId: o.unit === w.unitA ? w.ids.performer1 : w.ids.performer2,
      deadline: o.deadlines[n],
    })),
  });
  if (res.statusCode !== 201) throw new Error(`${key}: ${res.body}`);
  ids[key] = res.json().instruction;
  number[key] = res.json().instruction.number;
}

async function verifyItem(key: string, n: number, performer: string, when: string) {
  at(when);
  const url = (tail: string) => `${w.base}/instructions/${ids[key]!.id}/items/${ids[key]!.items[n]!.id}/${tail}`;
  const p = await as(performer);
  expect((await p.request('POST', url('evidence?fileName=photo.jpg'), JPEG, { 'content-type': 'image/jpeg' })).statusCode).toBe(201);
  expect((await p.post(url('report'), { note: 'Орындалды' })).statusCode).toBe(200);
  ctx.clock.advance(3600_000);
  expect((await (await as('pcofficial')).post(url('verification'), { accept: true })).statusCode).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
  await issue('N6', {
    unit: w.unitB,
    completedAt: '2026-01-04T08:00:00Z',
    issuedOn: '2026-01-05',
    violations: 1,
    deadlines: ['2026-01-15'],
  });
  await issue('N5', {
    unit: w.unitA,
    completedAt: '2026-01-19T08:00:00Z',
    issuedOn: '2026-01-20',
    violations: 1,
    deadlines: ['2026-01-31'],
  });
  await verifyItem('N5', 0, 'performer1', '2026-01-25T06:00:00Z');
  await issue('N1', {
    unit: w.unitA,
    completedAt: '2026-02-05T08:00:00Z',
    issuedOn: '2026-02-06',
    violations: 3,
    dangerous: true,
    onSpot: true,
    deadlines: ['2026-02-20', '2026-03-10'],
  });
  await issue('N2', {
    unit: w.unitA,
    completedAt: '2026-02-12T04:00:00Z',
    issuedOn: '2026-02-12',
    violations: 1,
    deadlines: ['2026-02-25'],
  });
  await verifyItem('N2', 0, 'performer1', '2026-02-20T06:00:00Z');
  await issue('N3', {
    unit: w.unitB,
    completedAt: '2026-02-15T08:00:00Z',
    issuedOn: '2026-02-16',
    violations: 2,
    deadlines: ['2026-03-31', '2026-03-31'],
  });
  await issue('N4', {
    unit: w.unitB,
    completedAt: '2026-02-18T03:00:00Z',
    issuedOn: '2026-02-18',
    violations: 1,
    deadlines: ['2026-03-15'],
  });
  at('2026-02-25T06:00:00Z');
  const cancel = await (
    await as('operator')
  ).post(`${w.base}/instructions/${ids.N4!.id}/cancel`, { number: 'ӨБ-31', orderDate: '2026-02-25', reason: 'Учаске жабылды' });
  expect(cancel.statusCode).toBe(200);
  // After the month: N1's first measure is verified on 1 March, which February's report must not see.
  await verifyItem('N1', 0, 'performer1', '2026-03-01T04:00:00Z');
  at('2026-03-02T05:00:00Z');
});
afterAll(() => ctx.close());

const report = async (login = 'pcofficial', month = '2026-02') => (await as(login)).get(`${w.base}/reports/monthly/${month}`);

describe('R315-18 the monthly report to the head', () => {
  it('R315-18 counts every instruction of the month by its state as at the month end, per unit, as counted by hand', async () => {
    const res = await report();
    expect(res.statusCode).toBe(200);
    const f = res.json().figures;
    expect(f.asOf).toBe('2026-02-28T19:00:00.000Z');
    const line = (unit: string) => f.lines.find((l: { unitId: string }) => l.unitId === unit);
    expect(line(w.unitA)).toMatchObject({
      inspected: { scheduled: 2, extraordinary: 0, comprehensive: 0 },
      violationsFound: 4,
      dangerousFound: 1,
      instructionsIssued: 2,
      instructions: { on_time: 0, overdue: 1, closed: 1, cancelled: 0 },
      overdueMeasures: 1,
    });
    expect(line(w.unitB)).toMatchObject({
      inspected: { scheduled: 2, extraordinary: 0, comprehensive: 0 },
      violationsFound: 3,
      dangerousFound: 0,
      instructionsIssued: 2,
      instructions: { on_time: 1, overdue: 1, closed: 0, cancelled: 1 },
      overdueMeasures: 1,
    });
    expect(f.totals).toMatchObject({
      violationsFound: 7,
      dangerousFound: 1,
      instructionsIssued: 4,
      instructions: { on_time: 1, overdue: 2, closed: 1, cancelled: 1 },
      overdueMeasures: 2,
    });
    const states = Object.fromEntries(f.instructions.map((i: { number: string; state: string }) => [i.number, i.state]));
    expect(states).toEqual({
      [number.N6!]: 'overdue',
      [number.N1!]: 'overdue',
      [number.N2!]: 'closed',
      [number.N3!]: 'on_time',
      [number.N4!]: 'cancelled',
    });
    expect(f.instructions.find((i: { number: string }) => i.number === number.N4)).toMatchObject({
      cancelOrder: expect.stringContaining('ӨБ-31'),
    });
    expect(f.instructions.find((i: { number: string }) => i.number === number.N2)).toMatchObject({ closedOn: '2026-02-20' });
    expect(f.overdueByAge).toEqual({ under_30: 1, from_30_to_60: 1, over_60: 0 });
  });

  it('R315-18 January, counted as at its own end, holds N5 closed and N6 overdue by 16 days', async () => {
    const f = (await report('pcofficial', '2026-01')).json().figures;
    const states = Object.fromEntries(f.instructions.map((i: { number: string; state: string }) => [i.number, i.state]));
    expect(states).toEqual({ [number.N6!]: 'overdue', [number.N5!]: 'closed' });
    expect(f.overdueByAge).toEqual({ under_30: 1, from_30_to_60: 0, over_60: 0 });
  });

  it("R315-18 the head's charts: violations by unit and month, measures closed by their deadline, overdue measures by age now", async () => {
    const res = await (await as('operator')).get(`${w.base}/reports/trends`);
    expect(res.statusCode).toBe(200);
    const tr = res.json();
    expect(tr.months).toHaveLength(12);
    expect(tr.months.at(-1)).toBe('2026-03');
    const month = (m: string) => tr.violations.find((v: { month: string }) => v.month === m).byUnit;
    expect(month('2026-01')).toEqual({ [w.unitA]: 1, [w.unitB]: 1 });
    expect(month('2026-02')).toEqual({ [w.unitA]: 4, [w.unitB]: 3 });
    expect(tr.units.map((u: { label: string }) => u.label).sort()).toEqual(['Желдету учаскесі', '№ 1 учаске (тазарту)'].sort());
    const closure = (m: string) => tr.closure.find((c: { month: string }) => c.month === m);
    // January: N6 never verified, N5 verified before its deadline; February: N2 on time, N1's first measure a day late.
    expect(closure('2026-01')).toEqual({ month: '2026-01', due: 2, onTime: 1, rate: 50 });
    expect(closure('2026-02')).toEqual({ month: '2026-02', due: 2, onTime: 1, rate: 50 });
    expect(closure('2026-03')).toEqual({ month: '2026-03', due: 0, onTime: 0, rate: null });
    expect(tr.overdueByAge).toEqual({ under_30: 0, from_30_to_60: 1, over_60: 0 });
  });

  it('R315-18 the official presents it after the month; the figures are frozen; the head approves the latest version once', async () => {
    const march = await (await as('pcofficial')).post(`${w.base}/reports/monthly/2026-03/presentation`, {});
    expect(march.statusCode).toBe(409);
    expect(march.json().error).toMatchObject({ code: 'pc.report_month_not_over' });
    const bad = await (await as('pcofficial')).post(`${w.base}/reports/monthly/2026-13/presentation`, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'pc.report_month_invalid', details: { field: 'month' } });

    const v1 = await (await as('pcofficial')).post(`${w.base}/reports/monthly/2026-02/presentation`, {});
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ month: '2026-02', version: 1, approval: null, presentedBy: { id: w.ids.pcofficial } });
    const again = await (await as('pcofficial')).post(`${w.base}/reports/monthly/2026-02/presentation`, {});
    expect(again.json().error).toMatchObject({ code: 'pc.report_unchanged', details: { version: 1 } });
    const notice = await ctx.sql(`SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'pc.monthly_report_presented'`, [
      w.ids.head,
    ]);
    expect(notice.rows).toHaveLength(1);

    // A late entry changes February (an act dated back into it): a second version; the first can no longer be approved.
    await issue('N7', {
      unit: w.unitA,
      completedAt: '2026-02-27T05:00:00Z',
      issuedOn: '2026-02-27',
      violations: 1,
      deadlines: ['2026-03-20'],
    });
    at('2026-03-02T06:00:00Z');
    const v2 = await (await as('pcservice')).post(`${w.base}/reports/monthly/2026-02/presentation`, {});
    expect(v2.json()).toMatchObject({ version: 2 });
    const stale = await (await as('operator')).post(`${w.base}/reports/monthly/versions/${v1.json().id}/approval`, {});
    expect(stale.json().error).toMatchObject({ code: 'pc.report_superseded', details: { latest: 2 } });
    const approved = await (await as('operator')).post(`${w.base}/reports/monthly/versions/${v2.json().id}/approval`, {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json().approval).toMatchObject({ approvedBy: { id: w.ids.head } });
    const twice = await (await as('operator')).post(`${w.base}/reports/monthly/versions/${v2.json().id}/approval`, {});
    expect(twice.json().error).toMatchObject({ code: 'pc.report_already_approved' });

    const frozen = (await ctx.sql('SELECT figures FROM pc_monthly_reports WHERE id = $1', [v1.json().id])).rows[0]!.figures as {
      totals: { instructionsIssued: number };
    };
    expect(frozen.totals.instructionsIssued).toBe(4);
    const live = (await report()).json();
    expect(live.figures.totals.instructionsIssued).toBe(5);
    expect(live.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await expect(ctx.sql(`UPDATE pc_monthly_reports SET figures = '{}' WHERE id = $1`, [v1.json().id])).rejects.toThrow();
    await expect(ctx.sql('DELETE FROM pc_monthly_report_approvals')).rejects.toThrow();
    const chain = await ctx.sql(`SELECT action FROM ledger_entries WHERE action LIKE 'pc.monthly_report_%' ORDER BY seq`);
    expect(chain.rows.map((r) => r.action)).toEqual([
      'pc.monthly_report_presented',
      'pc.monthly_report_presented',
      'pc.monthly_report_approved',
    ]);
  });

  it('R315-18 the PDF in Kazakh and Russian carries the month, the states and every instruction number', async () => {
    for (const [lang, words] of [
      ['kk', ['2026 ж. ақпан', 'мерзімі өткен', 'бұйрықпен жойылды', 'ӨБ-31', '2-нұсқа']],
      ['ru', ['февраль 2026 г.', 'просрочено', 'отменено приказом', 'ӨБ-31', 'версия 2']],
    ] as const) {
      const res = await (await as('operator')).get(`${w.base}/reports/monthly/2026-02/report.pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
      for (const word of words) expect(text).toContain(word);
      for (const n of Object.values(number)) if (n !== number.N5) expect(text).toContain(n);
      expect(text).not.toContain(number.N5!);
    }
  });

  it('R315-18 R315-24 who may read, present and approve (and another organisation sees nothing)', async () => {
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
      ['pcauditor', 'approve', 403],
      ['clinic', 'approve', 403],
    ];
    const [latest] = (await report('operator')).json().versions;
    for (const [login, action, status] of cases) {
      const c = await as(login);
      const res =
        action === 'read'
          ? await c.get(`${w.base}/reports/monthly/2026-02`)
          : action === 'present'
            ? await c.post(`${w.base}/reports/monthly/2026-01/presentation`, {})
            : await c.post(`${w.base}/reports/monthly/versions/${latest.id}/approval`, {});
      expect([login, action, res.statusCode]).toEqual([login, action, status]);
    }
  });
});
