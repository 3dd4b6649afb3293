import { namespaces, type CatalogLoader } from '../kernel/i18n/catalogParts.ts';

const words = {
  kk: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/ohs-competition/kk/common.json'),
      errors: import('@baqylau/i18n/locales/ohs-competition/kk/errors.json'),
      web: import('@baqylau/i18n/locales/ohs-competition/kk/web.json'),
    }),
  ru: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/ohs-competition/ru/common.json'),
      errors: import('@baqylau/i18n/locales/ohs-competition/ru/errors.json'),
      web: import('@baqylau/i18n/locales/ohs-competition/ru/web.json'),
    }),
  en: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/ohs-competition/en/common.json'),
      errors: import('@baqylau/i18n/locales/ohs-competition/en/errors.json'),
      web: import('@baqylau/i18n/locales/ohs-competition/en/web.json'),
    }),
};

/** The competition's words in one language: its pages, indicators, PDF terms, ledger actions and error messages. */
export const competitionWords: CatalogLoader = (lang) => words[lang]();
