/**
 * Ledger benchmark: append throughput and chain verification time on PGlite and PostgreSQL,
 * against pgbench on the same server in the same run.
 *
 *   node --import tsx bench/ledger.bench.ts [--engine=all|pglite|postgresql] [--no-reference]
 *   node --import tsx bench/ledger.bench.ts --report-only   re-render results/ledger.md (e.g. after the profile scripts ran)
 *   BENCH_QUICK=1 …   small sizes (< 1 minute)
 *   node --import tsx bench/ledger.bench.ts --before=<commit>   compare with the results committed at <commit> (default: HEAD)
 *   BENCH_NOTE='…'   sentences for the report, e.g. that the run was postponed because of machine load
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres   server to create throw-away databases on
 *
 * The code under test is imported unchanged from apps/server.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type Db } from '../apps/server/src/db/database.ts';
import { appendLedgerEntry } from '../apps/server/src/platform/ledger/appendLedgerEntry.ts';
import { hashEntry, sha256Hex } from '../apps/server/src/platform/ledger/ledger.hash.ts';
import { readChainPage } from '../apps/server/src/platform/ledger/ledger.repository.ts';
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
import { captureStatements } from './lib/capture.ts';
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
// Verification breakdown: verifyChain's loop (readChainPage, sha256 of the stored payload text,
// hashEntry) with each step timed on its own and no prefetch, so the steps add up.
// ---------------------------------------------------------------------------------------------
interface VerifyBreakdown {
  entries: number;
  /** verifyChain's query: readChainPage through Drizzle, page 10,000, one page at a time (no prefetch). */
  fetchMs: number;
  /** sha256Hex of the stored canonical payload text, compared with payload_hash. */
  payloadHashMs: number;
  /** hashEntry of the chain fields, compared with entry_hash. */
  hashEntryMs: number;
  /** PostgreSQL only: readChainPage's exact SQL through `pg`, rows as text arrays, no type parsing (server + wire + row split). */
  fetchRawTextMs?: number;
  /** PostgreSQL only: server-side execution time of all pages (EXPLAIN ANALYZE, TIMING OFF, of the middle page × pages). */
  serverMsEstimate?: number;
  /** PostgreSQL only: the plan of the middle page, outermost node first. */
  plan?: string;
  /** PostgreSQL only: the server running readChainPage's query over the whole chain and turning every row to text, not sent. */
  serverOutputMs?: number;
  /** readChainPage with other page sizes (no hashing); absent when skipped to bound the run time (see pageSizesSkipped). */
  fetchMsByPageSize: Record<string, number>;
  pageSizesSkipped?: string;
}

const PAGE_SWEEP_BUDGET_MS = 60_000;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Sort Key'?: string[];
  'Sort Method'?: string;
  Plans?: PlanNode[];
}

/** "Limit ← Index Scan using x": each node and its first child, outermost first. */
function planChain(node: PlanNode | undefined): string {
  const parts: string[] = [];
  for (let n = node; n; n = n.Plans?.[0]) {
    let p = n['Node Type'];
    if (n['Index Name']) p += ` using ${n['Index Name']}`;
    if (n['Sort Key']) p += ` by ${n['Sort Key'].join(', ')}`;
    parts.push(p);
  }
  return parts.join(' ← ');
}

