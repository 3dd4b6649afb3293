/** Shared helpers for the benchmarks: machine facts, statistics, tables, temporary PostgreSQL databases. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const QUICK = process.env.BENCH_QUICK === '1';

/** Admin URL of the PostgreSQL server the benchmarks create their throw-away databases on. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const round = (x: number, digits = 0) => Number(x.toFixed(digits));

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export function log(message: string) {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Plain-text table, columns right-aligned except the first. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Markdown table; `align` per column ('l' or 'r'), default: first left, the rest right. */
export function mdTable(header: string[], rows: (string | number)[][], align?: string): string {
  const a = (i: number) => align?.[i] ?? (i === 0 ? 'l' : 'r');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (a(i) === 'l' ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews figures. */
  loadAverage: { start: number; end?: number };
  postgresql?: string;
  postgresqlSettings?: Record<string, string>;
  pglite?: string;
}

export function machineInfo(): MachineInfo {
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    /* keep Node's count */
  }
  return {
    nproc,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: { start: round(os.loadavg()[0]!, 2) },
  };
}

export const loadAverage = () => round(os.loadavg()[0]!, 2);

export function packageVersion(name: string): string | undefined {
  // Resolved the way the server resolves it (workspace root node_modules).
  for (const dir of [path.join(BENCH_DIR, '..', 'apps', 'server'), path.join(BENCH_DIR, '..')]) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  return undefined;
}

export function urlForDatabase(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates a fresh database for this run; `drop()` removes it (also on Ctrl-C). */
export async function createTempDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      // pg's Pool.end() resolves before its connections have closed; a FORCE drop would then kill them
      // while they are still listening, and the pool would throw an unhandled 'error'. Let them go first.
      for (let waited = 0; waited < 5_000; waited += 50) {
        const r = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (r.rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  onExit(drop);
  return { url: urlForDatabase(PG_ADMIN_URL, name), drop };
}

const exitHooks: (() => Promise<void>)[] = [];
let exitInstalled = false;
/** Runs cleanups on SIGINT/SIGTERM so an interrupted run leaves no databases or folders behind. */
export function onExit(hook: () => Promise<void>) {
  exitHooks.push(hook);
  if (exitInstalled) return;
  exitInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, async () => {
      log(`${sig}: cleaning up`);
      for (const h of exitHooks.reverse()) await h().catch(() => undefined);
      process.exit(130);
    });
  }
}

export async function postgresInfo(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const version = (await c.query('SHOW server_version')).rows[0].server_version as string;
    const settings: Record<string, string> = {};
    for (const s of ['fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections']) {
      settings[s] = (await c.query(`SHOW ${s}`)).rows[0][s];
    }
    return { version, settings };
  } finally {
    await c.end();
  }
}
