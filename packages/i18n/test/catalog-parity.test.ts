import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@baqylau/contracts';
import { NAMESPACES, resources } from '../src/index.ts';

const LANGS = Object.keys(resources) as (keyof typeof resources)[];
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys with their plural suffix removed, so "entries_one" and "entries_few" are one key "entries". */
function baseKeys(catalog: Record<string, string>) {
  return new Set(Object.keys(catalog).map((k) => k.replace(PLURAL_SUFFIX, '')));
}

describe('catalogs kk / ru / en', () => {
  for (const ns of NAMESPACES) {
    it(`namespace ${ns}: every language has the same keys (no missing, no extra)`, () => {
      const reference = baseKeys(resources.en[ns]);
      for (const lng of LANGS) {
        const keys = baseKeys(resources[lng][ns]);
        expect({ lng, missing: [...reference].filter((k) => !keys.has(k)) }).toEqual({ lng, missing: [] });
        expect({ lng, extra: [...keys].filter((k) => !reference.has(k)) }).toEqual({ lng, extra: [] });
      }
    });

    it(`namespace ${ns}: plural keys have every form Intl.PluralRules needs (ru one/few/many/other, kk one/other)`, () => {
      for (const lng of LANGS) {
        const catalog = resources[lng][ns] as Record<string, string>;
        const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
        const plurals = new Set(
          Object.keys(catalog)
            .filter((k) => PLURAL_SUFFIX.test(k))
            .map((k) => k.replace(PLURAL_SUFFIX, '')),
        );
        // A key that is plural in any language must be plural in all.
        for (const other of LANGS) {
          for (const k of Object.keys(resources[other][ns])) if (PLURAL_SUFFIX.test(k)) plurals.add(k.replace(PLURAL_SUFFIX, ''));
        }
        for (const base of plurals) {
          const missing = forms.filter((f) => !(`${base}_${f}` in catalog));
          expect({ lng, base, missing }).toEqual({ lng, base, missing: [] });
        }
      }
    });

    it(`namespace ${ns}: no empty string and the same {{placeholders}} in every language`, () => {
      for (const [key, en] of Object.entries(resources.en[ns] as Record<string, string>)) {
        const want = placeholders(en);
        for (const lng of LANGS) {
          const text =
            (resources[lng][ns] as Record<string, string>)[key] ??
            (resources[lng][ns] as Record<string, string>)[key.replace(PLURAL_SUFFIX, '_other')];
          if (text === undefined) continue; // reported by the key test
          expect(text.trim(), `${lng}:${ns}:${key}`).not.toBe('');
          expect({ key: `${lng}:${key}`, vars: placeholders(text) }).toEqual({ key: `${lng}:${key}`, vars: want });
        }
      }
    });
  }

  it('Kazakh and Russian plural rules are what the catalogs assume', () => {
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
    expect(new Intl.PluralRules('kk').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
  });

  it('every API error code has a message in every language', () => {
    for (const lng of LANGS) {
      const missing = Object.keys(ERROR_CODES).filter((c) => !(c in resources[lng].errors));
      expect({ lng, missing }).toEqual({ lng, missing: [] });
    }
  });

  it('a catalog missing a key, or a Russian plural missing "few", is detected (the checks can fail)', () => {
    const broken = { a_one: '1', a_many: '2', a_other: '3' };
    const forms = new Intl.PluralRules('ru').resolvedOptions().pluralCategories;
    expect(forms.filter((f) => !(`a_${f}` in broken))).toEqual(['few']);
  });
});

function placeholders(s: string) {
  return [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}
