/** The namespaces every part of the catalog writes into. Keys are flat with dots (`keySeparator: false`). */
export const NAMESPACES = ['common', 'errors', 'validation', 'web'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const CATALOG_LOCALES = ['kk', 'ru', 'en'] as const;
export type CatalogLocale = (typeof CATALOG_LOCALES)[number];

export type Catalog = Readonly<Record<string, string>>;

/** One part's words: per language, the namespaces it writes into (the same in every language). */
export type CatalogPart = Record<CatalogLocale, Partial<Record<Namespace, Catalog>>>;

/**
 * Options to pass to i18next.init on either side, without resources. Plurals use the
 * Intl.PluralRules suffixes (`_one`, `_few`, `_many`, `_other`).
 */
export const catalogOptions = {
  fallbackLng: false as const,
  supportedLngs: [...CATALOG_LOCALES],
  ns: [...NAMESPACES],
  defaultNS: 'web',
  keySeparator: false as const,
  nsSeparator: ':',
  interpolation: { escapeValue: false },
  returnNull: false,
};
