/**
 * The retention sweep (R444-12, issue 5) over 1,000,000 recordings on PostgreSQL: what the server
 * runs, imported unchanged — countDueRecordings, listDueRecordings, countRetentionByOrganisation
 * (the daily job's one grouped count) and reviewRetention as a whole — against a same-run reference
 * (a sequential scan of the same table, pgbench -S). Goal: the sweep ≤ 0.2 s for 1M rows.
 *
 *   node --import tsx bench/retention.bench.ts              1M rows (~5 min on 2 cores)
 *   BENCH_QUICK=1 node --import tsx bench/retention.bench.ts   50k rows, results/quick/
 *   … --no-alternatives   only the schema as migrated
 *   … --report-only       re-render results/retention.md from results/retention.json (BENCH_NOTE='…' adds a note)
 *
 * After the schema as migrated, the same figures are taken once more with the index migration 0014
 * replaced (recordings_due, date first), created in the throw-away database: the index's share of
 * the change, at the same load. The "before" (old index and old job) is the previous run's
 * committed figures (lib/retention-before.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPostgres, type Db } from '../apps/server/src/db/database.ts';
import { countDueRecordings, listDueRecordings } from '../apps/server/src/video-evidence/retention/retention.repository.ts';
import { countRetentionByOrganisation, reviewRetention } from '../apps/server/src/video-evidence/retention/reviewRetention.ts';
import type { AppDeps } from '../apps/server/src/platform/deps.ts';
import { dateInZone } from '../apps/server/src/platform/time.ts';
import { captureStatements } from './lib/capture.ts';
import {
  PG_ADMIN_URL,
  QUICK,
  RESULTS_DIR,
  createTempDatabase,
  log,
  loadAverage,
  machineInfo,
  median,
  postgresInfo,
  round,
  timed,
} from './lib/common.ts';
import { openPgbench, type PgbenchRun } from './lib/pgbench.ts';
import { busyCores, machineTicks } from './lib/procs.ts';
import { codeState } from './lib/code-state.ts';
import { readBefore } from './lib/retention-before.ts';
import { loadRetentionData, type LoadedData } from './lib/retention-data.ts';
import { retentionMarkdown, type Figure, type RetentionReport, type VariantResult } from './lib/retention-report.ts';

const ROWS = QUICK ? 50_000 : 1_000_000;
const ROUNDS = QUICK ? 5 : 7;
const GOAL_MS = 200;
const GOAL_ROWS = 1_000_000;
const PGBENCH_SECONDS = QUICK ? 3 : 10;
const NO_ALTERNATIVES = process.argv.includes('--no-alternatives');
const PARTIAL = 'WHERE deleted_at IS NULL AND retain_until IS NOT NULL';

/** The first is the schema as migrated; the other replaces its index in the temp database. */
const VARIANTS = [
  { name: 'as migrated', ddl: [] as string[], index: `recordings_due_org (organisation_id, retain_until, id) ${PARTIAL}` },
  {
    // The index before migration 0014, with today's server code: how much of the change the index makes.
    name: 'old index (before 0014)',
    index: `recordings_due (retain_until, organisation_id) ${PARTIAL}`,
    ddl: [`CREATE INDEX recordings_due ON recordings (retain_until, organisation_id) ${PARTIAL}`, 'DROP INDEX recordings_due_org'],
  },
];

const figure = (xs: number[]): Figure => ({ medianMs: round(median(xs), 1), allMs: xs.map((x) => round(x, 1)) });

async function rounds(n: number, fn: () => Promise<unknown>): Promise<Figure> {
  await fn(); // warm
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push((await timed(fn)).ms);
  return figure(xs);
}

