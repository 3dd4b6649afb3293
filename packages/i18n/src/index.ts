import {
  CATALOG_LOCALES,
  NAMESPACES,
  catalogOptions,
  type Catalog,
  type CatalogLocale,
  type CatalogPart,
  type Namespace,
} from './options.ts';
import { kernel } from './parts/kernel.ts';
import { medicalCctv } from './parts/medical-cctv.ts';
import { ohsCompetition } from './parts/ohs-competition.ts';
import { productionControl } from './parts/production-control.ts';
import { videoEvidence } from './parts/video-evidence.ts';

export { CATALOG_LOCALES, NAMESPACES, catalogOptions, type Catalog, type CatalogLocale, type CatalogPart, type Namespace };

/**
 * One catalog for server and web, in parts: the kernel and one per rule set, each in
 * locales/<part>/<language>/<namespace>.json. Parts write into the same namespaces (so call sites
 * keep `t('journal.title')`, `t('common:pdf.…')`, `t('errors:<code>')`); no key may be in two parts.
 * The web loads the kernel at once and a rule set's part with its pages.
 */
export const PARTS = {
  kernel,
  'video-evidence': videoEvidence,
  'production-control': productionControl,
  'medical-cctv': medicalCctv,
  'ohs-competition': ohsCompetition,
} satisfies Record<string, CatalogPart>;
export type PartId = keyof typeof PARTS;

function merged(lang: CatalogLocale): Record<Namespace, Catalog> {
  const parts: CatalogPart[] = Object.values(PARTS);
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, Object.assign({}, ...parts.map((p) => p[lang][ns] ?? {}))])) as Record<
    Namespace,
    Catalog
  >;
}

/** Every part merged, per language and namespace: what the server reads. */
export const resources: Record<CatalogLocale, Record<Namespace, Catalog>> = {
  kk: merged('kk'),
  ru: merged('ru'),
  en: merged('en'),
};

/** Options to pass to i18next.init with every part loaded (the server). */
export const i18nextOptions = { resources, ...catalogOptions };
