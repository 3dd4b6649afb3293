/**
 * Ledger benchmark: append throughput and chain verification time on PGlite and PostgreSQL,
 * against pgbench on the same server in the same run.
 *
 *   node --import tsx bench/ledger.bench.ts [--engine=all|pglite|postgresql] [--no-reference]
 *   BENCH_QUICK=1 …   small sizes (< 1 minute)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   server to create throw-away databases on
 *
 * The code under test is imported unchanged from apps/server.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type Db } from '../apps/server/src/db/database.ts';
import { appendLedgerEntry } from '../apps/server/src/platform/ledger/appendLedgerEntry.ts';
import { hashEntry, hashPayload } from '../apps/server/src/platform/ledger/ledger.hash.ts';
import { readEntriesAfter } from '../apps/server/src/platform/ledger/ledger.repository.ts';
import { verifyChain } from '../apps/server/src/platform/ledger/verifyChain.ts';
import { instanceKeyFrom, type InstanceKey } from '../apps/server/src/platform/keys/instance-key.ts';
import {
  PG_ADMIN_URL,
  QUICK,
  RESULTS_DIR,
  createTempDatabase,
  fmt,
  loadAverage,
  log,
  machineInfo,
  mdTable,
  median,
  onExit,
  packageVersion,
  postgresInfo,
  round,
  table,
  timed,
} from './lib/common.ts';
import { openPgbench, type PgbenchReference } from './lib/pgbench.ts';
import { buildChain, makeEvent, type RawQuery } from './lib/workload.ts';

type EngineName = 'pglite' | 'postgresql';

// ---------------------------------------------------------------------------------------------
// Sizes. Appends: each figure is the median of ROUNDS rounds of `n` appends after a warm-up.
// ---------------------------------------------------------------------------------------------
const ROUNDS = QUICK ? 3 : 5;
const SIZES = QUICK
  ? {
      sequential: 200,
      concurrent: 400,
      batched: 500,
      batchSize: 100,
      orgs: 8,
      verify: { pglite: [10_000], postgresql: [10_000, 100_000] },
      pgbenchSeconds: 3,
    }
  : {
      sequential: 1_000,
      concurrent: 2_400,
      batched: 2_000,
      batchSize: 100,
      orgs: 8,
      verify: { pglite: [100_000], postgresql: [100_000, 1_000_000] },
      pgbenchSeconds: 10,
    };

const GOAL_APPENDS_PER_SEC = 5_000;
const GOAL_VERIFY_ENTRIES = 1_000_000;
const GOAL_VERIFY_SECONDS = 5;

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const engineArg = args.get('engine') ?? 'all';
if (!['all', 'pglite', 'postgresql'].includes(engineArg)) throw new Error(`--engine must be all, pglite or postgresql`);
const ENGINES: EngineName[] = engineArg === 'all' ? ['pglite', 'postgresql'] : [engineArg as EngineName];
const WITH_REFERENCE = ENGINES.includes('postgresql') && args.get('no-reference') !== 'true';

// ---------------------------------------------------------------------------------------------
// Appends
// ---------------------------------------------------------------------------------------------
interface AppendFigure {
  mode: 'sequential' | 'concurrent' | 'batched';
  description: string;
  clients: number;
  organisations: number;
  appendsPerTransaction: number;
  appendsPerRound: number;
  rounds: number;
  roundRates: number[];
  /** Median of the rounds, entries per second. */
  entriesPerSec: number;
}

function rate(n: number, ms: number) {
  return (n * 1000) / ms;
}

async function appendRounds(label: string, n: number, warmup: () => Promise<void>, runRound: () => Promise<void>): Promise<number[]> {
  await warmup();
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const { ms } = await timed(runRound);
    rates.push(rate(n, ms));
    log(`  ${label} round ${r + 1}: ${fmt(rates.at(-1)!)} entries/s (${n} in ${ms.toFixed(0)} ms)`);
  }
  return rates;
}