/** EXPLAIN of the one statement `fn` sends, with the server's own SQL text and parameters. */
async function explain(url: string, c: pg.Client, fn: (db: Db) => Promise<unknown>, options = 'ANALYZE, BUFFERS') {
  const [stmt] = await captureStatements(url, fn);
  const r = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (${options}) ${stmt!.text}`, stmt!.params as unknown[]);
  return r.rows.map((x) => x['QUERY PLAN']).join('\n');
}

async function measure(url: string, db: Db, c: pg.Client, data: LoadedData, now: Date, v: (typeof VARIANTS)[number]) {
  const ddlStart = performance.now();
  for (const s of v.ddl) await c.query(s);
  if (v.ddl.length) await c.query('VACUUM (ANALYZE) recordings');
  const ddlMs = performance.now() - ddlStart;
  const indexName = v.index.split(' ')[0]!;
  const indexBytes = Number((await c.query<{ n: string }>(`SELECT pg_relation_size($1::regclass) AS n`, [indexName])).rows[0]!.n);
  log(`${v.name}: ${indexName} ${round(indexBytes / 2 ** 20, 1)} MiB, measuring`);
  const t0 = machineTicks();
  const tStart = performance.now();
  const orgs = data.orgs.map((o) => ({ id: o.id, today: dateInZone(now, o.zone) }));
  const largest = orgs[0]!;

  let due = 0;
  const countLargest = await rounds(ROUNDS, async () => (due = await countDueRecordings(db, largest.id, largest.today)));
  let page: Awaited<ReturnType<typeof listDueRecordings>> = [];
  const listLargest = await rounds(ROUNDS, async () => (page = await listDueRecordings(db, largest.id, largest.today)));
  // What the screen shows must be due, unheld, in expiry order.
  const bad = page.findIndex((r, i) => r.held || !(r.retainUntil < largest.today) || (i > 0 && page[i - 1]!.retainUntil > r.retainUntil));
  if (bad >= 0) throw new Error(`${v.name}: listDueRecordings row ${bad} is not due / is held / is out of order`);

  // The daily sweep: one grouped statement for every subdivision (the goal's figure).
  let counted: Awaited<ReturnType<typeof countRetentionByOrganisation>> = [];
  const sweep = await rounds(ROUNDS, async () => (counted = await countRetentionByOrganisation(db, orgs)));
  // The sweep as the job counted before aa023f7: countDueRecordings per subdivision. Also the check.
  let dueByOrg: number[] = [];
  const perOrgSweep = await rounds(ROUNDS, async () => {
    dueByOrg = [];
    for (const o of orgs) dueByOrg.push(await countDueRecordings(db, o.id, o.today));
  });
  const byId = new Map(counted.map((x) => [x.id, x]));
  const wrong = orgs.findIndex((o, i) => (byId.get(o.id)?.due ?? 0) !== dueByOrg[i]);
  if (wrong >= 0) throw new Error(`${v.name}: countRetentionByOrganisation's due for subdivision ${wrong} differs from countDueRecordings`);
  const sweepPlan = await explain(url, c, (d) => countRetentionByOrganisation(d, orgs));

  let notified = 0;
  const deps = { db, engine: 'postgresql', now: () => now } as unknown as AppDeps;
  const review = await rounds(Math.min(ROUNDS, 5), async () => (notified = await reviewRetention(deps)));
  const seqScan = await rounds(ROUNDS, () => c.query('SELECT count(*) FROM recordings WHERE size >= 0'));
  const ms = performance.now() - tStart;
  const result: VariantResult = {
    name: v.name,
    index: v.index,
    indexBytes,
    ddlMs: round(ddlMs),
    busyCores: busyCores(t0, machineTicks(), ms),
    countLargest: { ...countLargest, due },
    listLargest: { ...listLargest, rows: page.length, checked: 'every row due, unheld, in retain_until order' },
    sweep: {
      ...sweep,
      due: counted.reduce((a, b) => a + b.due, 0),
      upcoming: counted.reduce((a, b) => a + b.upcoming, 0),
      checked: 'due per subdivision = countDueRecordings',
      serverPlanningMs: Number(/Planning Time: ([\d.]+)/.exec(sweepPlan)?.[1] ?? NaN),
      serverExecutionMs: Number(/Execution Time: ([\d.]+)/.exec(sweepPlan)?.[1] ?? NaN),
    },
    perOrgSweep,
    reviewRetention: { ...review, notified },
    seqScan,
    explain: {
      sweep: sweepPlan,
      countLargest: await explain(url, c, (d) => countDueRecordings(d, largest.id, largest.today)),
      listLargest: await explain(url, c, (d) => listDueRecordings(d, largest.id, largest.today)),
    },
    dueByOrg,
  };
  log(
    `${v.name}: sweep (countRetentionByOrganisation) ${result.sweep.medianMs} ms, count(largest) ${result.countLargest.medianMs} ms (${due} due), ` +
      `list 2000 ${result.listLargest.medianMs} ms, countDueRecordings × ${orgs.length} ${perOrgSweep.medianMs} ms, ` +
      `reviewRetention ${result.reviewRetention.medianMs} ms, seq scan ${seqScan.medianMs} ms`,
  );
  return result;
}

