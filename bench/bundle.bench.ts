/**
 * The web app's JavaScript: builds apps/web with Vite's manifest into a temporary folder and reports,
 * gzipped (-9), what the first load costs (the entry chunk and everything index.html preloads: the
 * sign-in page and the shell) and what each rule set and each lazily loaded kernel page adds when
 * opened. Goal: first load ≤ 250 kB gzipped.
 *
 *   node --import tsx bench/bundle.bench.ts                     ~10 s; results/bundle.{json,md}
 *   node --import tsx bench/bundle.bench.ts --baseline=<commit>  "before" = the run committed at <commit>
 *   node --import tsx bench/bundle.bench.ts --report-only        re-render bundle.md from bundle.json
 *
 * Without --baseline the "before" of the existing results file is kept.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeState } from './lib/code-state.ts';
import { BENCH_DIR, QUICK, RESULTS_DIR, log, machineInfo, packageVersion } from './lib/common.ts';
import {
  LANGUAGES,
  RULE_SETS,
  fileSizes,
  htmlScripts,
  ownerOf,
  readManifest,
  sizeOf,
  staticClosure,
  type Manifest,
  type Size,
} from './lib/bundle-manifest.ts';
import { bundleMarkdown, type BundleReport, type BundleSnapshot, type RuleSetFigures } from './lib/bundle-report.ts';

const REPO = path.join(BENCH_DIR, '..');
const WEB = path.join(REPO, 'apps', 'web');
const GOAL_GZ = 250_000;
const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;

function build(outDir: string) {
  const vite = path.join(REPO, 'node_modules', '.bin', 'vite');
  execFileSync(vite, ['build', '--manifest', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
}

function measure(outDir: string): BundleSnapshot {
  const manifest: Manifest = readManifest(outDir);
  const sizes = fileSizes(
    outDir,
    Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]),
  );
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const first = staticClosure(manifest, entries);
  const beyondFirst = (keys: string[]): Size =>
    sizeOf(
      manifest,
      [...staticClosure(manifest, keys)].filter((k) => !first.has(k)),
      sizes,
    );
  const dynamic = Object.keys(manifest)
    .filter((k) => manifest[k]!.isDynamicEntry)
    .map((key) => ({ key, ...ownerOf(manifest[key]!.src ?? key) }));

  const ruleSets: Record<string, RuleSetFigures> = {};
  for (const id of RULE_SETS) {
    const pages = dynamic.filter((d) => d.ruleSet === id && !d.language).map((d) => d.key);
    const catalog = (lang: string) => dynamic.filter((d) => d.ruleSet === id && d.language === lang).map((d) => d.key);
    ruleSets[id] = {
      lazy: pages.length > 0 || LANGUAGES.some((l) => catalog(l).length > 0),
      pages: beyondFirst(pages),
      catalog: Object.fromEntries(LANGUAGES.map((l) => [l, beyondFirst(catalog(l))])),
      opening: Object.fromEntries(LANGUAGES.map((l) => [l, beyondFirst([...pages, ...catalog(l)])])),
    };
  }
  const kernelPages: Record<string, Size> = {};
  for (const page of new Set(dynamic.map((d) => d.kernelPage))) {
    if (page && page !== 'catalog') kernelPages[page] = beyondFirst(dynamic.filter((d) => d.kernelPage === page).map((d) => d.key));
  }
  const firstFiles = [...first].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  const html = htmlScripts(outDir);
  const cssFiles = new Set([...first].flatMap((k) => manifest[k]!.css ?? []));
  const css = [...cssFiles].reduce((s, f) => ({ files: s.files + 1, raw: s.raw + sizes.get(f)!.raw, gz: s.gz + sizes.get(f)!.gz }), {
    files: 0,
    raw: 0,
    gz: 0,
  });
  return {
    date: new Date().toISOString(),
    code: codeState(REPO),
    vite: packageVersion('vite') ?? 'unknown',
    firstLoad: { ...sizeOf(manifest, first, sizes), names: firstFiles.sort() },
    firstLoadCss: css,
    indexHtml: { scripts: html, sameAsManifest: html.join() === [...firstFiles].sort().join() },
    allJavaScript: sizeOf(manifest, Object.keys(manifest), sizes),
    chunks: Object.entries(manifest)
      .filter(([, c]) => c.file.endsWith('.js'))
      .map(([key, c]) => ({
        file: c.file,
        src: c.src ?? key,
        kind: c.isEntry ? ('entry' as const) : c.isDynamicEntry ? ('lazy' as const) : ('shared' as const),
        firstLoad: first.has(key),
        ...sizes.get(c.file)!,
      }))
      .sort((a, b) => b.gz - a.gz),
    ruleSets,
    kernelPages,
  };
}

function baselineFrom(argv: string[]): BundleSnapshot | undefined {
  const commit = argv.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length);
  const file = path.join(dir, 'bundle.json');
  if (commit) {
    const text = execFileSync('git', ['show', `${commit}:${path.relative(REPO, file)}`], { cwd: REPO, encoding: 'utf8' });
    return (JSON.parse(text) as BundleReport).current;
  }
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as BundleReport).baseline : undefined;
}

function write(report: BundleReport) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'bundle.md'), bundleMarkdown(report) + '\n');
}

function main() {
  if (process.argv.includes('--report-only')) {
    write(JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')) as BundleReport);
    return log(`re-rendered ${path.relative(process.cwd(), path.join(dir, 'bundle.md'))}`);
  }
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-bench-web-'));
  try {
    build(outDir);
    const report: BundleReport = {
      benchmark: 'bundle',
      command: `node --import tsx bench/bundle.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
      machine: machineInfo(),
      goal: { firstLoadGzAtMost: GOAL_GZ },
      baseline: baselineFrom(process.argv.slice(2)),
      current: measure(outDir),
    };
    write(report);
    console.log(bundleMarkdown(report).split('\n## Chunks')[0]);
    log(`written ${path.relative(process.cwd(), path.join(dir, 'bundle.{json,md}'))}`);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

main();