async function benchAppends(engine: EngineName, db: Db) {
  const figures: AppendFigure[] = [];
  const appended = new Map<string, number>();
  const count = (org: string, k: number) => appended.set(org, (appended.get(org) ?? 0) + k);
  let i = 0;
  const appendOne = async (org: string) => {
    await db.transaction((tx) => appendLedgerEntry(tx, makeEvent(org, ++i), new Date()));
    count(org, 1);
  };

  // (a) one transaction per append, one client, one organisation.
  {
    const org = randomUUID();
    const n = SIZES.sequential;
    log(`${engine}: (a) sequential, 1 transaction per append, ${ROUNDS} × ${n}`);
    const rates = await appendRounds(
      '(a)',
      n,
      async () => {
        for (let k = 0; k < 50; k++) await appendOne(org);
      },
      async () => {
        for (let k = 0; k < n; k++) await appendOne(org);
      },
    );
    figures.push({
      mode: 'sequential',
      description: 'one transaction per append, 1 client, 1 organisation',
      clients: 1,
      organisations: 1,
      appendsPerTransaction: 1,
      appendsPerRound: n,
      rounds: ROUNDS,
      roundRates: rates.map((x) => round(x)),
      entriesPerSec: round(median(rates)),
    });
  }

  // (b) 8 clients, each appending to its own organisation (a multi-tenant server). PostgreSQL only.
  if (engine === 'postgresql') {
    const orgs = Array.from({ length: SIZES.orgs }, () => randomUUID());
    const perOrg = Math.floor(SIZES.concurrent / orgs.length);
    const n = perOrg * orgs.length;
    const all = (k: number) =>
      Promise.all(
        orgs.map(async (org) => {
          for (let j = 0; j < k; j++) await appendOne(org);
        }),
      );
    log(`${engine}: (b) concurrent, ${orgs.length} organisations × ${perOrg}, pool of ${orgs.length}, ${ROUNDS} rounds`);
    const rates = await appendRounds(
      '(b)',
      n,
      () => all(20).then(() => undefined),
      () => all(perOrg).then(() => undefined),
    );
    figures.push({
      mode: 'concurrent',
      description: `one transaction per append, ${orgs.length} clients, ${orgs.length} organisations`,
      clients: orgs.length,
      organisations: orgs.length,
      appendsPerTransaction: 1,
      appendsPerRound: n,
      rounds: ROUNDS,
      roundRates: rates.map((x) => round(x)),
      entriesPerSec: round(median(rates)),
    });
  }

  // (c) 100 appends per transaction, one client, one organisation.
  {
    const org = randomUUID();
    const b = SIZES.batchSize;
    const txs = Math.floor(SIZES.batched / b);
    const n = txs * b;
    const batch = async () => {
      await db.transaction(async (tx) => {
        for (let k = 0; k < b; k++) await appendLedgerEntry(tx, makeEvent(org, ++i), new Date());
      });
      count(org, b);
    };
    log(`${engine}: (c) batched, ${b} appends per transaction, ${ROUNDS} × ${n}`);
    const rates = await appendRounds(
      '(c)',
      n,
      () => batch(),
      async () => {
        for (let t = 0; t < txs; t++) await batch();
      },
    );
    figures.push({
      mode: 'batched',
      description: `${b} appends per transaction, 1 client, 1 organisation`,
      clients: 1,
      organisations: 1,
      appendsPerTransaction: b,
      appendsPerRound: n,
      rounds: ROUNDS,
      roundRates: rates.map((x) => round(x)),
      entriesPerSec: round(median(rates)),
    });
  }

  // The appended chains must verify: a fast but broken append is worth nothing.
  for (const [org, n] of appended) {
    const r = await verifyChain(db, org, new Map());
    if (!r.ok || r.entries !== n) throw new Error(`${engine}: appended chain ${org} does not verify: ${JSON.stringify(r)}`);
  }
  log(`${engine}: ${appended.size} appended chains verify (${[...appended.values()].reduce((a, b) => a + b, 0)} entries)`);
  return figures;
}

interface VerifyFigure {
  entries: number;
  checkpoints: number;
  buildSeconds: number;
  runsMs: number[];
  medianMs: number;
  entriesPerSec: number;
  ok: boolean;
  breakdown?: VerifyBreakdown;
}

