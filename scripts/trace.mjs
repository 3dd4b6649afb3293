#!/usr/bin/env node
// Which requirement points a test names. Reads the project's own catalogue
// (docs/requirements.json, nothing outside the checkout), finds requirement IDs
// in the titles of tracked test files (it/test/describe, with .each/.skipIf/…),
// and prints covered and uncovered points per rule set.
//
// Exit 0: a report, uncovered points included. Exit 1: a test title names an
// ID that is not in the catalogue (a typo would otherwise pass for coverage).
// Exit 2: the catalogue or the file list cannot be read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const CATALOGUE = 'docs/requirements.json';

function fail(message) {
  console.error(message);
  process.exit(2);
}

let catalogue;
try {
  catalogue = JSON.parse(fs.readFileSync(path.join(root, CATALOGUE), 'utf8'));
} catch (e) {
  fail(`Cannot read ${CATALOGUE}: ${e.message}`);
}
const acts = new Map(catalogue.acts.map((a) => [a.key, a]));
const byId = new Map();
for (const r of catalogue.requirements) {
  if (!acts.has(r.act)) fail(`${CATALOGUE}: ${r.id} belongs to unknown act "${r.act}".`);
  if (byId.has(r.id)) fail(`${CATALOGUE}: ${r.id} is listed twice.`);
  byId.set(r.id, r);
}

// Anything shaped like a requirement ID (R444-12, R335-8-1, RC-A1, and typos such as R44-12).
const ID = /\bR(?:[0-9]+|C)-[0-9A-Z]+(?:-[0-9]+)*\b/g;
// A test title: the first string argument of it/test/describe, after any modifiers
// (.skip, .each([...]), .skipIf(cond), …; arguments nested up to two levels).
const ARGS = String.raw`\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)`;
const TITLE = new RegExp(
  String.raw`(?<![\w$.])(?:it|test|describe)(?:\.\w+(?:${ARGS})?)*\(\s*(['"\x60])((?:\\[\s\S]|(?!\1)[^\\])*)\1`,
  'g',
);

let tracked;
try {
  tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
} catch (e) {
  fail(`Cannot list tracked files (git ls-files): ${e.message}`);
}
const files = tracked.filter((f) => /\.test\.tsx?$/.test(f));

const proven = new Map(); // id → Set of files
const unknown = []; // { id, file, title }
for (const f of files) {
  const src = fs.readFileSync(path.join(root, f), 'utf8');
  for (const m of src.matchAll(TITLE)) {
    for (const id of m[2].match(ID) ?? []) {
      if (!byId.has(id)) {
        unknown.push({ id, file: f, title: m[2] });
        continue;
      }
      if (!proven.has(id)) proven.set(id, new Set());
      proven.get(id).add(f);
    }
  }
}

const width = Math.max(...catalogue.requirements.map((r) => r.id.length));
let total = 0;
let covered = 0;
for (const act of catalogue.acts) {
  const rows = catalogue.requirements.filter((r) => r.act === act.key);
  const done = rows.filter((r) => proven.has(r.id)).length;
  console.log(`\n${act.name} [${act.key}]`);
  for (const r of rows) {
    const where = proven.get(r.id);
    console.log(`  ${where ? '✔' : '·'} ${r.id.padEnd(width)}  ${where ? [...where].sort().join(', ') : `— not yet proven: ${r.title}`}`);
  }
  console.log(`  ${act.key}: ${done} of ${rows.length} points named by a test, ${rows.length - done} uncovered`);
  total += rows.length;
  covered += done;
}
console.log(`\nTotal: ${covered} of ${total} requirement points are named by at least one test (${total - covered} uncovered).`);

if (unknown.length) {
  console.error(`\n${unknown.length} test title(s) name an ID that is not in ${CATALOGUE}:`);
  for (const u of unknown) console.error(`  ✘ ${u.id}  ${u.file}: "${u.title}"${hint(u.id)}`);
  process.exit(1);
}

// A point inside a catalogued range (R315-22 → R315-21, points 21–23) gets a pointer to its record.
function hint(id) {
  const [, prefix, n] = id.match(/^(R(?:[0-9]+|C)-)([0-9]+)$/) ?? [];
  if (!prefix) return '';
  const act = catalogue.acts.find((a) => a.idPrefix === prefix);
  const range = catalogue.requirements.find((r) => {
    const [lo, hi] = r.point.split('–').map(Number);
    return r.act === act?.key && hi !== undefined && Number(n) >= lo && Number(n) <= hi;
  });
  return range ? ` (points ${range.point} are catalogued as ${range.id})` : '';
}
