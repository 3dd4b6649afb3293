/**
 * The Order 315 benchmark organisation: 50 facilities, 500 units, 20,000 inspections (10 items each)
 * and 200,000 violations, written in set-based statements (BENCH_QUICK=1: a tenth of it). Shared by
 * the inspection and the reporting benchmarks so both measure the same organisation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../../apps/server/src/db/database.ts';
import { QUICK, createTempDatabase } from './common.ts';

export const SCALE = QUICK ? 0.1 : 1;
export const FACILITIES = 50;
export const UNITS = 500;
export const INSPECTIONS = Math.round(20_000 * SCALE);
export const VIOLATIONS = Math.round(200_000 * SCALE);
export const ORG = '00000000-0000-4000-8000-0000000003a5';
export const engine = process.argv.find((a) => a.startsWith('--engine='))?.slice(9) ?? 'pglite';

export async function open(): Promise<{ database: Database; done: () => Promise<void> }> {
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
export async function seed(db: Database['db']) {
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

/**
 * R315-15 … R315-18: an instruction after every inspection with each of its violations as an item
 * (deadline 30 days after the issue); closed when all its violations were verified (at the last
 * verification), every 97th cancelled five days after its issue.
 */
export async function seedInstructions(db: Database['db']) {
  const u = (expr: string) => sql.raw(`('00000000-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`);
  await db.execute(sql`INSERT INTO pc_instructions (id, organisation_id, inspection_id, facility_id, unit_id, number, issued_on, issued_by, status, closed_at, cancelled_at, created_at)
    SELECT ${u('6000000 + s.n')}, ${ORG}, i.id, i.facility_id, i.unit_id, 'Н-' || s.n, (i.completed_at AT TIME ZONE 'Asia/Almaty')::date, ${ORG},
           CASE WHEN s.n % 97 = 0 THEN 'cancelled' WHEN s.open = 0 THEN 'closed' ELSE 'issued' END,
           CASE WHEN s.n % 97 <> 0 AND s.open = 0 THEN s.last_verified END,
           CASE WHEN s.n % 97 = 0 THEN i.completed_at + interval '5 days' END, i.completed_at
      FROM pc_inspections i
      JOIN (SELECT inspection_id, (row_number() OVER (ORDER BY inspection_id))::int AS n,
                   count(*) FILTER (WHERE status IN ('open', 'measure_reported')) AS open, max(verified_at) AS last_verified
              FROM pc_violations GROUP BY inspection_id) s ON s.inspection_id = i.id
     WHERE i.organisation_id = ${ORG}`);
  await db.execute(sql`INSERT INTO pc_instruction_items (id, organisation_id, instruction_id, position, violation_id, measure, performer_id, deadline, agreement)
    SELECT ${u('7000000 + row_number() OVER ()')}, ${ORG}, n.id, row_number() OVER (PARTITION BY v.inspection_id ORDER BY v.id), v.id,
           'Шара', ${ORG}, n.issued_on + 30, 'agreed'
      FROM pc_violations v JOIN pc_instructions n ON n.inspection_id = v.inspection_id
     WHERE v.organisation_id = ${ORG}`);
  await db.execute(sql`ANALYZE`);
}