async function benchVerify(engine: EngineName, db: Db, raw: RawQuery, key: InstanceKey, sizes: number[], pgUrl?: string) {
  const figures: VerifyFigure[] = [];
  const publicKeys = new Map([[key.fingerprint, key.publicKeyPem]]);
  for (const n of sizes) {
    const org = randomUUID();
    log(`${engine}: building a chain of ${fmt(n)} entries`);
    const built = await buildChain(raw, org, n, key);
    log(`  built in ${(built.buildMs / 1000).toFixed(1)} s (hashing ${(built.hashMs / 1000).toFixed(1)} s)`);
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const { ms, value } = await timed(() => verifyChain(db, org, publicKeys));
      if (!value.ok || value.entries !== n || value.checkpoints !== built.checkpoints) {
        throw new Error(`${engine}: verifyChain of ${n} entries did not pass: ${JSON.stringify(value)}`);
      }
      runs.push(ms);
      log(`  verifyChain run ${r + 1}: ${(ms / 1000).toFixed(2)} s — ok, ${value.entries} entries, ${value.checkpoints} checkpoints`);
    }
    const med = median(runs);
    const fig: VerifyFigure = {
      entries: n,
      checkpoints: built.checkpoints,
      buildSeconds: round(built.buildMs / 1000, 1),
      runsMs: runs.map((x) => round(x)),
      medianMs: round(med),
      entriesPerSec: round(rate(n, med)),
      ok: true,
    };
    // Where the time goes, on the largest chain of each engine.
    if (n === Math.max(...sizes)) fig.breakdown = await verifyBreakdown(engine, db, org, pgUrl);
    figures.push(fig);
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// Verification breakdown: the same loop as verifyChain, with each step timed on its own.
// ---------------------------------------------------------------------------------------------
interface VerifyBreakdown {
  entries: number;
  /** verifyChain's page size (10,000): readEntriesAfter via Drizzle, rows decoded to objects. */
  fetchMs: number;
  hashPayloadMs: number;
  hashEntryMs: number;
  /** PostgreSQL only: the same pages through `pg` with no type parsing (server + wire + row split). */
  fetchRawTextMs?: number;
  /** PostgreSQL only: server-side execution time of all pages (EXPLAIN ANALYZE of one page × pages). */
  serverMsEstimate?: number;
  /** PostgreSQL only: the server converting every row of the chain to text (output functions incl. jsonb_out), not sent. */
  serverOutputMs?: number;
  /** Fetch time with other page sizes (Drizzle, decoded). */
  fetchMsByPageSize: Record<string, number>;
}

async function verifyBreakdown(engine: EngineName, db: Db, org: string, pgUrl?: string): Promise<VerifyBreakdown> {
  log(`${engine}: breakdown of verification time`);
  const pass = async (page: number, hash: boolean) => {
    let fetchMs = 0,
      hashPayloadMs = 0,
      hashEntryMs = 0,
      entries = 0,
      after = 0;
    for (;;) {
      const f0 = performance.now();
      const rows = await readEntriesAfter(db, org, after, page);
      fetchMs += performance.now() - f0;
      if (hash) {
        const h0 = performance.now();
        for (const row of rows) if (hashPayload(row.payload) !== row.payloadHash) throw new Error('payload hash');
        const h1 = performance.now();
        for (const row of rows) if (hashEntry(row) !== row.entryHash) throw new Error('entry hash');
        hashPayloadMs += h1 - h0;
        hashEntryMs += performance.now() - h1;
      }
      entries += rows.length;
      if (rows.length < page) break;
      after = rows.at(-1)!.seq;
    }
    return { fetchMs, hashPayloadMs, hashEntryMs, entries };
  };
  const main = await pass(10_000, true);
  const fetchMsByPageSize: Record<string, number> = { '10000': round(main.fetchMs) };
  for (const page of [1_000, 50_000]) fetchMsByPageSize[String(page)] = round((await pass(page, false)).fetchMs);
  const out: VerifyBreakdown = {
    entries: main.entries,
    fetchMs: round(main.fetchMs),
    hashPayloadMs: round(main.hashPayloadMs),
    hashEntryMs: round(main.hashEntryMs),
    fetchMsByPageSize,
  };
  if (engine === 'postgresql' && pgUrl) {
    const c = new pg.Client({ connectionString: pgUrl, types: { getTypeParser: () => (v: string) => v } });
    await c.connect();
    try {
      const q = 'SELECT * FROM ledger_entries WHERE organisation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3';
      let after = 0,
        ms = 0,
        pages = 0;
      for (;;) {
        const t = performance.now();
        const r = await c.query({ text: q, values: [org, after, 10_000], rowMode: 'array' });
        ms += performance.now() - t;
        pages++;
        if (r.rows.length < 10_000) break;
        after = Number(r.rows.at(-1)![2]);
      }
      out.fetchRawTextMs = round(ms);
      const plan = await c.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${q}`, values: [org, 0, 10_000] });
      const planJson = plan.rows[0]['QUERY PLAN'];
      const exec = (typeof planJson === 'string' ? JSON.parse(planJson) : planJson)[0]['Execution Time'] as number;
      out.serverMsEstimate = round(exec * pages);
      const t = performance.now();
      await c.query('SELECT sum(length(e::text)) FROM ledger_entries e WHERE organisation_id = $1', [org]);
      out.serverOutputMs = round(performance.now() - t);
    } finally {
      await c.end();
    }
  }
  log(`  ${JSON.stringify(out)}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Engines
// ---------------------------------------------------------------------------------------------
interface EngineResult {
  engine: EngineName;
  version?: string;
  appends: AppendFigure[];
  verify: VerifyFigure[];
}

async function runEngine(engine: EngineName, key: InstanceKey, reference?: (label: string) => void): Promise<EngineResult> {
  let database: Database;
  let raw: RawQuery;
  let cleanup: () => Promise<void>;
  let pgUrl: string | undefined;
  let version: string | undefined;
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-bench-pglite-'));
    const remove = async () => fs.rmSync(dir, { recursive: true, force: true });
    onExit(remove);
    log(`pglite: creating and migrating a database in ${dir}`);
    database = await openPglite(path.join(dir, 'pgdata'));
    const client = database.pglite!;
    raw = (text, params) => client.query(text, params);
    cleanup = async () => {
      await database.close();
      await remove();
    };
    version = `PGlite ${packageVersion('@electric-sql/pglite') ?? '?'} (${(await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(',')[0]})`;
  } else {
    const temp = await createTempDatabase(`baqylau_bench_${process.pid}`);
    pgUrl = temp.url;
    log(`postgresql: created database ${new URL(temp.url).pathname.slice(1)}`);
    database = await openPostgres(temp.url, SIZES.orgs);
    const client = new pg.Client({ connectionString: temp.url });
    await client.connect();
    raw = (text, params) => client.query(text, params);
    cleanup = async () => {
      await client.end();
      await database.close();
      await temp.drop();
    };
    version = `PostgreSQL ${(await client.query('SHOW server_version')).rows[0].server_version}`;
  }
  try {
    await database.migrate();
    reference?.('before');
    const appends = await benchAppends(engine, database.db);
    reference?.('after');
    const verify = await benchVerify(engine, database.db, raw, key, SIZES.verify[engine], pgUrl);
    return { engine, version, appends, verify };
  } finally {
    await cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
interface Goal {
  goal: string;
  measured: string;
  met: boolean | null;
  note: string;
}

function evaluateGoals(results: EngineResult[], ref?: PgbenchReference): Goal[] {
  const goals: Goal[] = [];
  const pgr = results.find((r) => r.engine === 'postgresql');
  if (!pgr) return goals;
  const tps = (c: number) => ref?.tpsByClients[String(c)];
  for (const f of pgr.appends) {
    const met = f.entriesPerSec >= GOAL_APPENDS_PER_SEC;
    const t = tps(f.clients);
    const refNote = t
      ? `pgbench -c ${f.clients} on the same server: ${fmt(t)} tps (ratio ${(f.entriesPerSec / t).toFixed(2)}×)` +
        (t < GOAL_APPENDS_PER_SEC && f.appendsPerTransaction === 1
          ? ` — the reference, a comparable small write transaction, itself stays below the goal on this machine`
          : '')
      : '';
    let note: string;
    if (f.mode === 'sequential') {
      note = `one client waits for every commit (WAL flush) and 5 round trips (BEGIN, lock head, insert, move head, COMMIT): ${(1000 / f.entriesPerSec).toFixed(2)} ms per append; ${refNote}`;
    } else if (f.mode === 'concurrent') {
      note = `how a multi-tenant server appends; commits of different clients share WAL flushes; ${refNote}`;
    } else {
      note = `${f.appendsPerTransaction} appends share one commit, so the rest is per-statement cost: 3 statements (lock head, insert, move head) = ${((1000 / f.entriesPerSec) * 1000).toFixed(0)} µs per append`;
    }
    goals.push({
      goal: `≥ ${fmt(GOAL_APPENDS_PER_SEC)} appends/s on PostgreSQL — ${f.mode}`,
      measured: `${fmt(f.entriesPerSec)} entries/s`,
      met,
      note,
    });
  }
  const big = pgr.verify.find((v) => v.entries === GOAL_VERIFY_ENTRIES);
  if (big) {
    const s = big.medianMs / 1000;
    goals.push({
      goal: `verify ${fmt(GOAL_VERIFY_ENTRIES)} entries ≤ ${GOAL_VERIFY_SECONDS} s on PostgreSQL`,
      measured: `${s.toFixed(2)} s (median of ${big.runsMs.length})`,
      met: s <= GOAL_VERIFY_SECONDS,
      note: big.breakdown ? breakdownNote(big.breakdown) : '',
    });
  } else {
    const largest = pgr.verify.at(-1);
    goals.push({
      goal: `verify ${fmt(GOAL_VERIFY_ENTRIES)} entries ≤ ${GOAL_VERIFY_SECONDS} s on PostgreSQL`,
      measured: largest
        ? `not measured (quick run); ${fmt(largest.entries)} took ${(largest.medianMs / 1000).toFixed(2)} s → ~${((largest.medianMs / 1000) * (GOAL_VERIFY_ENTRIES / largest.entries)).toFixed(1)} s extrapolated`
        : 'not measured',
      met: null,
      note: 'run without BENCH_QUICK to measure',
    });
  }
  return goals;
}

function breakdownNote(b: VerifyBreakdown) {
  const total = b.fetchMs + b.hashPayloadMs + b.hashEntryMs;
  const pct = (x: number) => `${Math.round((100 * x) / total)}%`;
  let s = `fetch+decode ${(b.fetchMs / 1000).toFixed(1)} s (${pct(b.fetchMs)}), hashPayload ${(b.hashPayloadMs / 1000).toFixed(1)} s (${pct(b.hashPayloadMs)}), hashEntry ${(b.hashEntryMs / 1000).toFixed(1)} s (${pct(b.hashEntryMs)})`;
  if (b.fetchRawTextMs !== undefined) s += `; same pages as raw text via pg: ${(b.fetchRawTextMs / 1000).toFixed(1)} s`;
  if (b.serverMsEstimate !== undefined)
    s += `; server: plan execution ~${(b.serverMsEstimate / 1000).toFixed(1)} s, rows to text ${((b.serverOutputMs ?? 0) / 1000).toFixed(1)} s`;
  return s;
}

const FIGURE_LETTER = { sequential: 'a', concurrent: 'b', batched: 'c' } as const;

function appendRows(results: EngineResult[], ref?: PgbenchReference) {
  const tps = (c: number) => ref?.tpsByClients[String(c)];
  const rows: (string | number)[][] = [];
  for (const r of results) {
    for (const f of r.appends) {
      const t = tps(f.clients);
      rows.push([
        `${r.engine} (${FIGURE_LETTER[f.mode]}) ${f.mode}`,
        f.description,
        fmt(f.entriesPerSec),
        `${fmt(Math.min(...f.roundRates))}–${fmt(Math.max(...f.roundRates))}`,
        t ? `${fmt(t)} (-c ${f.clients})` : '—',
        t ? `${(f.entriesPerSec / t).toFixed(2)}×` : '—',
      ]);
    }
  }
  return rows;
}

const APPEND_HEADER = ['figure', 'workload', 'entries/s (median)', 'range of rounds', 'pgbench tps', 'ratio'];
const VERIFY_HEADER = ['engine', 'chain entries', 'checkpoints', 'verify median', 'runs (s)', 'entries/s', 'ok'];

function verifyRows(results: EngineResult[]) {
  return results.flatMap((r) =>
    r.verify.map((v) => [
      r.engine,
      fmt(v.entries),
      v.checkpoints,
      `${(v.medianMs / 1000).toFixed(2)} s`,
      v.runsMs.map((x) => (x / 1000).toFixed(2)).join(' / '),
      fmt(v.entriesPerSec),
      v.ok ? 'yes' : 'NO',
    ]),
  );
}

function ratios(results: EngineResult[], ref?: PgbenchReference) {
  const out: Record<string, number> = {};
  if (!ref) return out;
  for (const r of results)
    for (const f of r.appends) {
      const t = ref.tpsByClients[String(f.clients)];
      if (t) out[`${r.engine}.${f.mode}/pgbench-c${f.clients}`] = round(f.entriesPerSec / t, 3);
    }
  return out;
}

function markdown(report: Report): string {
  const m = report.machine;
  const ref = report.reference;
  const lines = [
    `# Ledger benchmark${report.quick ? ' (quick run — not the recorded figures)' : ''}`,
    '',
    `Run ${report.date} on ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; ${[m.postgresql && `PostgreSQL ${m.postgresql}`, m.pglite && `PGlite ${m.pglite}`].filter(Boolean).join(', ')}.`,
    m.postgresqlSettings
      ? `PostgreSQL settings: ${Object.entries(m.postgresqlSettings)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}.`
      : '',
    '',
    m.loadAverage.start > m.nproc / 2 || (m.loadAverage.end ?? 0) > m.nproc / 2
      ? `**Note:** the machine was shared — 1-minute load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end on ${m.nproc} cores — so absolute figures are pessimistic and noisy; the ratios to pgbench, measured in the same run, are the comparable figures.`
      : `1-minute load average ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end (${m.nproc} cores).`,
    '',
    `Command: \`${report.command}\` (${report.totalSeconds} s in all). Raw figures: \`${report.jsonFile}\`.`,
    '',
    '## Goals',
    '',
    mdTable(
      ['goal', 'measured', 'met', 'why / note'],
      report.goals.map((g) => [g.goal, g.measured, g.met === null ? 'n/a' : g.met ? '**yes**' : '**no**', g.note]),
      'llll',
    ),
    '',
    '## Appends',
    '',
    `Each figure: median of ${ROUNDS} rounds after a warm-up; every appended chain is verified afterwards.` +
      (ref
        ? ` Ratio = our entries/s ÷ pgbench TPC-B-like tps with the same number of clients (scale ${ref.scale}, ${ref.runs[0]?.seconds} s per run, mean of the runs just before and just after the PostgreSQL append figures).`
        : ''),
    '',
    mdTable(APPEND_HEADER, appendRows(report.engines, ref), 'llrrrr'),
    '',
  ];
  if (ref) {
    lines.push(
      '## Reference: pgbench (same server, same run)',
      '',
      mdTable(
        ['command', 'when', 'tps', 'latency avg'],
        ref.runs.map((r) => [`\`${r.command.replace(/ -h .*/, '')}\``, r.label, fmt(r.tps), `${r.latencyMs} ms`]),
        'llrr',
      ),
      '',
    );
  }
  lines.push(
    '## Verification',
    '',
    `\`verifyChain\` on a bulk-loaded chain (hashes computed with the server's functions, a signed checkpoint every 10 %); median of 3 runs, each asserted \`ok: true\`.`,
    '',
    mdTable(VERIFY_HEADER, verifyRows(report.engines)),
    '',
  );
  const withBreakdown = report.engines.flatMap((r) => r.verify.filter((v) => v.breakdown).map((v) => [r.engine, v] as const));
  if (withBreakdown.length) {
    lines.push('### Where verification time goes (largest chain per engine, one instrumented pass)', '');
    lines.push(
      mdTable(
        [
          'engine',
          'entries',
          'fetch + decode (Drizzle, page 10k)',
          'hashPayload',
          'hashEntry',
          'same pages, raw text via pg',
          'server: plan execution / rows to text',
          'fetch + decode with page 1k / 50k',
        ],
        withBreakdown.map(([e, v]) => {
          const b = v.breakdown!;
          const s = (x?: number) => (x === undefined ? '—' : `${(x / 1000).toFixed(2)} s`);
          return [
            e,
            fmt(b.entries),
            s(b.fetchMs),
            s(b.hashPayloadMs),
            s(b.hashEntryMs),
            s(b.fetchRawTextMs),
            b.serverMsEstimate === undefined ? '—' : `${s(b.serverMsEstimate)} / ${s(b.serverOutputMs)}`,
            `${s(b.fetchMsByPageSize['1000'])} / ${s(b.fetchMsByPageSize['50000'])}`,
          ];
        }),
      ),
      '',
    );
  }
  return lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n');
}

interface Report {
  benchmark: 'ledger';
  date: string;
  quick: boolean;
  command: string;
  totalSeconds: number;
  jsonFile: string;
  machine: ReturnType<typeof machineInfo> & { postgresql?: string; postgresqlSettings?: Record<string, string>; pglite?: string };
  sizes: typeof SIZES & { rounds: number };
  goalsDefinition: { appendsPerSecPostgres: number; verifyEntries: number; verifySeconds: number };
  reference?: PgbenchReference;
  ratios: Record<string, number>;
  engines: EngineResult[];
  goals: Goal[];
}

async function main() {
  const started = performance.now();
  const key = instanceKeyFrom(generateKeyPairSync('ed25519').privateKey);
  const machine: Report['machine'] = machineInfo();
  if (ENGINES.includes('pglite')) machine.pglite = packageVersion('@electric-sql/pglite');
  if (ENGINES.includes('postgresql')) {
    const info = await postgresInfo(PG_ADMIN_URL);
    machine.postgresql = info.version;
    machine.postgresqlSettings = info.settings;
  }
  log(`ledger benchmark: engines ${ENGINES.join(', ')}${QUICK ? ' (quick)' : ''}; ${machine.nproc} cores, Node ${machine.node}`);

  const configs = [
    { clients: 1, threads: 1 },
    { clients: SIZES.orgs, threads: Math.min(2, machine.nproc) },
  ];
  const bench = WITH_REFERENCE ? await openPgbench(Math.max(...configs.map((c) => c.clients))) : undefined;
  const engines: EngineResult[] = [];
  let reference: PgbenchReference | undefined;
  try {
    // PostgreSQL first, bracketed by the reference, so both are measured under the same conditions.
    for (const e of [...ENGINES.filter((x) => x === 'postgresql'), ...ENGINES.filter((x) => x !== 'postgresql')]) {
      const around =
        bench && e === 'postgresql' ? (label: string) => configs.forEach((c) => bench.run(c, SIZES.pgbenchSeconds, label)) : undefined;
      engines.push(await runEngine(e, key, around));
    }
  } finally {
    await bench?.drop();
  }
  if (bench) {
    const tpsByClients: Record<string, number> = {};
    for (const c of configs) {
      const tps = bench.runs.filter((r) => r.clients === c.clients).map((r) => r.tps);
      tpsByClients[String(c.clients)] = round(tps.reduce((a, b) => a + b, 0) / tps.length, 1);
    }
    reference = {
      binary: bench.binary,
      version: bench.version,
      scale: bench.scale,
      initSeconds: round(bench.initSeconds, 1),
      runs: bench.runs,
      tpsByClients,
    };
  }
  engines.sort((a, b) => ENGINES.indexOf(a.engine) - ENGINES.indexOf(b.engine));

  machine.loadAverage.end = loadAverage();
  const name = ENGINES.length > 1 ? 'all' : ENGINES[0]!;
  const outDir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.mkdirSync(outDir, { recursive: true });
  const jsonFile = path.join(outDir, `ledger-${name}.json`);
  const report: Report = {
    benchmark: 'ledger',
    date: new Date().toISOString(),
    quick: QUICK,
    command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}node --import tsx bench/ledger.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
    totalSeconds: round((performance.now() - started) / 1000),
    jsonFile: path.relative(path.join(RESULTS_DIR, '..', '..'), jsonFile),
    machine,
    sizes: { ...SIZES, rounds: ROUNDS },
    goalsDefinition: {
      appendsPerSecPostgres: GOAL_APPENDS_PER_SEC,
      verifyEntries: GOAL_VERIFY_ENTRIES,
      verifySeconds: GOAL_VERIFY_SECONDS,
    },
    reference,
    ratios: ratios(engines, reference),
    engines,
    goals: evaluateGoals(engines, reference),
  };
  fs.writeFileSync(jsonFile, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'ledger.md'), markdown(report) + '\n');

  console.log('\nAppends');
  console.log(table(APPEND_HEADER, appendRows(engines, reference)));
  console.log('\nVerification');
  console.log(table(VERIFY_HEADER, verifyRows(engines)));
  for (const [e, v] of engines.flatMap((r) => r.verify.filter((x) => x.breakdown).map((x) => [r.engine, x] as const))) {
    console.log(`  ${e} ${fmt(v.entries)}: ${breakdownNote(v.breakdown!)}`);
  }
  if (reference) {
    console.log('\nReference (pgbench, same server, same run)');
    console.log(
      table(
        ['clients', 'when', 'tps', 'latency avg ms'],
        reference.runs.map((r) => [r.clients, r.label, fmt(r.tps), r.latencyMs]),
      ),
    );
  }
  console.log('\nGoals');
  console.log(
    table(
      ['goal', 'measured', 'met'],
      report.goals.map((g) => [g.goal, g.measured, g.met === null ? 'n/a' : g.met ? 'yes' : 'NO']),
    ),
  );
  console.log(
    `\nWritten ${path.relative(process.cwd(), jsonFile)} and ${path.relative(process.cwd(), path.join(outDir, 'ledger.md'))} (${report.totalSeconds} s)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
