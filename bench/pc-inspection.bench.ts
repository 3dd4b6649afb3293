/**
 * Order 315: the pre-inspection brief (R315-9) and the filtered violation list (R315-27) on an
 * organisation with 50 facilities, 500 units, 20,000 inspections (10 items each) and 200,000
 * violations, each measured against bare SQL that fetches the same rows in the same run (goal:
 * within 2× of it). The code under test is imported unchanged from apps/server/src.
 *   node --import tsx bench/pc-inspection.bench.ts [--engine=pglite|postgresql]   (BENCH_QUICK=1: a tenth of the data)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../apps/server/src/db/database.ts';
import { briefRows } from '../apps/server/src/production-control/inspections/brief.repository.ts';
import { listViolations } from '../apps/server/src/production-control/violations/violation-list.repository.ts';
import { QUICK, RESULTS_DIR, createTempDatabase, log, machineInfo, median, round, table, timed } from './lib/common.ts';

const SCALE = QUICK ? 0.1 : 1;
const FACILITIES = 50;
const UNITS = 500;
const INSPECTIONS = Math.round(20_000 * SCALE);
const VIOLATIONS = Math.round(200_000 * SCALE);
const RUNS = 50;
const ORG = '00000000-0000-4000-8000-0000000003a5';
const TODAY = '2026-06-01';
const engine = process.argv.find((a) => a.startsWith('--engine='))?.slice(9) ?? 'pglite';

async function open(): Promise<{ database: Database; done: () => Promise<void> }> {
  if (engine === 'postgresql') {
    const tmp = await createTempDatabase(`baqylau_bench_pc_${process.pid}`);
    const database = await openPostgres(tmp.url, 2);
    return { database, done: async () => (await database.close(), await tmp.drop()) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-bench-pc-'));
  const database = await openPglite(dir);
  return { database, done: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** The whole organisation in set-based statements: facility f has units f*10 … f*10+9; violation v belongs to inspection v % N. */
async function seed(db: Database['db']) {
  const u = (expr: string) => sql.raw(`('00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`);
  await db.execute(
    sql`INSERT INTO organisations (id, type, name_kk, name_ru, bin) VALUES (${ORG}, 'hpf_operator', 'Бенч', 'Бенч', '000000000000')`,
  );
  await db.execute(
    sql`INSERT INTO users (id, login, full_name, password_hash) VALUES (${ORG}, 'bench-official', 'Жұмабаев Ерлан Серікұлы', 'x')`,
  );
  await db.execute(sql`INSERT INTO pc_facilities (id, organisation_id, name, registration_number, address, hazard_features, safe_operation_conditions, created_at)
    SELECT ${u('1000000 + f')}, ${ORG}, 'Объект ' || f, 'ҚӨӨН-' || f, 'Шахтинск', '{mining_operations}', 'Газ бақылауы', now() FROM generate_series(0, ${FACILITIES - 1}) f`);
  await db.execute(sql`INSERT INTO pc_units (id, organisation_id, facility_id, name, created_at)
    SELECT ${u('2000000 + n')}, ${ORG}, ${u(`1000000 + n / ${UNITS / FACILITIES}`)}, 'Учаске ' || n, now() FROM generate_series(0, ${UNITS - 1}) n`);
  await db.execute(
    sql`INSERT INTO pc_checklists (id, organisation_id, title, created_at) VALUES (${ORG}, ${ORG}, 'Тексеру парағы', now())`,
  );
  await db.execute(sql`INSERT INTO pc_checklist_versions (id, organisation_id, checklist_id, version, status, questions, created_at)
    VALUES (${ORG}, ${ORG}, ${ORG}, 1, 'draft', '[]', now())`);
  await db.execute(sql`INSERT INTO pc_inspections (id, organisation_id, facility_id, unit_id, kind, checklist_version_id, official_id, status, started_at, completed_at, conclusion)
    SELECT ${u('3000000 + i')}, ${ORG}, ${u(`1000000 + (i % ${UNITS}) / ${UNITS / FACILITIES}`)}, ${u(`2000000 + i % ${UNITS}`)}, 'scheduled', ${ORG}, ${ORG},
           'completed', timestamptz '2024-01-01' + i * interval '50 minutes', timestamptz '2024-01-01' + i * interval '50 minutes' + interval '3 hours', 'Қорытынды'
      FROM generate_series(0, ${INSPECTIONS - 1}) i`);
  await db.execute(sql`INSERT INTO pc_inspection_items (id, organisation_id, inspection_id, position, source, text, reference, severity)
    SELECT ${u(`4000000 + i * 10 + p`)}, ${ORG}, ${u('3000000 + i')}, p + 1, 'checklist', 'Сұрақ ' || p, '{"act":"Заң","point":"1"}', 'major'
      FROM generate_series(0, ${INSPECTIONS - 1}) i, generate_series(0, 9) p`);
  // 10 % open, 5 % measure reported, 15 % verified, the rest re-checked (h: a hash of v, so states are spread over facilities).
  await db.execute(sql`INSERT INTO pc_violations (id, organisation_id, inspection_id, item_id, facility_id, unit_id, description, reference, severity, dangerous, status, found_at, due_on, verified_at)
    SELECT ${u('5000000 + v')}, ${ORG}, ${u(`3000000 + v % ${INSPECTIONS}`)}, ${u(`4000000 + (v % ${INSPECTIONS}) * 10 + (v / ${INSPECTIONS}) % 10`)},
           ${u(`1000000 + ((v % ${INSPECTIONS}) % ${UNITS}) / ${UNITS / FACILITIES}`)}, ${u(`2000000 + (v % ${INSPECTIONS}) % ${UNITS}`)},
           'Бұзушылық ' || v || CASE WHEN v % 7 = 0 THEN ' клапан' ELSE '' END, '{"act":"Заң","point":"1"}',
           (ARRAY['minor','major','critical'])[1 + v % 3], v % 50 = 0,
           CASE WHEN h < 2 THEN 'open' WHEN h = 2 THEN 'measure_reported' WHEN h < 6 THEN 'verified' ELSE 'rechecked' END,
           timestamptz '2024-01-01' + (v % ${INSPECTIONS}) * interval '50 minutes' + interval '1 hour',
           CASE WHEN v % 3 = 0 THEN to_char(date '2026-01-01' + (v % 300), 'YYYY-MM-DD') END,
           CASE WHEN h >= 3 THEN timestamptz '2024-01-01' + (v % ${INSPECTIONS}) * interval '50 minutes' + interval '10 days' END
      FROM (SELECT v, mod(abs(hashint4(v)), 20) AS h FROM generate_series(0, ${VIOLATIONS - 1}) v) s`);
  await db.execute(sql`ANALYZE`);
}

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
