/**
 * Order 315, R315-26: the annual information on the part-1 benchmark organisation (50 facilities,
 * 500 units, 20,000 inspections, 200,000 violations, an instruction after every inspection), plus
 * registers written set-based (1,000 technical objects with an examination each, 5,000 training
 * records, 100 accidents, a plan of 200 measures), against the bare SQL aggregate of the same figures
 * in the same run (goal: within 2×), and the PDF's render time. The code under test is imported
 * unchanged from apps/server/src.
 *   node --import tsx bench/pc-documents.bench.ts [--engine=pglite|postgresql]   (BENCH_QUICK=1: a tenth of the data)
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/database.ts';
import type { AppDeps } from '../apps/server/src/platform/deps.ts';
import { createTranslator } from '../apps/server/src/platform/i18n/i18n.ts';
import { renderAnnualInformation } from '../apps/server/src/production-control/annual-information/annual-information.pdf.ts';
import { annualFigures, yearWindow } from '../apps/server/src/production-control/annual-information/annualInformation.ts';
import { QUICK, RESULTS_DIR, log, machineInfo, median, round, table, timed } from './lib/common.ts';
import { INSPECTIONS, ORG, VIOLATIONS, engine, open, seed, seedInstructions } from './lib/pc-organisation.ts';

const RUNS = QUICK ? 5 : 10;
/** The first full year of the inspections (they run from January 2024 every 50 minutes). */
const YEAR = '2024';
const NOW = new Date('2026-06-01T06:00:00Z');

/** The registers the annual information reads besides part 1's tables (set-based, like the organisation). */
async function seedRegisters(db: Database['db']) {
  const f = sql`(SELECT array_agg(id ORDER BY id) FROM pc_facilities WHERE organisation_id = ${ORG})`;
  await db.execute(sql`INSERT INTO pc_technical_objects (id, organisation_id, facility_id, kind, name, registration_number, created_by, created_at)
    SELECT gen_random_uuid(), ${ORG}, (${f})[1 + n % 50], (ARRAY['device', 'building', 'structure'])[1 + n % 3], 'Объект ' || n, 'Т-' || n, ${ORG}, now()
      FROM generate_series(1, 1000) n`);
  await db.execute(sql`INSERT INTO pc_technical_examinations (id, organisation_id, object_id, kind, performed_on, next_due_on, result, performed_by, document_number, recorded_by, recorded_at)
    SELECT gen_random_uuid(), ${ORG}, o.id, CASE WHEN o.kind = 'device' THEN 'certification' ELSE 'technical_examination' END,
           DATE '2024-01-01' + (row_number() OVER ())::int % 365, DATE '2024-06-01' + (row_number() OVER ())::int % 400,
           CASE WHEN random() < 0.05 THEN 'unfit' ELSE 'fit' END, 'Сараптама', 'ТК', ${ORG}, now()
      FROM pc_technical_objects o WHERE o.organisation_id = ${ORG}`);
  await db.execute(sql`INSERT INTO pc_training_records (id, organisation_id, full_name, position, facility_id, kind, programme, completed_on, valid_until, document_number, recorded_by, recorded_at)
    SELECT gen_random_uuid(), ${ORG}, 'Қызметкер ' || (n % 3000), 'Кенші', (${f})[1 + n % 50], (ARRAY['training', 'retraining', 'knowledge_check'])[1 + n % 3],
           'ӨҚ негіздері', DATE '2023-06-01' + n % 700, DATE '2024-06-01' + n % 700, 'Х-' || n, ${ORG}, now()
      FROM generate_series(1, 5000) n`);
  await db.execute(sql`INSERT INTO pc_accidents (id, organisation_id, number, kind, facility_id, occurred_at, place, description, injured, status, registered_by, registered_at)
    SELECT gen_random_uuid(), ${ORG}, 'АО-' || n, (ARRAY['accident', 'incident', 'injury'])[1 + n % 3], (${f})[1 + n % 50],
           TIMESTAMPTZ '2023-07-01 05:00Z' + (n * 7 || ' days')::interval, 'Учаске', 'Оқиға', n % 2, 'registered', ${ORG}, now()
      FROM generate_series(1, 100) n`);
  await db.execute(sql`INSERT INTO pc_plans (id, organisation_id, kind, year, title, created_by, created_at)
    VALUES (${ORG}, ${ORG}, 'safety_measures', 2024, 'Іс-шаралар жоспары', ${ORG}, now())`);
  await db.execute(
    sql`INSERT INTO pc_plan_versions (id, organisation_id, plan_id, version, submitted_by, submitted_at) VALUES (${ORG}, ${ORG}, ${ORG}, 1, ${ORG}, now())`,
  );
  await db.execute(
    sql`INSERT INTO pc_plan_approvals (version_id, organisation_id, approved_by, approved_at) VALUES (${ORG}, ${ORG}, ${ORG}, now())`,
  );
  await db.execute(sql`INSERT INTO pc_plan_measures (id, organisation_id, version_id, ordinal, measure, responsible, due_on)
    SELECT gen_random_uuid(), ${ORG}, ${ORG}, n, 'Шара ' || n, 'Жауапты', DATE '2024-01-01' + n FROM generate_series(1, 200) n`);
  await db.execute(sql`INSERT INTO pc_plan_measure_completions (measure_id, organisation_id, done_on, recorded_by, recorded_at)
    SELECT id, ${ORG}, due_on + (ordinal % 9) - 4, ${ORG}, now() FROM pc_plan_measures WHERE version_id = ${ORG} AND ordinal % 5 <> 0`);
}

