/**
 * Order 315, R315-18: the monthly report to the head on the benchmark organisation (50 facilities,
 * 500 units, 20,000 inspections, 200,000 violations, an instruction after every inspection with
 * 200,000 measures), against the bare SQL aggregate of the same figures in the same run (goal:
 * within 2×), and the PDF's render time. The code under test is imported unchanged from apps/server/src.
 *   node --import tsx bench/pc-reports.bench.ts [--engine=pglite|postgresql]   (BENCH_QUICK=1: a tenth of the data)
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/database.ts';
import type { AppDeps } from '../apps/server/src/platform/deps.ts';
import { createTranslator } from '../apps/server/src/platform/i18n/i18n.ts';
import { renderMonthlyReport } from '../apps/server/src/production-control/reports/monthly-report.pdf.ts';
import { monthlyFigures, monthWindow } from '../apps/server/src/production-control/reports/monthlyReport.ts';
import { QUICK, RESULTS_DIR, log, machineInfo, median, round, table, timed } from './lib/common.ts';
import { INSPECTIONS, ORG, VIOLATIONS, engine, open, seed, seedInstructions } from './lib/pc-organisation.ts';

const RUNS = QUICK ? 5 : 20;
/** A month in the middle of the inspections (they run from January 2024 every 50 minutes). */
const MONTH = QUICK ? '2024-02' : '2025-06';
const NOW = new Date('2026-06-01T06:00:00Z');

/** The same figures by hand, as one would write them for a report: instruction states, the month's activity, overdue ages. */
async function bareAggregate(db: Database['db'], deps: AppDeps) {
  const w = monthWindow(deps, ORG, MONTH);
  const asOf = sql`${w.asOf.toISOString()}::timestamptz`;
  const states = await db.execute(sql`
    SELECT facility_id, unit_id, state, count(*) FROM (
      SELECT i.facility_id, i.unit_id,
             CASE WHEN i.cancelled_at <= ${asOf} THEN 'cancelled' WHEN i.closed_at <= ${asOf} THEN 'closed'
                  WHEN EXISTS (SELECT 1 FROM pc_instruction_items it JOIN pc_violations v ON v.id = it.violation_id
                                WHERE it.instruction_id = i.id AND it.deadline < ${w.today}::date
                                  AND NOT (v.status IN ('verified', 'rechecked') AND v.verified_at <= ${asOf})) THEN 'overdue'
                  ELSE 'on_time' END AS state
        FROM pc_instructions i
       WHERE i.organisation_id = ${ORG} AND i.issued_on <= ${w.lastDay}::date
         AND (i.closed_at IS NULL OR i.closed_at >= ${w.from.toISOString()}::timestamptz)
         AND (i.cancelled_at IS NULL OR i.cancelled_at >= ${w.from.toISOString()}::timestamptz)) s
     GROUP BY 1, 2, 3`);
  const activity = await db.execute(sql`
    SELECT facility_id, unit_id, count(*) FROM pc_inspections
     WHERE organisation_id = ${ORG} AND status = 'completed' AND completed_at >= ${w.from.toISOString()}::timestamptz AND completed_at < ${w.to.toISOString()}::timestamptz
     GROUP BY 1, 2
    UNION ALL
    SELECT facility_id, unit_id, count(*) FROM pc_violations
     WHERE organisation_id = ${ORG} AND found_at >= ${w.from.toISOString()}::timestamptz AND found_at < ${w.to.toISOString()}::timestamptz
     GROUP BY 1, 2
    UNION ALL
    SELECT facility_id, unit_id, count(*) FROM pc_instructions
     WHERE organisation_id = ${ORG} AND issued_on BETWEEN ${w.firstDay}::date AND ${w.lastDay}::date GROUP BY 1, 2`);
  const ages = await db.execute(sql`
    SELECT ${w.today}::date - it.deadline AS days, count(*) FROM pc_instruction_items it
      JOIN pc_instructions i ON i.id = it.instruction_id JOIN pc_violations v ON v.id = it.violation_id
     WHERE it.organisation_id = ${ORG} AND i.issued_on <= ${w.lastDay}::date AND it.deadline < ${w.today}::date
       AND (i.closed_at IS NULL OR i.closed_at > ${asOf}) AND (i.cancelled_at IS NULL OR i.cancelled_at > ${asOf})
       AND NOT (v.status IN ('verified', 'rechecked') AND v.verified_at <= ${asOf})
     GROUP BY 1`);
  return [states, activity, ages].map((r) => (r as unknown as { rows: unknown[] }).rows.length);
}

async function measure(label: string, runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await timed(fn)).ms);
  return { label, medianMs: round(median(ms), 1) };
}

async function main() {
  const { database, done } = await open();
  try {
    await database.migrate();
    log(`seeding ${INSPECTIONS} inspections, ${VIOLATIONS} violations and their instructions on ${engine}`);
    await seed(database.db);
    await seedInstructions(database.db);
    const db = database.db;
    const deps = { db, now: () => NOW } as unknown as AppDeps;
    const figures = await monthlyFigures(deps, db, ORG, MONTH);
    const t = (await createTranslator()).forLocale('kk');
    const pdf = () =>
      renderMonthlyReport(
        {
          organisation: 'Бенч',
          figures,
          period: MONTH,
          version: 1,
          presentedOn: '03.07.2025',
          presentedBy: 'Жұмабаев Е. С.',
          approvedOn: null,
          approvedBy: null,
        },
        t,
      );
    const rows = [
      await measure(`monthly report ${MONTH} (monthlyFigures)`, RUNS, () => monthlyFigures(deps, db, ORG, MONTH)),
      await measure(`monthly report ${MONTH} (bare SQL aggregate)`, RUNS, () => bareAggregate(db, deps)),
      await measure(`monthly report PDF, ${figures.instructions.length} instructions (kk)`, 5, pdf),
    ];
    const result = {
      engine,
      machine: machineInfo(),
      inspections: INSPECTIONS,
      violations: VIOLATIONS,
      month: MONTH,
      instructionsInMonth: figures.instructions.length,
      lines: figures.lines.length,
      rows,
      monthlyRatio: round(rows[0]!.medianMs / rows[1]!.medianMs, 2),
      goal: 2,
    };
    log(
      table(
        ['figure', 'median ms'],
        rows.map((r) => [r.label, r.medianMs]),
      ),
    );
    log(`monthly report ${result.monthlyRatio}× the bare SQL aggregate (goal ≤ 2×); PDF ${rows[2]!.medianMs} ms`);
    if (!QUICK) fs.writeFileSync(path.join(RESULTS_DIR, `pc-reports-${engine}.json`), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await done();
  }
}

await main();
