/** bundle.md from bundle.json: the first load against the goal, before and after, and what each part adds. */
import type { MachineInfo } from './common.ts';
import { mdTable } from './common.ts';
import { LANGUAGES, type Size } from './bundle-manifest.ts';

export interface RuleSetFigures {
  /** false: the rule set has no chunk of its own (everything is in the first load). */
  lazy: boolean;
  pages: Size;
  catalog: Record<string, Size>;
  /** Pages and the words in one language: what opening the rule set loads after the shell. */
  opening: Record<string, Size>;
}

export interface BundleSnapshot {
  date: string;
  code: { commit: string; subject: string; uncommitted: string[] };
  vite: string;
  firstLoad: Size & { names: string[] };
  firstLoadCss: Size;
  indexHtml: { scripts: string[]; sameAsManifest: boolean };
  allJavaScript: Size;
  chunks: { file: string; src: string; kind: 'entry' | 'lazy' | 'shared'; firstLoad: boolean; raw: number; gz: number }[];
  ruleSets: Record<string, RuleSetFigures>;
  kernelPages: Record<string, Size>;
}

export interface BundleReport {
  benchmark: 'bundle';
  command: string;
  machine: MachineInfo;
  goal: { firstLoadGzAtMost: number };
  baseline?: BundleSnapshot;
  current: BundleSnapshot;
}

const kB = (bytes: number) => `${(bytes / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;
const at = (s: BundleSnapshot) =>
  `${s.code.commit}${s.code.uncommitted.length ? ' with uncommitted changes' : ''}, ${s.date.slice(0, 16).replace('T', ' ')} UTC`;

function comparison(r: BundleReport): string {
  const b = r.baseline;
  const rows: [string, (s: BundleSnapshot) => string][] = [
    ['first load: JavaScript, gzipped', (s) => kB(s.firstLoad.gz)],
    ['first load: JavaScript, raw', (s) => kB(s.firstLoad.raw)],
    ['first load: script files', (s) => String(s.firstLoad.files)],
    ['first load: CSS, gzipped (not in the goal)', (s) => kB(s.firstLoadCss.gz)],
    ['all JavaScript, gzipped', (s) => kB(s.allJavaScript.gz)],
    ['all script files', (s) => String(s.allJavaScript.files)],
  ];
  const header = b ? ['figure', `before (${at(b)})`, `after (${at(r.current)})`] : ['figure', `this run (${at(r.current)})`];
  return mdTable(
    header,
    rows.map(([name, f]) => (b ? [name, f(b), `**${f(r.current)}**`] : [name, f(r.current)])),
  );
}

function ruleSetTable(s: BundleSnapshot): string {
  const rows = Object.entries(s.ruleSets).map(([id, f]) =>
    f.lazy
      ? [id, kB(f.pages.gz), ...LANGUAGES.map((l) => kB(f.catalog[l]!.gz)), `**${kB(f.opening.kk!.gz)}**`]
      : [id, 'in the first load', '', '', '', ''],
  );
  return mdTable(['rule set', 'pages', ...LANGUAGES.map((l) => `words (${l})`), 'opening it in Kazakh'], rows);
}

export function bundleMarkdown(r: BundleReport): string {
  const s = r.current;
  const met = s.firstLoad.gz <= r.goal.firstLoadGzAtMost;
  const kernel = Object.entries(s.kernelPages).map(([page, size]) => [page, kB(size.gz), kB(size.raw)]);
  return [
    '# Web bundle',
    '',
    `Built ${s.date} with Vite ${s.vite} at ${s.code.commit} ("${s.code.subject}")${s.code.uncommitted.length ? `, with uncommitted changes in ${s.code.uncommitted.join(', ')}` : ''}; Node ${r.machine.node}.`,
    `Command: \`${r.command}\`. Sizes are the emitted files compressed with gzip -9; kB = 1,000 bytes. Raw figures and every chunk: \`bench/results/bundle.json\`.`,
    '',
    `## Goal: first load ≤ ${kB(r.goal.firstLoadGzAtMost)} of gzipped JavaScript`,
    '',
    `**${met ? 'Goal met' : 'Goal not met'}: ${kB(s.firstLoad.gz)}.** The first load is what the sign-in page and the shell need: the entry chunk and every chunk it imports statically, which index.html preloads (${s.firstLoad.files} ${s.firstLoad.files === 1 ? 'file' : 'files'}; index.html lists ${s.indexHtml.sameAsManifest ? 'exactly these' : `other files: ${s.indexHtml.scripts.join(', ')}`}).`,
    '',
    comparison(r),
    '',
    '## What opening a rule set adds',
    '',
    'JavaScript not already in the first load, gzipped: its pages (with the chunks they share with other lazily loaded pages, counted for each) and its words, which load one language at a time.',
    '',
    ruleSetTable(s),
    '',
    ...(kernel.length ? ['## Kernel pages loaded when opened', '', mdTable(['page', 'gzipped', 'raw'], kernel), ''] : []),
    '## Chunks',
    '',
    mdTable(
      ['file', 'source', 'kind', 'first load', 'raw', 'gzipped'],
      s.chunks.map((c) => [c.file, c.src, c.kind, c.firstLoad ? 'yes' : '', kB(c.raw), kB(c.gz)]),
      'lllrrr',
    ),
  ].join('\n');
}
