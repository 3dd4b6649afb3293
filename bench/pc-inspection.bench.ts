/**
 * Order 315: the pre-inspection brief (R315-9) and the filtered violation list (R315-27) on an
 * organisation with 50 facilities, 500 units, 20,000 inspections (10 items each) and 200,000
 * violations, each measured against bare SQL that fetches the same rows in the same run (goal:
 * within 2× of it). The code under test is imported unchanged from apps/server/src.
 *   node --import tsx bench/pc-inspection.bench.ts [--engine=pglite|postgresql]   (BENCH_QUICK=1: a tenth of the data)
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/database.ts';
import { briefRows } from '../apps/server/src/production-control/inspections/brief.repository.ts';
import { listViolations } from '../apps/server/src/production-control/violations/violation-list.repository.ts';
import { QUICK, RESULTS_DIR, log, machineInfo, median, round, table, timed } from './lib/common.ts';
import { FACILITIES, INSPECTIONS, ORG, VIOLATIONS, engine, open, seed } from './lib/pc-organisation.ts';

const RUNS = 50;
const TODAY = '2026-06-01';

/** The same rows by hand: the facility, the last 5 inspections with their counts, the open and eliminated violations. */
async function bareBrief(db: Database['db'], facilityId: string) {
  const f = await db.execute(sql`SELECT * FROM pc_facilities WHERE organisation_id = ${ORG} AND id = ${facilityId}`);
  const p = await db.execute(sql`SELECT i.*, (SELECT count(*) FROM pc_inspection_items t WHERE t.inspection_id = i.id) AS items,
      (SELECT count(*) FROM pc_violations v WHERE v.inspection_id = i.id) AS violations
      FROM pc_inspections i WHERE i.organisation_id = ${ORG} AND i.facility_id = ${facilityId} AND i.status = 'completed' ORDER BY i.started_at DESC LIMIT 5`);
  const v = await db.execute(sql`SELECT * FROM pc_violations v WHERE v.organisation_id = ${ORG} AND v.facility_id = ${facilityId}
      AND v.status IN ('open', 'measure_reported', 'verified')`);
  return [f, p, v].map((r) => (r as unknown as { rows: unknown[] }).rows.length);
}

async function bareList(db: Database['db'], facilityId: string) {
  const r =
    await db.execute(sql`SELECT v.*, f.name, u.name FROM pc_violations v JOIN pc_facilities f ON f.id = v.facility_id LEFT JOIN pc_units u ON u.id = v.unit_id
      WHERE v.organisation_id = ${ORG} AND v.facility_id = ${facilityId} AND v.status IN ('open', 'measure_reported') ORDER BY v.found_at DESC, v.id DESC LIMIT 51`);
  return (r as unknown as { rows: unknown[] }).rows.length;
}

async function measure(label: string, fn: (i: number) => Promise<unknown>) {
  await fn(0);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await timed(() => fn(i))).ms);
  return { label, medianMs: round(median(ms), 2) };
}

async function main() {
  const { database, done } = await open();
  try {
    await database.migrate();
    log(`seeding ${INSPECTIONS} inspections, ${VIOLATIONS} violations on ${engine}`);
    await seed(database.db);
    const db = database.db;
    const facility = (i: number) => `00000000-0000-4000-8000-${(1_000_000 + (i % FACILITIES)).toString(16).padStart(12, '0')}`;
    const rows = [
      await measure('brief (briefRows)', (i) =>
        briefRows(db, { organisationId: ORG, facilityId: facility(i), unitId: null, today: TODAY, limit: 5 }),
      ),
      await measure('brief (bare SQL)', (i) => bareBrief(db, facility(i))),
      await measure('violation list, facility + open (listViolations)', (i) =>
        listViolations(db, ORG, { facilityId: facility(i), status: ['open', 'measure_reported'], limit: 50, today: TODAY }),
      ),
      await measure('violation list, facility + open (bare SQL)', (i) => bareList(db, facility(i))),
      await measure('violation list, text "клапан", newest 50', () => listViolations(db, ORG, { text: 'клапан', limit: 50, today: TODAY })),
      await measure('violation list, overdue, newest 50', () => listViolations(db, ORG, { overdue: true, limit: 50, today: TODAY })),
    ];
    const ratio = (a: number, b: number) => round(rows[a]!.medianMs / rows[b]!.medianMs, 2);
    const result = {
      engine,
      machine: machineInfo(),
      inspections: INSPECTIONS,
      violations: VIOLATIONS,
      rows,
      briefRatio: ratio(0, 1),
      listRatio: ratio(2, 3),
      goal: 2,
    };
    log(
      table(
        ['figure', 'median ms'],
        rows.map((r) => [r.label, r.medianMs]),
      ),
    );
    log(`brief ${result.briefRatio}× bare SQL, list ${result.listRatio}× bare SQL (goal ≤ 2×)`);
    if (!QUICK) fs.writeFileSync(path.join(RESULTS_DIR, `pc-inspection-${engine}.json`), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await done();
  }
}

await main();
