import { namespaces, type CatalogLoader } from '../kernel/i18n/catalogParts.ts';

const words = {
  kk: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/video-evidence/kk/common.json'),
      errors: import('@baqylau/i18n/locales/video-evidence/kk/errors.json'),
      web: import('@baqylau/i18n/locales/video-evidence/kk/web.json'),
    }),
  ru: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/video-evidence/ru/common.json'),
      errors: import('@baqylau/i18n/locales/video-evidence/ru/errors.json'),
      web: import('@baqylau/i18n/locales/video-evidence/ru/web.json'),
    }),
  en: () =>
    namespaces({
      common: import('@baqylau/i18n/locales/video-evidence/en/common.json'),
      errors: import('@baqylau/i18n/locales/video-evidence/en/errors.json'),
      web: import('@baqylau/i18n/locales/video-evidence/en/web.json'),
    }),
};

/** Order 444's words in one language: its pages, ledger actions, purposes and error messages. */
export const order444Words: CatalogLoader = (lang) => words[lang]();
