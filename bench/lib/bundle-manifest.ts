/** Reads a Vite build: which JavaScript each part of the web app loads, and its gzipped size. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Size {
  files: number;
  raw: number;
  gz: number;
}

/** The rule sets of the platform; their web code lives in apps/web/src/<id>/ and their words in locales/<id>/. */
export const RULE_SETS = ['video-evidence', 'production-control', 'medical-cctv', 'ohs-competition'] as const;
export const LANGUAGES = ['kk', 'ru', 'en'] as const;

export function readManifest(outDir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** gzip -9 of each emitted file, as a server would send it compressed. */
export function fileSizes(outDir: string, files: Iterable<string>): Map<string, { raw: number; gz: number }> {
  const sizes = new Map<string, { raw: number; gz: number }>();
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(outDir, f));
    sizes.set(f, { raw: bytes.length, gz: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  return sizes;
}

/** The manifest keys a chunk needs before it runs: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}

export function sizeOf(manifest: Manifest, keys: Iterable<string>, sizes: Map<string, { raw: number; gz: number }>): Size {
  const files = new Set([...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js')));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    raw += sizes.get(f)!.raw;
    gz += sizes.get(f)!.gz;
  }
  return { files: files.size, raw, gz };
}

/** The scripts index.html loads at once: its module script and every modulepreload link. */
export function htmlScripts(outDir: string): string[] {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return [...new Set(refs)].sort();
}

/** Which part of the app a dynamically imported chunk belongs to, from its source path. */
export function ownerOf(src: string): { ruleSet?: string; language?: string; kernelPage?: string } {
  const catalog = /locales\/([\w-]+)\/(kk|ru|en)\//.exec(src);
  if (catalog) return catalog[1] === 'kernel' ? { kernelPage: 'catalog' } : { ruleSet: catalog[1], language: catalog[2] };
  const ruleSet = RULE_SETS.find((r) => src.startsWith(`src/${r}/`));
  if (ruleSet) return { ruleSet };
  const kernel = /^src\/kernel\/([\w-]+)\//.exec(src);
  return kernel ? { kernelPage: kernel[1] } : {};
}
