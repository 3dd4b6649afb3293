import type { Catalog, Namespace } from '@baqylau/i18n/options';
import type { i18n as I18n } from 'i18next';
import type { Language } from './i18n.ts';

/** A rule set's words in one language, per namespace (packages/i18n/locales/<rule set>/<language>/). */
export type CatalogWords = Partial<Record<Namespace, Catalog>>;
/** Fetches a rule set's words in one language; the kernel's words are loaded with the app. */
export type CatalogLoader = (lang: Language) => Promise<CatalogWords>;

/** A part's namespaces from their JSON files, each imported on its own (one small chunk each). */
export async function namespaces(files: Partial<Record<Namespace, Promise<{ default: Catalog }>>>): Promise<CatalogWords> {
  return Object.fromEntries(await Promise.all(Object.entries(files).map(async ([ns, file]) => [ns, (await file).default])));
}

interface Load {
  done: boolean;
  promise: Promise<void>;
}

/** Per i18n instance: every part asked for (kept in each language switched to later) and its loads per language. */
const partsByInstance = new WeakMap<I18n, Map<CatalogLoader, Map<Language, Load>>>();

function partsOf(i18n: I18n) {
  let parts = partsByInstance.get(i18n);
  if (!parts) partsByInstance.set(i18n, (parts = new Map()));
  return parts;
}

function loadsOf(i18n: I18n, part: CatalogLoader) {
  const parts = partsOf(i18n);
  let loads = parts.get(part);
  if (!loads) parts.set(part, (loads = new Map()));
  return loads;
}

export const isPartLoaded = (i18n: I18n, part: CatalogLoader, lang: Language) => loadsOf(i18n, part).get(lang)?.done === true;

/** Adds a part's words in a language to the instance, once (a failed fetch is tried again next time). */
export function loadPart(i18n: I18n, part: CatalogLoader, lang: Language): Promise<void> {
  const loads = loadsOf(i18n, part);
  const known = loads.get(lang);
  if (known) return known.promise;
  const load: Load = {
    done: false,
    promise: part(lang).then(
      (words) => {
        // Not deep: a new object per namespace, so the kernel's imported catalogs are never written into.
        for (const [ns, catalog] of Object.entries(words)) i18n.addResourceBundle(lang, ns, catalog, false, false);
        load.done = true;
      },
      (error: unknown) => {
        loads.delete(lang);
        throw error;
      },
    ),
  };
  loads.set(lang, load);
  return load.promise;
}

/** Switches language once every part in use has its words in the new one, so no page shows a bare key meanwhile. */
export async function changeLanguage(i18n: I18n, lang: Language) {
  await Promise.allSettled([...partsOf(i18n).keys()].map((part) => loadPart(i18n, part, lang)));
  await i18n.changeLanguage(lang);
}
