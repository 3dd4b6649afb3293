import { namespaces, type CatalogLoader } from '../kernel/i18n/catalogParts.ts';

const words = {
  kk: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/production-control/kk/common.json'),
      errors: import('@baqylau/i18n/locales/production-control/kk/errors.json'),
      web: import('@baqylau/i18n/locales/production-control/kk/web.json'),
    }),
  ru: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/production-control/ru/common.json'),
      errors: import('@baqylau/i18n/locales/production-control/ru/errors.json'),
      web: import('@baqylau/i18n/locales/production-control/ru/web.json'),
    }),
  en: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/production-control/en/common.json'),
      errors: import('@baqylau/i18n/locales/production-control/en/errors.json'),
      web: import('@baqylau/i18n/locales/production-control/en/web.json'),
    }),
};

/** Order 315's words in one language: its pages, the act's terms, ledger actions and errors. */
export const pcWords: CatalogLoader = (lang) => words[lang]();
