// The requirement catalogue (docs/requirements.json) and the trace report built
// from it (scripts/trace.mjs). A tooling test: its titles name no requirement,
// and the IDs it feeds to trace are built at run time so the real report never
// sees them as test names.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Act {
  key: string;
  idPrefix: string;
  name: string;
  owner: string;
  issuer: string;
  number: string;
  date: string;
  registrationNumber: string | null;
  registrationDate: string | null;
  registrationNote?: string;
  amendedBy: { number: string; date: string }[];
  title: { kk: string; ru: string | null };
  texts: { kk: string; ru: string | null };
  notes: string[];
}
interface Requirement {
  id: string;
  act: string;
  point: string;
  title: string;
  owner: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const catalogueFile = path.join(root, 'docs/requirements.json');
const catalogue = JSON.parse(fs.readFileSync(catalogueFile, 'utf8')) as { acts: Act[]; requirements: Requirement[] };
const shared = path.resolve(root, '../shared');
const sharedRequirements = path.join(shared, 'REQUIREMENTS.md');
const noShared = `${sharedRequirements} is not beside this checkout (it is in CI); nothing to compare with`;

// The owning server folder of each rule set.
const OWNERS: Record<string, string> = {
  'order-444': 'apps/server/src/video-evidence',
  'order-315': 'apps/server/src/production-control',
  'dsm-335': 'apps/server/src/medical-cctv',
  'union-competition': 'apps/server/src/ohs-competition',
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The rows of the shared table: ID and the point(s) it stands for. */
function sharedRows(): { id: string; point: string }[] {
  const rows = [];
  for (const line of fs.readFileSync(sharedRequirements, 'utf8').split('\n')) {
    const m = line.match(/^\|\s*(R(?:[0-9]+|C)-[0-9A-Z]+(?:-[0-9]+)*)\s*(?:\(([^)]*)\))?\s*\|/);
    if (!m) continue;
    const [, id, span] = m as unknown as [string, string, string | undefined];
    const own = id.slice(id.indexOf('-') + 1);
    rows.push({ id, point: span ?? own.replace(/^A(\d+)$/, 'Appendix $1') });
  }
  return rows;
}

describe('requirement catalogue', () => {
  it('has exactly the IDs and points of ../shared/REQUIREMENTS.md', (ctx) => {
    ctx.skip(!fs.existsSync(sharedRequirements), noShared);
    const rows = sharedRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(catalogue.requirements.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const points = new Map(catalogue.requirements.map((r) => [r.id, r.point]));
    for (const row of rows) expect(points.get(row.id), row.id).toBe(row.point);
  });

  it('names for each act a text in ../shared/regulations whose header states its number and registration', (ctx) => {
    ctx.skip(!fs.existsSync(sharedRequirements), noShared);
    for (const act of catalogue.acts) {
      for (const file of [act.texts.kk, act.texts.ru]) {
        if (file === null) continue;
        const header = fs
          .readFileSync(path.join(shared, 'regulations', file), 'utf8')
          .slice(0, 1500)
          .replace(/\s+/g, ' ');
        if (act.registrationNumber) {
          expect(header, `${act.key} ${file}`).toContain(`№ ${act.registrationNumber}`);
          expect(header, `${act.key} ${file}`).toMatch(new RegExp(`№\\s*${act.number.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
        } else {
          expect(header, `${act.key} ${file}`).not.toMatch(/тіркелді|Зарегистрирован/);
        }
      }
    }
  });

  it('gives every act its key, titles, number, dates, registration (or why none) and text file', () => {
    expect(catalogue.acts.map((a) => a.key).sort()).toEqual(Object.keys(OWNERS).sort());
    for (const act of catalogue.acts) {
      const where = act.key;
      expect(act.idPrefix, where).toMatch(/^R(?:[0-9]+|C)-$/);
      expect(act.owner, where).toBe(OWNERS[act.key]);
      for (const field of [act.name, act.issuer, act.number, act.title.kk, act.texts.kk]) expect(field, where).toMatch(/\S/);
      expect(act.date, where).toMatch(ISO_DATE);
      for (const a of act.amendedBy)
        expect([a.number, a.date], where).toEqual([expect.stringMatching(/\S/), expect.stringMatching(ISO_DATE)]);
      if (act.registrationNumber === null) {
        expect(act.registrationDate, where).toBeNull();
        expect(act.registrationNote ?? '', where).toMatch(/\S/);
      } else {
        expect(act.registrationNumber, where).toMatch(/^\d+$/);
        expect(act.registrationDate, where).toMatch(ISO_DATE);
      }
      // A Russian title comes from a Russian text, or a note says where it came from (or why there is none).
      if (act.texts.ru === null) expect(act.notes.join(' '), where).toMatch(/Russian/);
      for (const file of [act.texts.kk, act.texts.ru]) if (file !== null) expect(file, where).toMatch(/^[\w.-]+\.(kk|ru)\.txt$/);
    }
  });

  it('gives every requirement an ID of its act, a point, a one-line title and its owner', () => {
    const acts = new Map(catalogue.acts.map((a) => [a.key, a]));
    const ids = catalogue.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of catalogue.requirements) {
      expect(Object.keys(r).sort(), r.id).toEqual(['act', 'id', 'owner', 'point', 'title']);
      const act = acts.get(r.act);
      expect(act, `${r.id}: act ${r.act}`).toBeDefined();
      expect(r.id.startsWith(act!.idPrefix), r.id).toBe(true);
      expect(r.owner, r.id).toBe(OWNERS[r.act]);
      expect(r.point, r.id).toMatch(/^(?:\d+(?:-\d+)?|\d+–\d+|Appendix \d+)$/);
      expect(r.title, r.id).toMatch(/^\S[^\n]{9,119}$/);
    }
  });
});

describe('trace report', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-trace-'));
  const repo = path.join(tmp, 'repo');
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // Two points of one act: the fake test names the first, nobody names the second.
  const [named, unnamed] = catalogue.requirements.filter((r) => r.act === catalogue.acts[0]!.key) as [Requirement, Requirement];
  const testFile = (title: string) => `import { it } from 'vitest';\n\nit(${JSON.stringify(title)}, () => {});\n`;

  function trace() {
    execFileSync('git', ['add', '-A'], { cwd: repo });
    return spawnSync(process.execPath, ['scripts/trace.mjs'], { cwd: repo, encoding: 'utf8' });
  }

  it('runs from a copy of the script and the catalogue alone, with no ../shared beside it', () => {
    for (const f of ['scripts/trace.mjs', 'docs/requirements.json']) {
      fs.mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
      fs.copyFileSync(path.join(root, f), path.join(repo, f));
    }
    fs.mkdirSync(path.join(repo, 'test'));
    fs.writeFileSync(path.join(repo, 'test/named.test.ts'), testFile(`${named.id} a fake test naming one point`));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    expect(fs.existsSync(path.join(tmp, 'shared'))).toBe(false);

    const r = trace();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const line = (id: string) => r.stdout.split('\n').find((l) => l.trim().split(/\s+/)[1] === id);
    expect(line(named.id)).toMatch(/^\s*✔ \S+\s+test\/named\.test\.ts$/);
    expect(line(unnamed.id)).toMatch(/^\s*· \S+\s+— not yet proven/);
    const acts = catalogue.acts.length;
    expect(r.stdout.match(/^ {2}[\w-]+: \d+ of \d+ points named by a test/gm)).toHaveLength(acts);
    expect(r.stdout).toContain(`${catalogue.acts[0]!.key}: 1 of`);
    expect(r.stdout).toContain(`Total: 1 of ${catalogue.requirements.length} requirement points`);
  });

  it('fails when a test title names an ID the catalogue does not have', () => {
    const typo = `${named.id.slice(0, named.id.indexOf('-'))}-999`;
    fs.writeFileSync(path.join(repo, 'test/typo.test.ts'), testFile(`${typo} a fake test with a typo`));

    const r = trace();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`✘ ${typo}  test/typo.test.ts`);
    fs.rmSync(path.join(repo, 'test/typo.test.ts'));
    expect(trace().status).toBe(0);
  });
});
