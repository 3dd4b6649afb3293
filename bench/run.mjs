#!/usr/bin/env node
/**
 * Runs every benchmark in bench/ (files named *.bench.ts), one process each, in order.
 *
 *   npm run bench                       full run (~15 min on 2 cores), results in bench/results/
 *   BENCH_QUICK=1 npm run bench         small sizes (< 1 min), results in bench/results/quick/ (not committed)
 *   npm run bench -- ledger --engine=postgresql   only benchmarks whose name contains "ledger", extra args passed on
 *
 * Environment: BENCH_PG_URL (admin URL of the PostgreSQL server, default postgres://postgres@127.0.0.1:5432/postgres),
 * PGBENCH (path to pgbench when it is not on PATH).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const filters = argv.filter((a) => !a.startsWith('-'));
const passOn = argv.filter((a) => a.startsWith('-'));
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}`);
  process.exit(2);
}

const started = Date.now();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}${process.env.BENCH_QUICK === '1' ? ' (quick)' : ''} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file), ...passOn], {
    stdio: 'inherit',
    cwd: path.join(dir, '..'),
  });
  if (r.status !== 0) {
    failed++;
    console.error(`${file} failed (exit ${r.status ?? r.signal})`);
  }
}
console.log(`\n${benches.length - failed}/${benches.length} benchmarks done in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