/** The same figures by hand, as one would write them: one statement per section, no shaping. */
async function bareAggregate(db: Database['db'], deps: AppDeps) {
  const w = yearWindow(deps, ORG, YEAR);
  const from = sql`${w.from.toISOString()}::timestamptz`;
  const to = sql`${w.to.toISOString()}::timestamptz`;
  const end = sql`${w.endDay}::date`;
  const statements = [
    sql`SELECT count(*), count(c.measure_id), count(*) FILTER (WHERE c.done_on <= m.due_on) FROM pc_plan_measures m
          JOIN pc_plan_versions v ON v.id = m.version_id JOIN pc_plans p ON p.id = v.plan_id
          LEFT JOIN pc_plan_measure_completions c ON c.measure_id = m.id AND c.done_on <= ${w.lastDay}::date
         WHERE p.organisation_id = ${ORG} AND p.year = ${w.year}`,
    sql`SELECT count(*) FROM pc_official_appointments WHERE organisation_id = ${ORG} AND valid_from <= ${end} AND (valid_to IS NULL OR valid_to >= ${end})`,
    sql`SELECT facility_id, kind, count(*) FROM pc_inspections WHERE organisation_id = ${ORG} AND status = 'completed' AND completed_at >= ${from} AND completed_at < ${to} GROUP BY 1, 2`,
    sql`SELECT facility_id, count(*), count(*) FILTER (WHERE dangerous), count(*) FILTER (WHERE eliminated_on_spot),
               count(*) FILTER (WHERE status IN ('verified', 'rechecked') AND (eliminated_on_spot OR verified_at < ${to}))
          FROM pc_violations WHERE organisation_id = ${ORG} AND found_at >= ${from} AND found_at < ${to} GROUP BY 1`,
    sql`SELECT facility_id, count(*), count(*) FILTER (WHERE closed_at < ${to}), count(*) FILTER (WHERE cancelled_at < ${to})
          FROM pc_instructions WHERE organisation_id = ${ORG} AND issued_on BETWEEN ${w.firstDay}::date AND ${w.lastDay}::date GROUP BY 1`,
    sql`SELECT facility_id, kind, count(*) FROM pc_proposals WHERE organisation_id = ${ORG} AND proposed_at >= ${from} AND proposed_at < ${to} GROUP BY 1, 2`,
    sql`SELECT o.facility_id, o.kind, count(*), count(*) FILTER (WHERE e.next_due_on < ${end}) FROM pc_technical_objects o
          LEFT JOIN pc_technical_examinations e ON e.object_id = o.id WHERE o.organisation_id = ${ORG} GROUP BY 1, 2`,
    sql`SELECT kind, count(*), sum(injured), sum(fatalities) FROM pc_accidents WHERE organisation_id = ${ORG} AND occurred_at >= ${from} AND occurred_at < ${to} GROUP BY 1`,
    sql`SELECT kind, count(*) FROM pc_training_records WHERE organisation_id = ${ORG} AND completed_on BETWEEN ${w.firstDay}::date AND ${end} GROUP BY 1`,
    sql`SELECT count(*) FROM (SELECT lower(full_name), max(valid_until) m FROM pc_training_records WHERE organisation_id = ${ORG}
          AND completed_on <= ${end} GROUP BY 1) p WHERE m < ${end}`,
  ];
  const out = await Promise.all(statements.map((s) => db.execute(s)));
  return out.map((r) => (r as unknown as { rows: unknown[] }).rows.length);
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
    log(`seeding ${INSPECTIONS} inspections, ${VIOLATIONS} violations, their instructions and the registers on ${engine}`);
    await seed(database.db);
    await seedInstructions(database.db);
    await seedRegisters(database.db);
    const db = database.db;
    const deps = { db, now: () => NOW } as unknown as AppDeps;
    const figures = await annualFigures(deps, db, ORG, YEAR);
    const translator = await createTranslator();
    const meta = {
      organisation: 'Бенч',
      bin: '000000000000',
      version: 1,
      presentedOn: '14.01.2025',
      presentedBy: 'Жұмабаев Е. С.',
      approvedOn: null,
      approvedBy: null,
    };
    const texts = { management: 'Басқару жүйесі.', violations: 'Нұсқамалар орындалды.' };
    const pdf = (lang: 'kk' | 'ru') => () => renderAnnualInformation({ figures, texts }, meta, translator.forLocale(lang));
    const rows = [
      await measure(`annual information ${YEAR} (annualFigures)`, RUNS, () => annualFigures(deps, db, ORG, YEAR)),
      await measure(`annual information ${YEAR} (bare SQL aggregate)`, RUNS, () => bareAggregate(db, deps)),
      await measure('annual information PDF (kk)', 5, pdf('kk')),
      await measure('annual information PDF (ru)', 5, pdf('ru')),
    ];
    const result = {
      engine,
      machine: machineInfo(),
      inspections: INSPECTIONS,
      violations: VIOLATIONS,
      year: YEAR,
      figures: {
        inspections: figures.violations.inspections,
        found: figures.violations.found,
        eliminated: figures.violations.eliminated,
        instructions: figures.violations.instructions,
        devices: figures.devices.totals,
        accidents: figures.accidents.counts,
        trainingExpired: figures.training.expired.length,
      },
      rows,
      annualRatio: round(rows[0]!.medianMs / rows[1]!.medianMs, 2),
      goal: 2,
    };
    log(
      table(
        ['figure', 'median ms'],
        rows.map((r) => [r.label, r.medianMs]),
      ),
    );
    log(`annual information ${result.annualRatio}× the bare SQL aggregate (goal ≤ 2×); PDF ${rows[2]!.medianMs} ms (kk)`);
    log(JSON.stringify(result.figures));
    if (!QUICK) fs.writeFileSync(path.join(RESULTS_DIR, `pc-documents-${engine}.json`), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await done();
  }
}

await main();
