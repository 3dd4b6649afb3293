import { namespaces, type CatalogLoader } from '../kernel/i18n/catalogParts.ts';

const words = {
  kk: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/medical-cctv/kk/common.json'),
      errors: import('@baqylau/i18n/locales/medical-cctv/kk/errors.json'),
      web: import('@baqylau/i18n/locales/medical-cctv/kk/web.json'),
    }),
  ru: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/medical-cctv/ru/common.json'),
      errors: import('@baqylau/i18n/locales/medical-cctv/ru/errors.json'),
      web: import('@baqylau/i18n/locales/medical-cctv/ru/web.json'),
    }),
  en: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/medical-cctv/en/common.json'),
      errors: import('@baqylau/i18n/locales/medical-cctv/en/errors.json'),
      web: import('@baqylau/i18n/locales/medical-cctv/en/web.json'),
    }),
};

/** DSM-335's words in one language: its pages, the act's terms (room types, verdicts, findings…), ledger actions and errors. */
export const cctvWords: CatalogLoader = (lang) => words[lang]();
