#!/usr/bin/env node
// Which regulation points are proven by a test: reads the IDs from
// ../shared/REQUIREMENTS.md and finds them in test names (it/describe titles).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reqFile = [path.join(root, '../shared/REQUIREMENTS.md'), path.join(root, 'docs/REQUIREMENTS.md')].find(fs.existsSync);
if (!reqFile) {
  console.error('REQUIREMENTS.md not found beside the checkout (../shared/).');
  process.exit(2);
}
const ID = /\bR(?:444|315|335|C)-[0-9A-Z]+(?:-[0-9]+)?\b/g;
const rows = fs
  .readFileSync(reqFile, 'utf8')
  .split('\n')
  .filter((l) => /^\| R(444|315|335|C)-/.test(l))
  .map((l) => {
    const [, cell, text] = l.split('|').map((s) => s.trim());
    return { id: cell.match(ID)[0], text };
  });

const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(test|e2e\.test)\.tsx?$/.test(f));
const proven = new Map();
const TITLE = /\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;
for (const f of files) {
  const src = fs.readFileSync(path.join(root, f), 'utf8');
  for (const m of src.matchAll(TITLE)) {
    for (const id of m[2].match(ID) ?? []) {
      if (!proven.has(id)) proven.set(id, new Set());
      proven.get(id).add(f);
    }
  }
}

const width = Math.max(...rows.map((r) => r.id.length));
let covered = 0;
for (const r of rows) {
  const where = proven.get(r.id);
  if (where) covered++;
  console.log(`${where ? '✔' : '·'} ${r.id.padEnd(width)}  ${where ? [...where].join(', ') : '— not yet proven'}`);
}
console.log(`\n${covered} of ${rows.length} requirement points are named by at least one test.`);