/** reviewRetention's "upcoming" figure for the largest organisation, against the number it stands for (counted plainly). */
async function upcomingCheck(c: pg.Client, data: LoadedData, now: Date) {
  const today = dateInZone(now, data.orgs[0]!.zone);
  const reported = await c.query<{ upcoming: number; count: number }>(
    `SELECT (payload->>'upcoming')::int AS upcoming, (payload->>'count')::int AS count FROM notifications
      WHERE organisation_id = $1 AND kind = 'retention.due' ORDER BY created_at DESC LIMIT 1`,
    [data.largestOrgId],
  );
  const actual = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM recordings r WHERE r.organisation_id = $1 AND r.deleted_at IS NULL
        AND r.retain_until >= $2::date AND r.retain_until < $2::date + 30
        AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.recording_id = r.id AND h.lifted_at IS NULL)`,
    [data.largestOrgId, today],
  );
  return { reportedUpcoming: reported.rows[0]?.upcoming ?? null, actualUpcoming: actual.rows[0]!.n };
}

/** `--report-only`: re-renders retention.md from the recorded retention.json, without measuring. */
function reportOnly() {
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'retention.json'), 'utf8')) as RetentionReport;
  if (process.env.BENCH_NOTE) report.notes = [process.env.BENCH_NOTE];
  fs.writeFileSync(path.join(dir, 'retention.json'), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'retention.md'), retentionMarkdown(report) + '\n');
  log(`re-rendered ${path.relative(process.cwd(), path.join(dir, 'retention.md'))}`);
}

async function main() {
  if (process.argv.includes('--report-only')) return reportOnly();
  const started = performance.now();
  const machine = { ...machineInfo(), postgresql: '', postgresqlSettings: {} as Record<string, string> };
  const info = await postgresInfo(PG_ADMIN_URL);
  machine.postgresql = info.version;
  machine.postgresqlSettings = info.settings;
  log(`retention benchmark: ${ROWS} recordings${QUICK ? ' (quick)' : ''}; ${machine.nproc} cores; load ${machine.loadAverage.start}`);

  const temp = await createTempDatabase(`baqylau_bench_retention_${process.pid}`);
  const database = await openPostgres(temp.url, 2);
  const c = new pg.Client({ connectionString: temp.url });
  const bench = await openPgbench(1);
  const pgbenchRuns: PgbenchRun[] = [];
  const variants: VariantResult[] = [];
  let data: LoadedData;
  let loadSeconds: number;
  let upcoming: Awaited<ReturnType<typeof upcomingCheck>>;
  const now = new Date();
  try {
    await c.connect();
    for (const s of ['work_mem', 'random_page_cost', 'effective_cache_size', 'max_parallel_workers_per_gather', 'jit'])
      machine.postgresqlSettings[s] = (await c.query(`SHOW ${s}`)).rows[0][s];
    await database.migrate();
    const load = await timed(() => loadRetentionData(c, ROWS, now, log));
    data = load.value;
    loadSeconds = round(load.ms / 1000, 1);
    pgbenchRuns.push(bench.run({ clients: 1, threads: 1 }, PGBENCH_SECONDS, 'before', ['-S']));
    for (const v of NO_ALTERNATIVES ? VARIANTS.slice(0, 1) : VARIANTS) variants.push(await measure(temp.url, database.db, c, data, now, v));
    pgbenchRuns.push(bench.run({ clients: 1, threads: 1 }, PGBENCH_SECONDS, 'after', ['-S']));
    upcoming = await upcomingCheck(c, data, now);
    if (upcoming.reportedUpcoming !== upcoming.actualUpcoming)
      throw new Error(
        `reviewRetention reported upcoming = ${upcoming.reportedUpcoming}, but ${upcoming.actualUpcoming} fall due within 30 days`,
      );
    // Every index variant must find the same recordings due.
    for (const v of variants.slice(1))
      if (v.dueByOrg.join() !== variants[0]!.dueByOrg.join()) throw new Error(`${v.name}: due counts differ from the migrated schema`);
  } finally {
    await c.end().catch(() => undefined);
    await database.close();
    await temp.drop();
    await bench.drop();
  }

  const report: RetentionReport = {
    benchmark: 'retention',
    date: now.toISOString(),
    quick: QUICK,
    command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}node --import tsx bench/retention.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
    code: codeState(path.join(RESULTS_DIR, '..', '..')),
    totalSeconds: round((performance.now() - started) / 1000),
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: loadAverage() } },
    notes: process.env.BENCH_NOTE ? [process.env.BENCH_NOTE] : undefined,
    rows: ROWS,
    rounds: ROUNDS,
    loadSeconds,
    data,
    goal: { sweepMsAtMost: GOAL_MS, forRows: GOAL_ROWS },
    reference: {
      pgbench: { version: bench.version, scale: bench.scale, runs: pgbenchRuns },
      seqScan: 'SELECT count(*) FROM recordings WHERE size >= 0 (no index on size: a full scan of the same table)',
    },
    upcoming,
    before: readBefore(path.join(RESULTS_DIR, '..', '..')),
    variants,
  };
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'retention.json'), JSON.stringify(report, null, 2) + '\n');
  const md = retentionMarkdown(report);
  fs.writeFileSync(path.join(dir, 'retention.md'), md + '\n');
  console.log(md.split('\n## Plans')[0]);
  log(`written ${path.relative(process.cwd(), path.join(dir, 'retention.{json,md}'))} (${report.totalSeconds} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
