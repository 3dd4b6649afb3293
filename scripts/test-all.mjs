#!/usr/bin/env node
// The whole suite, every tier. After the system packages, two lanes run side by side, each in the
// order a failure is cheapest to find, so that both cores stay busy (one after the other, the tiers
// left a core idle most of the time: a single vitest worker, the browser tier waiting on chromium
// and the server child, the PostgreSQL tier waiting on the database server):
//   static checks → unit + API on PGlite → S3 on Ceph
//   build → browser tests → API on PostgreSQL
// Each step's output is kept and printed as one block when the step ends.
// Prints one closing line "N passed, N failed" summed over every tier.
import { spawn, spawnSync } from 'node:child_process';
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
const timings = [];
const secondsSince = (t) => ((Date.now() - t) / 1000).toFixed(0);

/** One step; its output goes straight through, or (buffer) is printed as one block when it ends. */
function step(name, cmd, args, { buffer = false } = {}) {
  const started = Date.now();
  if (!buffer) console.log(`\n▶ ${name}`);
  const child = spawn(cmd, args, { stdio: ['ignore', buffer ? 'pipe' : 'inherit', buffer ? 'pipe' : 'inherit'] });
  const chunks = [];
  child.stdout?.on('data', (c) => chunks.push(c));
  child.stderr?.on('data', (c) => chunks.push(c));
  return new Promise((resolve) => {
    let ended = false;
    const done = (status) => {
      if (ended) return; // 'error' may be followed by 'close'
      ended = true;
      const line = `◀ ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${secondsSince(started)} s`;
      if (buffer) console.log(`\n▶ ${name}\n${Buffer.concat(chunks).toString().trimEnd()}\n${line}`);
      else console.log(line);
      timings.push(line);
      if (status !== 0) failures.push(name);
      resolve(status === 0);
    };
    child.on('error', (e) => {
      chunks.push(Buffer.from(`${e.message}\n`));
      done(127);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

async function vitest(name, projects, wrap, opts, extra = []) {
  const out = path.join(results, `${name}.json`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    ...extra,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  const ok = wrap.length ? await step(name, 'node', [...wrap, 'npx', ...args], opts) : await step(name, 'npx', args, opts);
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += j.numPendingTests + j.numTodoTests;
  } else if (!ok) failed += 1;
}

// Vitest's default on two cores is one worker. The API tier on PostgreSQL takes two: it runs last in
// its lane, mostly beside the PGlite tier's single worker or alone once that lane has finished, and
// its files wait on the database server (a clone of the template per file). The PGlite tier keeps
// one: it runs beside the browser tier, whose demo server must start (migrate, seed) within 90 s.
// The S3 and browser tiers keep one file at a time (vitest.config.ts).
const twoWorkers = ['--maxWorkers=2'];

const started = Date.now();
await step('system packages', 'bash', ['scripts/system-deps.sh']);
const buffer = { buffer: true };
await Promise.all([
  (async () => {
    await step('typecheck', 'npm', ['run', 'typecheck'], buffer);
    await step('lint', 'npx', ['eslint', '.'], buffer);
    await step('lint: dependency boundaries', 'npm', ['run', 'deps'], buffer);
    await step('format', 'npx', ['prettier', '--check', '.'], buffer);
    await vitest('unit + api on PGlite', ['unit', 'api'], [], buffer);
    // The S3 driver against a real Ceph RGW (started and removed by with-ceph.mjs), on PostgreSQL as a scaled deployment runs.
    await vitest('S3 on Ceph RGW', ['s3'], ['scripts/with-postgres.mjs', 'node', 'scripts/with-ceph.mjs'], buffer);
  })(),
  (async () => {
    // The browser tier runs the compiled server (apps/server/dist), the artefact `npm start` runs.
    if (await step('build web and server', 'npm', ['run', 'build'], buffer)) await vitest('browser (chromium)', ['e2e'], [], buffer);
    else failed += 1;
    await vitest('api on PostgreSQL', ['api'], ['scripts/with-postgres.mjs'], buffer, twoWorkers);
  })(),
]);

console.log(
  `\nTimes (the two lanes overlap):\n${timings.map((t) => `  ${t.slice(2)}`).join('\n')}\n  whole suite: ${secondsSince(started)} s`,
);
console.log(`\nTiers failed: ${failures.length ? failures.join(', ') : 'none'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