async function verifyBreakdown(engine: EngineName, db: Db, org: string, pgUrl?: string): Promise<VerifyBreakdown> {
  log(`${engine}: breakdown of verification time`);
  const pass = async (page: number, hash: boolean) => {
    let fetchMs = 0,
      payloadHashMs = 0,
      hashEntryMs = 0,
      entries = 0,
      after = 0;
    for (;;) {
      const f0 = performance.now();
      const rows = await readChainPage(db, org, after, page);
      fetchMs += performance.now() - f0;
      if (hash) {
        // The two checks verifyChain's checkEntry makes, in the same form.
        const h0 = performance.now();
        for (const row of rows) if (sha256Hex(row.payload) !== row.payloadHash) throw new Error(`payload hash at ${row.seq}`);
        const h1 = performance.now();
        for (const row of rows)
          if (hashEntry({ ...row, organisationId: org }) !== row.entryHash) throw new Error(`entry hash at ${row.seq}`);
        payloadHashMs += h1 - h0;
        hashEntryMs += performance.now() - h1;
      }
      entries += rows.length;
      if (rows.length < page) break;
      after = rows.at(-1)!.seq;
    }
    return { fetchMs, payloadHashMs, hashEntryMs, entries };
  };
  const main = await pass(10_000, true);
  const fetchMsByPageSize: Record<string, number> = { '10000': round(main.fetchMs) };
  // The other page sizes are a side question; when one fetch pass is very slow, they would only add minutes.
  const skip = main.fetchMs > PAGE_SWEEP_BUDGET_MS;
  if (!skip) for (const page of [1_000, 50_000]) fetchMsByPageSize[String(page)] = round((await pass(page, false)).fetchMs);
  const out: VerifyBreakdown = {
    entries: main.entries,
    fetchMs: round(main.fetchMs),
    payloadHashMs: round(main.payloadHashMs),
    hashEntryMs: round(main.hashEntryMs),
    fetchMsByPageSize,
    pageSizesSkipped: skip
      ? `page 1k / 50k not measured: the page-10k fetch pass alone took ${sec(main.fetchMs, 0)} (budget ${sec(PAGE_SWEEP_BUDGET_MS, 0)})`
      : undefined,
  };
  if (engine === 'postgresql' && pgUrl) {
    // readChainPage's SQL exactly as the server sends it.
    const [page] = await captureStatements(pgUrl, (d) => readChainPage(d, org, 0, 1));
    const q = page!.text;
    const c = new pg.Client({ connectionString: pgUrl, types: { getTypeParser: () => (v: string) => v } });
    await c.connect();
    try {
      const seqColumn = 1; // id, seq, recordedAt, …
      let after = 0,
        ms = 0,
        pages = 0;
      for (;;) {
        const t = performance.now();
        const r = await c.query<string[]>({ text: q, values: [org, after, 10_000], rowMode: 'array' });
        ms += performance.now() - t;
        pages++;
        if (r.rows.length < 10_000) break;
        after = Number(r.rows.at(-1)![seqColumn]);
      }
      out.fetchRawTextMs = round(ms);
      const plan = await c.query({
        text: `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${q}`,
        values: [org, Math.floor(main.entries / 2), 10_000],
      });
      const planJson = plan.rows[0]['QUERY PLAN'];
      const explained = (typeof planJson === 'string' ? JSON.parse(planJson) : planJson)[0];
      out.serverMsEstimate = round((explained['Execution Time'] as number) * pages);
      out.plan = planChain(explained.Plan);
      const t = performance.now();
      await c.query(`SELECT count(*), sum(length(p::text)) FROM (${q}) p`, [org, 0, 1e12]);
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
  /** The same figure in the previous recorded run, when there is one. */
  before?: string;
  measured: string;
  met: boolean | null;
  note: string;
}

/** The figures of the previous recorded (committed) full run: the "before" of the comparison. */
interface PreviousRun {
  file: string;
  commit: string;
  commitSubject: string;
  runDate: string;
  loadAverage: { start: number; end?: number };
  /** `${engine}.${mode}` → entries/s. */
  appends: Record<string, number>;
  /** `${engine}.${mode}` → ratio to pgbench with the same number of clients. */
  ratios: Record<string, number>;
  tpsByClients: Record<string, number>;
  /** `${engine}.${entries}` → verifyChain median, ms. */
  verifyMs: Record<string, number>;
  /** Server commits touching the ledger between that run and this one. */
  ledgerChanges: string[];
  /** The breakdown of the largest PostgreSQL chain, as that run measured it. */
  verifyBreakdown?: { entries: number; fetchMs: number; payloadHashMs: number; hashEntryMs: number; fetchRawTextMs?: number };
}

const REPO_ROOT = path.join(RESULTS_DIR, '..', '..');
const git = (...a: string[]) => execFileSync('git', a, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 << 20 }).trim();

/** Server commits touching the ledger code or a ledger migration after `commit`, newest first. */
function ledgerChangesSince(commit: string): string[] {
  return git('log', '--format=%h %s', `${commit}..HEAD`, '--', 'apps/server/src/platform/ledger', ':(glob)apps/server/migrations/*ledger*')
    .split('\n')
    .filter(Boolean);
}

/** The version of `jsonFile` committed at `rev` (by default HEAD), read before this run overwrites it. */
function loadPrevious(jsonFile: string, rev: string): PreviousRun | undefined {
  const rel = path.relative(REPO_ROOT, jsonFile);
  try {
    const line = git('log', '-1', '--format=%h %s', rev, '--', rel);
    if (!line) return undefined;
    const [commit, ...subject] = line.split(' ');
    const old = JSON.parse(git('show', `${commit}:${rel}`)) as {
      date: string;
      machine: { loadAverage: { start: number; end?: number } };
      reference?: { tpsByClients: Record<string, number> };
      engines: {
        engine: string;
        appends: { mode: string; clients: number; entriesPerSec: number }[];
        verify: { entries: number; medianMs: number; breakdown?: Record<string, number> }[];
      }[];
    };
    const tpsByClients = old.reference?.tpsByClients ?? {};
    const prev: PreviousRun = {
      file: rel,
      commit: commit!,
      commitSubject: subject.join(' '),
      runDate: old.date,
      loadAverage: old.machine.loadAverage,
      appends: {},
      ratios: {},
      tpsByClients,
      verifyMs: {},
      ledgerChanges: ledgerChangesSince(commit!),
    };
    for (const e of old.engines) {
      for (const a of e.appends) {
        prev.appends[`${e.engine}.${a.mode}`] = a.entriesPerSec;
        const t = tpsByClients[String(a.clients)];
        if (t) prev.ratios[`${e.engine}.${a.mode}`] = round(a.entriesPerSec / t, 3);
      }
      for (const v of e.verify) {
        prev.verifyMs[`${e.engine}.${v.entries}`] = v.medianMs;
        const b = v.breakdown;
        if (b && e.engine === 'postgresql')
          prev.verifyBreakdown = {
            entries: v.entries,
            fetchMs: b.fetchMs!,
            // Before the payload was stored as canonical text, this step was parse + canonicalize + sha256 (hashPayload).
            payloadHashMs: b.payloadHashMs ?? b.hashPayloadMs!,
            hashEntryMs: b.hashEntryMs!,
            fetchRawTextMs: b.fetchRawTextMs,
          };
      }
    }
    return prev;
  } catch (e) {
    log(`no previous run to compare with (${(e as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

const eps = (x: number, ratio?: number) => `${fmt(x)} entries/s` + (ratio === undefined ? '' : ` (${ratio.toFixed(2)}× pgbench)`);

function evaluateGoals(results: EngineResult[], ref?: PgbenchReference, prev?: PreviousRun): Goal[] {
  const goals: Goal[] = [];
  const pgr = results.find((r) => r.engine === 'postgresql');
  if (!pgr) return goals;
  const tps = (c: number) => ref?.tpsByClients[String(c)];
  for (const f of pgr.appends) {
    const met = f.entriesPerSec >= GOAL_APPENDS_PER_SEC;
    const t = tps(f.clients);
    const refNote = t
      ? `pgbench -c ${f.clients} on the same server: ${fmt(t)} tps` +
        (t < GOAL_APPENDS_PER_SEC && f.appendsPerTransaction === 1
          ? ` — the reference, a comparable small write transaction, itself stays below the goal on this machine`
          : '')
      : '';
    let note: string;
    if (f.mode === 'sequential') {
      note = `one client waits for every commit (WAL flush) and 4 round trips (BEGIN, lock head, insert entry + move head, COMMIT): ${(1000 / f.entriesPerSec).toFixed(2)} ms per append`;
    } else if (f.mode === 'concurrent') {
      note = `how a multi-tenant server appends; commits of different clients share WAL flushes`;
    } else {
      note = `${f.appendsPerTransaction} appends share one commit, so the rest is per-statement cost: 2 statements (lock head, insert entry + move head) = ${((1000 / f.entriesPerSec) * 1000).toFixed(0)} µs per append`;
    }
    if (refNote) note += `; ${refNote}`;
    const key = `postgresql.${f.mode}`;
    goals.push({
      goal: `≥ ${fmt(GOAL_APPENDS_PER_SEC)} appends/s on PostgreSQL — ${f.mode}`,
      before: prev?.appends[key] === undefined ? undefined : eps(prev.appends[key]!, prev.ratios[key]),
      measured: eps(f.entriesPerSec, t ? f.entriesPerSec / t : undefined),
      met,
      note,
    });
  }
  const big = pgr.verify.find((v) => v.entries === GOAL_VERIFY_ENTRIES);
  const goal = `verify ${fmt(GOAL_VERIFY_ENTRIES)} entries ≤ ${GOAL_VERIFY_SECONDS} s on PostgreSQL`;
  const prevMs = prev?.verifyMs[`postgresql.${GOAL_VERIFY_ENTRIES}`];
  const before = prevMs === undefined ? undefined : `${(prevMs / 1000).toFixed(2)} s`;
  if (big) {
    const s = big.medianMs / 1000;
    goals.push({
      goal,
      before,
      measured: `${s.toFixed(2)} s (median of ${big.runsMs.length})` + (prevMs ? `, ${speed(prevMs, big.medianMs)}` : ''),
      met: s <= GOAL_VERIFY_SECONDS,
      note: big.breakdown ? breakdownNote(big.breakdown, big.medianMs) : '',
    });
  } else {
    const largest = pgr.verify.at(-1);
    goals.push({
      goal,
      before,
      measured: largest
        ? `not measured (quick run); ${fmt(largest.entries)} took ${(largest.medianMs / 1000).toFixed(2)} s → ~${((largest.medianMs / 1000) * (GOAL_VERIFY_ENTRIES / largest.entries)).toFixed(1)} s extrapolated`
        : 'not measured',
      met: null,
      note: 'run without BENCH_QUICK to measure',
    });
  }
  return goals;
}

/** Two durations of the same work: "2.10× faster" or "3.49× slower". */
const speed = (beforeMs: number, afterMs: number) =>
  afterMs <= beforeMs ? `${(beforeMs / afterMs).toFixed(2)}× faster` : `${(afterMs / beforeMs).toFixed(2)}× slower`;

const sec = (ms?: number, digits = 2) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(digits)} s`);

function breakdownNote(b: VerifyBreakdown, verifyMs: number) {
  const total = b.fetchMs + b.payloadHashMs + b.hashEntryMs;
  const pct = (x: number) => `${Math.round((100 * x) / total)}%`;
  let s =
    `steps timed apart (no prefetch): readChainPage fetch ${sec(b.fetchMs, 1)} (${pct(b.fetchMs)}), sha256 of payload text ${sec(b.payloadHashMs, 1)} (${pct(b.payloadHashMs)}), ` +
    `hashEntry ${sec(b.hashEntryMs, 1)} (${pct(b.hashEntryMs)}), sum ${sec(total, 1)}; verifyChain overlaps fetch and hashing (prefetch): ${sec(verifyMs, 1)}`;
  if (b.fetchRawTextMs !== undefined) s += `; same query as raw text via pg: ${sec(b.fetchRawTextMs, 1)}`;
  if (b.serverMsEstimate !== undefined)
    s += `; server: plan execution ~${sec(b.serverMsEstimate, 1)}, whole chain through the query to text ${sec(b.serverOutputMs, 1)}`;
  if (b.plan) s += `; plan of one page: ${b.plan}`;
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

/** Before/after rows: every figure both runs have. */
function comparisonRows(report: Report, prev: PreviousRun) {
  const rows: (string | number)[][] = [];
  const change = (before: number, after: number, higherIsBetter: boolean) =>
    higherIsBetter ? `${(after / before).toFixed(2)}×` : speed(before, after);
  const tps = report.reference?.tpsByClients ?? {};
  for (const r of report.engines)
    for (const f of r.appends) {
      const key = `${r.engine}.${f.mode}`;
      const b = prev.appends[key];
      if (b === undefined) continue;
      rows.push([
        `${r.engine} (${FIGURE_LETTER[f.mode]}) ${f.mode}, entries/s`,
        fmt(b),
        fmt(f.entriesPerSec),
        change(b, f.entriesPerSec, true),
      ]);
      const t = tps[String(f.clients)];
      const br = prev.ratios[key];
      if (t && br !== undefined)
        rows.push([`  ratio to pgbench -c ${f.clients}`, `${br.toFixed(2)}×`, `${(f.entriesPerSec / t).toFixed(2)}×`, '']);
    }
  for (const [c, t] of Object.entries(tps)) {
    const b = prev.tpsByClients[c];
    if (b !== undefined) rows.push([`pgbench -c ${c}, tps (reference, same server)`, fmt(b), fmt(t), change(b, t, true)]);
  }
  for (const r of report.engines)
    for (const v of r.verify) {
      const b = prev.verifyMs[`${r.engine}.${v.entries}`];
      if (b !== undefined) rows.push([`${r.engine} verifyChain ${fmt(v.entries)}`, sec(b), sec(v.medianMs), change(b, v.medianMs, false)]);
    }
  const pb = prev.verifyBreakdown;
  const nb = report.engines.find((r) => r.engine === 'postgresql')?.verify.find((v) => v.breakdown && v.entries === pb?.entries)?.breakdown;
  if (pb && nb) {
    rows.push(
      [
        `  fetch, page 10k (before: readEntriesAfter, all columns, jsonb decoded; now: readChainPage)`,
        sec(pb.fetchMs),
        sec(nb.fetchMs),
        change(pb.fetchMs, nb.fetchMs, false),
      ],
      [
        `  payload hash (before: parse + canonicalize + sha256; now: sha256 of stored text)`,
        sec(pb.payloadHashMs),
        sec(nb.payloadHashMs),
        change(pb.payloadHashMs, nb.payloadHashMs, false),
      ],
      [`  hashEntry`, sec(pb.hashEntryMs), sec(nb.hashEntryMs), change(pb.hashEntryMs, nb.hashEntryMs, false)],
    );
    if (pb.fetchRawTextMs !== undefined && nb.fetchRawTextMs !== undefined)
      rows.push([
        `  same query as raw text via pg (before: SELECT *; now: readChainPage's SQL)`,
        sec(pb.fetchRawTextMs),
        sec(nb.fetchRawTextMs),
        change(pb.fetchRawTextMs, nb.fetchRawTextMs, false),
      ]);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Next steps: what the profile scripts measured (bench/ledger-*.profile.ts), summarised here.
// ---------------------------------------------------------------------------------------------
interface ProfileRun<V> {
  date: string;
  rounds: number;
  machine: { loadAverage: { start: number; end?: number } };
  variants: V[];
}
interface NextSteps {
  verify?: ProfileRun<{ id: string; description: string; medianMs: number; runsMs: number[] }> & {
    entries: number;
    indexOrderSql?: string;
  };
  appends?: ProfileRun<{ id: string; what: string; medianUs: number; runsUs: number[] }> & { appends: number };
}

function readProfiles(): NextSteps {
  const read = (f: string) => {
    const file = path.join(RESULTS_DIR, f);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
  };
  return { verify: read('ledger-verify-profile.json'), appends: read('ledger-append-profile.json') };
}

function nextStepsMarkdown(n: NextSteps): string[] {
  const lines: string[] = [];
  const load = (m: { loadAverage: { start: number; end?: number } }) => `load average ${m.loadAverage.start} → ${m.loadAverage.end}`;
  const v = n.verify;
  if (v?.variants.some((x) => x.id === 'index-order-worker-1')) {
    const by = new Map(v.variants.map((x) => [x.id, x]));
    const ms = (id: string) => by.get(id)?.medianMs;
    const base = ms('verifyChain')!;
    const main = ms('index-order-main')!;
    const workers = ['index-order-worker-1', 'index-order-worker-2', 'index-order-worker-1-arrays'].filter((id) => by.has(id));
    const best = Math.min(...workers.map((id) => ms(id)!));
    const goalMs = GOAL_VERIFY_SECONDS * 1000;
    const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const workerLabel: Record<string, string> = {
      'index-order-worker-1': '1 worker',
      'index-order-worker-2': '2 workers',
      'index-order-worker-1-arrays': '1 worker fed text arrays',
    };
    lines.push(
      `### Verification: the page query in index order, then a hashing worker thread`,
      '',
      `\`bench/ledger-verify.profile.ts\`, ${fmt(v.entries)} PostgreSQL entries, run ${v.date} (${load(v.machine)}); variants interleaved, median of ${v.rounds}. ` +
        `Every variant checks the whole chain (sequence, previous hash, payload hash, entry hash) except the transfer-only, fetch-only and fetch-raw rows.`,
      '',
      mdTable(
        ['variant', 'median', 'runs (s)', 'vs verifyChain', 'what'],
        v.variants.map((r) => [
          r.id,
          sec(r.medianMs),
          r.runsMs.map((t) => (t / 1000).toFixed(2)).join(' / '),
          x(base, r.medianMs),
          r.description,
        ]),
        'lrrrl',
      ),
      '',
    );
    if (v.indexOrderSql)
      lines.push(
        `- **First: the page query.** readChainPage ends in \`ORDER BY seq\`, and PostgreSQL resolves that name to the output column \`seq::float8 AS "seq"\`, not to the indexed column, so no index gives the order: every page scans and sorts the rest of the chain (quadratic in the chain length). ` +
          `The same SQL with \`ORDER BY ledger_entries.seq\` (an index scan on ledger_entries_org_seq) verifies in ${sec(main)} instead of ${sec(base)} (${x(base, main)} faster), everything else unchanged.`,
      );
    lines.push(
      `- **Then a hashing worker thread** on top of the index-order query: ${workers.map((id) => `${sec(ms(id))} with ${workerLabel[id]}`).join(', ')} ` +
        `against ${sec(main)} with the hashing on the main thread (best ${x(main, best)}), ${
          v.entries === GOAL_VERIFY_ENTRIES
            ? `so the ${GOAL_VERIFY_SECONDS} s goal would ${best <= goalMs ? 'be met' : 'still not be met'}`
            : `a chain of ${fmt(v.entries)}, not the goal's ${fmt(GOAL_VERIFY_ENTRIES)}: goal not judged`
        }.` +
        (by.has('index-order-transfer-only')
          ? ` Handing the pages to a thread costs by itself: fetch + transfer with a worker that does not hash ${sec(ms('index-order-transfer-only'))}, against ${sec(ms('index-order-fetch-only'))} for the fetch alone.`
          : ''),
      ...(by.has('index-order-transfer-only') && by.has('hash-only')
        ? [
            `- **Bound:** with perfect overlap, one worker cannot beat the larger of fetch + hand-over (${sec(ms('index-order-transfer-only'))}) and hashing alone (${sec(ms('hash-only'))}): ${sec(Math.max(ms('index-order-transfer-only')!, ms('hash-only')!))} in this run${v.entries === GOAL_VERIFY_ENTRIES ? `, ${Math.max(ms('index-order-transfer-only')!, ms('hash-only')!) <= goalMs ? 'within' : 'above'} the ${GOAL_VERIFY_SECONDS} s goal` : ''}.`,
          ]
        : []),
      `- **What remains is the fetch:** the index-order pages as row objects with prefetch and no hashing take ${sec(ms('index-order-fetch-only'))}; as raw text arrays through \`pg\` (no row objects, no type parsing) ${sec(ms('index-order-fetch-raw'))}, the floor of server + wire + protocol on this machine. ` +
        `Hashing alone (no fetch, main thread) takes ${sec(ms('hash-only'))}.`,
      `- The machine has 2 cores, shared by PostgreSQL (producing rows), the Node main thread (parsing them) and any worker: a worker can only hide hashing behind the fetch, it cannot make the fetch itself faster.`,
      '',
    );
  }
  const a = n.appends;
  if (a?.variants.some((x) => x.id.startsWith('prepared-'))) {
    const by = new Map(a.variants.map((x) => [x.id, x]));
    const triples = [
      ['100 appends per transaction, 1 client', 'batched'],
      ['one transaction per append, 1 client', 'tx-each'],
      ['one transaction per append, 8 clients, 8 organisations', 'concurrent'],
    ].filter(([, k]) => by.has(`drizzle-${k}`) && by.has(`prepared-${k}`));
    const us = (id: string) => by.get(id)?.medianUs;
    const cell = (id: string) => {
      const x = us(id);
      return x === undefined ? '—' : `${fmt(x)} µs (${fmt(1e6 / x)}/s)`;
    };
    const gain = (from: string, to: string) => (us(from) && us(to) ? `${(us(from)! / us(to)!).toFixed(2)}×` : '—');
    lines.push(
      `### Appends: prepared statements`,
      '',
      `\`bench/ledger-append.profile.ts\`, run ${a.date} (${load(a.machine)}); variants interleaved, median of ${a.rounds}; µs = wall time per append (for 8 clients: elapsed ÷ appends). ` +
        `The pg variants send appendLedgerEntry's two statements, with the SQL text Drizzle generates for the server (captured from its query logger), straight through \`pg\`: unnamed (parsed and planned every time, as Drizzle sends them) or named (prepared once per connection). Hashes are computed with the server's functions. Every chain written is verified with verifyChain afterwards.`,
      '',
      mdTable(
        [
          'workload',
          'appendLedgerEntry (Drizzle)',
          'same SQL via pg, unnamed',
          'same SQL via pg, prepared',
          'gain: no Drizzle',
          'gain: prepared on top',
          'gain: both',
        ],
        triples.map(([label, k]) => [
          label!,
          cell(`drizzle-${k}`),
          cell(`unprepared-${k}`),
          cell(`prepared-${k}`),
          gain(`drizzle-${k}`, `unprepared-${k}`),
          gain(`unprepared-${k}`, `prepared-${k}`),
          gain(`drizzle-${k}`, `prepared-${k}`),
        ]),
        'lrrrrrr',
      ),
      '',
      `- Bare costs in the same run: one round trip (\`SELECT 1\`) ${cell('round-trip')}, one commit (one-row autocommit INSERT) ${cell('commit')}.`,
      `- Against the ${fmt(GOAL_APPENDS_PER_SEC)}/s goal, prepared: ${triples
        .map(([label, k]) => {
          const perSec = 1e6 / us(`prepared-${k}`)!;
          return `${label} ${fmt(perSec)}/s (${perSec >= GOAL_APPENDS_PER_SEC ? 'reached' : 'not reached'})`;
        })
        .join(
          '; ',
        )}. With one transaction per append, each append waits for a commit (WAL flush): the pgbench reference above (a comparable small write transaction) is the ceiling for that on this machine.`,
      '',
    );
  }
  if (lines.length)
    lines.unshift(
      '## Next steps (measured, not implemented)',
      '',
      'Prototypes in bench/ only; apps/server is unchanged by them. These profile runs are separate processes from the figures above, at their own machine load: compare variants within one table, not across tables.',
      '',
    );
  return lines;
}

function markdown(report: Report): string {
  const m = report.machine;
  const ref = report.reference;
  const prev = report.previous;
  const beforeHeader = prev ? `before (${prev.commit}, run ${prev.runDate.slice(0, 16).replace('T', ' ')})` : undefined;
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
    ...(report.notes?.length ? ['', report.notes.join(' ')] : []),
    '',
    `Command: \`${report.command}\` (${report.totalSeconds} s in all). Raw figures: \`${report.jsonFile}\`.`,
    '',
    '## Goals',
    '',
    mdTable(
      ['goal', ...(beforeHeader ? [beforeHeader] : []), 'now', 'met', 'why / note'],
      report.goals.map((g) => [
        g.goal,
        ...(beforeHeader ? [g.before ?? '—'] : []),
        g.measured,
        g.met === null ? 'n/a' : g.met ? '**yes**' : '**no**',
        g.note,
      ]),
      beforeHeader ? 'lrrll' : 'lrll',
    ),
    '',
  ];
  if (prev) {
    lines.push(
      '## Before / after',
      '',
      `Before = the figures committed in \`${prev.file}\` at ${prev.commit} ("${prev.commitSubject}"), run ${prev.runDate} at load average ${prev.loadAverage.start} → ${prev.loadAverage.end}. ` +
        `Ledger changes in the server since then: ${prev.ledgerChanges.length ? prev.ledgerChanges.map((c) => `${c.slice(0, c.indexOf(' '))} "${c.slice(c.indexOf(' ') + 1)}"`).join('; ') : 'none'}. ` +
        `Absolute figures of two runs depend on the machine load of each; the ratios to pgbench are the comparable append figures.`,
      '',
      mdTable(['figure', 'before', 'now', 'change'], comparisonRows(report, prev), 'lrrr'),
      '',
    );
  }
  lines.push(
    '## Appends',
    '',
    `Each figure: median of ${report.sizes.rounds} rounds after a warm-up; every appended chain is verified afterwards.` +
      (ref
        ? ` Ratio = our entries/s ÷ pgbench TPC-B-like tps with the same number of clients (scale ${ref.scale}, ${ref.runs[0]?.seconds} s per run, mean of the runs just before and just after the PostgreSQL append figures).`
        : ''),
    '',
    mdTable(APPEND_HEADER, appendRows(report.engines, ref), 'llrrrr'),
    '',
  );
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
    lines.push(
      '### Where verification time goes (largest chain per engine, one instrumented pass)',
      '',
      "verifyChain's loop with each step timed on its own and no prefetch, so the steps add up; verifyChain itself requests the next page while it hashes the current one, so its time is below the sum.",
      '',
    );
    lines.push(
      mdTable(
        [
          'engine',
          'entries',
          'readChainPage fetch (page 10k)',
          'sha256 of payload text',
          'hashEntry',
          'sum of steps',
          'verifyChain (prefetch)',
          'same query, raw text via pg',
          'server: plan execution / whole chain to text',
          'readChainPage with page 1k / 50k',
        ],
        withBreakdown.map(([e, v]) => {
          const b = v.breakdown!;
          return [
            e,
            fmt(b.entries),
            sec(b.fetchMs),
            sec(b.payloadHashMs),
            sec(b.hashEntryMs),
            sec(b.fetchMs + b.payloadHashMs + b.hashEntryMs),
            sec(v.medianMs),
            sec(b.fetchRawTextMs),
            b.serverMsEstimate === undefined ? '—' : `${sec(b.serverMsEstimate)} / ${sec(b.serverOutputMs)}`,
            b.pageSizesSkipped ? 'not measured (see below)' : `${sec(b.fetchMsByPageSize['1000'])} / ${sec(b.fetchMsByPageSize['50000'])}`,
          ];
        }),
      ),
      '',
    );
    for (const [e, v] of withBreakdown) {
      const b = v.breakdown!;
      if (b.plan) lines.push(`- ${e}, plan of one page (EXPLAIN, middle of the chain): ${b.plan}.`);
      if (b.pageSizesSkipped) lines.push(`- ${e}: ${b.pageSizesSkipped}.`);
    }
    lines.push('');
  }
  if (!report.quick && report.nextSteps) lines.push(...nextStepsMarkdown(report.nextSteps));
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
  /** Given by the caller (BENCH_NOTE), e.g. that the run was postponed because of machine load. */
  notes?: string[];
  sizes: typeof SIZES & { rounds: number };
  goalsDefinition: { appendsPerSecPostgres: number; verifyEntries: number; verifySeconds: number };
  reference?: PgbenchReference;
  ratios: Record<string, number>;
  engines: EngineResult[];
  goals: Goal[];
  previous?: PreviousRun;
  nextSteps?: NextSteps;
}

function outputFiles() {
  const name = ENGINES.length > 1 ? 'all' : ENGINES[0]!;
  const outDir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  return { outDir, jsonFile: path.join(outDir, `ledger-${name}.json`), mdFile: path.join(outDir, 'ledger.md') };
}

function writeReport(report: Report) {
  const { outDir, jsonFile, mdFile } = outputFiles();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(jsonFile, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(mdFile, markdown(report) + '\n');
  return { jsonFile, mdFile };
}

/** `--report-only`: re-renders ledger.md from the recorded JSON and the latest profile results, without measuring. */
function reportOnly() {
  const { jsonFile, mdFile } = outputFiles();
  const report = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as Report;
  report.goals = evaluateGoals(report.engines, report.reference, report.previous);
  if (!report.quick) report.nextSteps = readProfiles();
  writeReport(report);
  console.log(`Re-rendered ${path.relative(process.cwd(), mdFile)} from ${path.relative(process.cwd(), jsonFile)}`);
}

async function main() {
  if (args.get('report-only') === 'true') return reportOnly();
  const started = performance.now();
  const key = instanceKeyFrom(generateKeyPairSync('ed25519').privateKey);
  const machine: Report['machine'] = machineInfo();
  const previous = QUICK ? undefined : loadPrevious(outputFiles().jsonFile, args.get('before') ?? 'HEAD');
  if (ENGINES.includes('pglite')) machine.pglite = packageVersion('@electric-sql/pglite');
  if (ENGINES.includes('postgresql')) {
    const info = await postgresInfo(PG_ADMIN_URL);
    machine.postgresql = info.version;
    machine.postgresqlSettings = info.settings;
  }
  log(
    `ledger benchmark: engines ${ENGINES.join(', ')}${QUICK ? ' (quick)' : ''}; ${machine.nproc} cores, Node ${machine.node}; load ${machine.loadAverage.start}`,
  );

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
  const { jsonFile } = outputFiles();
  const report: Report = {
    benchmark: 'ledger',
    date: new Date().toISOString(),
    quick: QUICK,
    command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}node --import tsx bench/ledger.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
    totalSeconds: round((performance.now() - started) / 1000),
    jsonFile: path.relative(REPO_ROOT, jsonFile),
    machine,
    notes: process.env.BENCH_NOTE ? [process.env.BENCH_NOTE] : undefined,
    sizes: { ...SIZES, rounds: ROUNDS },
    goalsDefinition: {
      appendsPerSecPostgres: GOAL_APPENDS_PER_SEC,
      verifyEntries: GOAL_VERIFY_ENTRIES,
      verifySeconds: GOAL_VERIFY_SECONDS,
    },
    reference,
    ratios: ratios(engines, reference),
    engines,
    goals: evaluateGoals(engines, reference, previous),
    previous,
    nextSteps: QUICK ? undefined : readProfiles(),
  };
  const { mdFile } = writeReport(report);

  console.log('\nAppends');
  console.log(table(APPEND_HEADER, appendRows(engines, reference)));
  console.log('\nVerification');
  console.log(table(VERIFY_HEADER, verifyRows(engines)));
  for (const [e, v] of engines.flatMap((r) => r.verify.filter((x) => x.breakdown).map((x) => [r.engine, x] as const))) {
    console.log(`  ${e} ${fmt(v.entries)}: ${breakdownNote(v.breakdown!, v.medianMs)}`);
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
      ['goal', 'before', 'now', 'met'],
      report.goals.map((g) => [g.goal, g.before ?? '—', g.measured, g.met === null ? 'n/a' : g.met ? 'yes' : 'NO']),
    ),
  );
  console.log(`\nWritten ${path.relative(process.cwd(), jsonFile)} and ${path.relative(process.cwd(), mdFile)} (${report.totalSeconds} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
