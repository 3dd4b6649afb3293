import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_LOCALES, NAMESPACES, PARTS, resources, type Catalog, type PartId } from '../src/index.ts';

const LOCALES_DIR = path.join(import.meta.dirname, '..', 'locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKeys = (catalog: Catalog) => new Set(Object.keys(catalog).map((k) => k.replace(PLURAL_SUFFIX, '')));
const partIds = Object.keys(PARTS) as PartId[];

/** The keys two parts of the same namespace both define (either would silently override the other). */
function collisions(parts: Record<string, Catalog | undefined>): { key: string; parts: string[] }[] {
  const owners = new Map<string, string[]>();
  for (const [part, catalog] of Object.entries(parts))
    for (const key of Object.keys(catalog ?? {})) owners.set(key, [...(owners.get(key) ?? []), part]);
  return [...owners].filter(([, p]) => p.length > 1).map(([key, p]) => ({ key, parts: p }));
}

describe('catalog parts (kernel and one per rule set)', () => {
  for (const part of partIds) {
    it(`${part}: every language has the same namespaces`, () => {
      const namespaces = (lng: (typeof CATALOG_LOCALES)[number]) => Object.keys(PARTS[part][lng]).sort();
      for (const lng of CATALOG_LOCALES) expect({ lng, ns: namespaces(lng) }).toEqual({ lng, ns: namespaces('en') });
    });

    for (const ns of NAMESPACES) {
      const catalogOf = (lng: (typeof CATALOG_LOCALES)[number]): Catalog | undefined => (PARTS[part][lng] as Record<string, Catalog>)[ns];
      if (!catalogOf('en')) continue;
      it(`${part}/${ns}: every language has the same keys (no missing, no extra)`, () => {
        const reference = baseKeys(catalogOf('en')!);
        for (const lng of CATALOG_LOCALES) {
          const keys = baseKeys(catalogOf(lng) ?? {});
          expect({ lng, missing: [...reference].filter((k) => !keys.has(k)) }).toEqual({ lng, missing: [] });
          expect({ lng, extra: [...keys].filter((k) => !reference.has(k)) }).toEqual({ lng, extra: [] });
        }
      });
    }
  }

  for (const ns of NAMESPACES) {
    it(`namespace ${ns}: no key is defined in two parts`, () => {
      for (const lng of CATALOG_LOCALES) {
        const found = collisions(Object.fromEntries(partIds.map((p) => [p, (PARTS[p][lng] as Record<string, Catalog>)[ns]])));
        expect({ lng, ns, collisions: found }).toEqual({ lng, ns, collisions: [] });
      }
    });
  }

  it('the collision check can fail', () => {
    expect(collisions({ kernel: { 'a.b': 'x', c: 'y' }, 'video-evidence': { 'a.b': 'z' } })).toEqual([
      { key: 'a.b', parts: ['kernel', 'video-evidence'] },
    ]);
  });

  it('every file under locales/ is a part of the catalog, as read from disk (none left out, none extra)', () => {
    const onDisk = fs
      .readdirSync(LOCALES_DIR)
      .flatMap((part) =>
        fs
          .readdirSync(path.join(LOCALES_DIR, part))
          .flatMap((lng) => fs.readdirSync(path.join(LOCALES_DIR, part, lng)).map((f) => `${part}/${lng}/${f}`)),
      )
      .sort();
    const declared = partIds
      .flatMap((p) => CATALOG_LOCALES.flatMap((lng) => Object.keys(PARTS[p][lng]).map((ns) => `${p}/${lng}/${ns}.json`)))
      .sort();
    expect(onDisk).toEqual(declared);
    for (const file of declared) {
      const [part, lng, name] = file.split('/') as [PartId, (typeof CATALOG_LOCALES)[number], string];
      const content = JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, file), 'utf8'));
      expect((PARTS[part][lng] as Record<string, Catalog>)[name.replace('.json', '')]).toEqual(content);
    }
  });

  it('the merged resources the server reads hold every part, key for key', () => {
    for (const lng of CATALOG_LOCALES)
      for (const ns of NAMESPACES) {
        const all = partIds.flatMap((p) => Object.entries((PARTS[p][lng] as Record<string, Catalog>)[ns] ?? {}));
        expect(Object.keys(resources[lng][ns]).length).toBe(all.length);
        for (const [key, text] of all) expect(resources[lng][ns][key]).toBe(text);
      }
  });
});
