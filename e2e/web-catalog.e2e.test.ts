import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../packages/i18n/src/index.ts';
import { REPO_ROOT } from './support/server.ts';

const WEB_SRC = path.join(REPO_ROOT, 'apps/web/src');
const LANGS = Object.keys(resources) as (keyof typeof resources)[];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Literal keys passed to t('…') and nav labels ('nav.…'), as written in the web sources. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sources(WEB_SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/label: '(nav\.[^']+)'/g)) {
      keys.add(m[1]!);
      keys.add(`${m[1]}.about`);
    }
  }
  return [...keys];
}

function exists(lng: keyof typeof resources, key: string) {
  const [ns, k] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['web', key];
  const catalog = (resources[lng] as Record<string, Record<string, string>>)[ns] ?? {};
  return k in catalog || `${k}_one` in catalog || `${k}_other` in catalog;
}

describe('web catalog', () => {
  it('every translation key the web sources use exists in Kazakh, Russian and English', () => {
    const keys = usedKeys();
    expect(keys.length).toBeGreaterThan(100);
    for (const lng of LANGS) {
      expect({ lng, missing: keys.filter((k) => !exists(lng, k)) }).toEqual({ lng, missing: [] });
    }
  });

  it('the detector notices a missing key (the check can fail)', () => {
    expect(exists('kk', 'web.no.such.key')).toBe(false);
    expect(exists('ru', 'common:role.head')).toBe(true);
  });
});
