/**
 * The reference: pgbench's built-in TPC-B-like script (5 statements — 3 UPDATEs, 1 SELECT, 1 INSERT —
 * in one transaction) on the same server, in the same run. One ledger append (lock the head row,
 * insert the entry, move the head) is about the same amount of work per commit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createTempDatabase, log } from './common.ts';

export interface PgbenchRun {
  clients: number;
  threads: number;
  seconds: number;
  /** When it ran relative to our figures (before / after). */
  label: string;
  tps: number;
  latencyMs: number;
  transactions: number;
  command: string;
}

export interface PgbenchReference {
  binary: string;
  version: string;
  scale: number;
  initSeconds: number;
  runs: PgbenchRun[];
  /** Mean tps per client count over the runs: what our figures are divided by. */
  tpsByClients: Record<string, number>;
}

export function findPgbench(): string {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  try {
    return execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim();
  } catch {
    for (const v of ['17', '16', '15', '14']) {
      const p = `/usr/lib/postgresql/${v}/bin/pgbench`;
      if (fs.existsSync(p)) return p;
    }
  }
  throw new Error('pgbench not found: install the postgresql client package or set PGBENCH=/path/to/pgbench');
}

function connArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const args = ['-h', u.hostname || '127.0.0.1', '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  return { args, env };
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(binary, args, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${binary} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r.stdout + r.stderr;
}

export function parsePgbench(output: string) {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output) ?? /tps = ([\d.]+)/.exec(output);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  const tx = /number of transactions actually processed: (\d+)/.exec(output);
  if (!tps) throw new Error(`could not parse pgbench output:\n${output}`);
  return { tps: Number(tps[1]), latencyMs: latency ? Number(latency[1]) : NaN, transactions: tx ? Number(tx[1]) : NaN };
}

/**
 * A pgbench database initialised once; `run` can be called before and after our figures so the
 * reference is taken at the same time as what it is compared with.
 * Scale = the largest client count, so each client can work on its own branch row, as each of our
 * organisations has its own head row (scale 1 with 8 clients would measure lock contention instead).
 */
export async function openPgbench(scale: number) {
  const binary = findPgbench();
  const version = run(binary, ['--version'], process.env).trim();
  const db = await createTempDatabase(`baqylau_bench_pgbench_${process.pid}`);
  const { args, env } = connArgs(db.url);
  const dbName = new URL(db.url).pathname.slice(1);
  log(`pgbench: initialising scale ${scale}`);
  const t0 = performance.now();
  try {
    run(binary, ['-i', '-q', '-s', String(scale), ...args, dbName], env);
  } catch (e) {
    await db.drop();
    throw e;
  }
  const initSeconds = (performance.now() - t0) / 1000;
  const runs: PgbenchRun[] = [];
  return {
    binary,
    version,
    scale,
    initSeconds,
    runs,
    /** `extra`: more pgbench options, e.g. ['-S'] for the built-in select-only script. */
    run(c: { clients: number; threads: number }, seconds: number, label: string, extra: string[] = []): PgbenchRun {
      const a = ['-c', String(c.clients), '-j', String(c.threads), '-T', String(seconds), ...extra, ...args, dbName];
      log(`pgbench ${a.slice(0, 6).join(' ')} (${label})`);
      const parsed = parsePgbench(run(binary, a, env));
      const r = { ...c, seconds, label, ...parsed, command: `pgbench ${a.join(' ')}` };
      runs.push(r);
      log(`  → ${parsed.tps.toFixed(0)} tps, ${parsed.latencyMs} ms average latency`);
      return r;
    },
    drop: () => db.drop(),
  };
}
