#!/usr/bin/env node
// The whole suite, every tier, in the order a failure is cheapest to find:
// static checks → unit + API on PGlite → API on PostgreSQL → S3 on Ceph → browser tests.
// Prints one closing line "N passed, N failed" summed over every tier.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The suite runs on Node.js 24 (package.json "engines"): on an older node, scripts/use-node.sh
// provides it (the official binaries from the npm registry) and the suite starts again under it.
if (Number(process.versions.node.split('.')[0]) < 24) {
  const got = spawnSync('bash', ['scripts/use-node.sh', '--bin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = got.stdout.trim();
  if (got.status !== 0 || !bin) process.exit(1);
  console.log(`Node.js ${process.versions.node} is older than 24: running the suite on ${path.join(bin, 'node')}`);
  const again = spawnSync(path.join(bin, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
  });
  process.exit(again.status ?? 1);
}

const results = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-results-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function vitest(name, projects, wrap = []) {
  const out = path.join(results, `${name}.json`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  const ok = wrap.length ? step(name, 'node', [...wrap, 'npx', ...args]) : step(name, 'npx', args);
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += j.numPendingTests + j.numTodoTests;
  } else if (!ok) failed += 1;
}

step('system packages', 'bash', ['scripts/system-deps.sh']);
step('typecheck', 'npm', ['run', 'typecheck']);
step('lint', 'npx', ['eslint', '.']);
step('lint: dependency boundaries', 'npm', ['run', 'deps']);
step('format', 'npx', ['prettier', '--check', '.']);
vitest('unit + api on PGlite', ['unit', 'api']);
vitest('api on PostgreSQL', ['api'], ['scripts/with-postgres.mjs']);
// The S3 driver against a real Ceph RGW (started and removed by with-ceph.mjs), on PostgreSQL as a scaled deployment runs.
vitest('S3 on Ceph RGW', ['s3'], ['scripts/with-postgres.mjs', 'node', 'scripts/with-ceph.mjs']);
// The browser tier runs the compiled server (apps/server/dist), the artefact `npm start` runs.
if (step('build web and server', 'npm', ['run', 'build'])) vitest('browser (chromium)', ['e2e']);
else failed += 1;

console.log(`\nTiers failed: ${failures.length ? failures.join(', ') : 'none'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
