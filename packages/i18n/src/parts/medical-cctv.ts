import kkCommon from '../../locales/medical-cctv/kk/common.json';
import kkErrors from '../../locales/medical-cctv/kk/errors.json';
import kkWeb from '../../locales/medical-cctv/kk/web.json';
import ruCommon from '../../locales/medical-cctv/ru/common.json';
import ruErrors from '../../locales/medical-cctv/ru/errors.json';
import ruWeb from '../../locales/medical-cctv/ru/web.json';
import enCommon from '../../locales/medical-cctv/en/common.json';
import enErrors from '../../locales/medical-cctv/en/errors.json';
import enWeb from '../../locales/medical-cctv/en/web.json';
import type { CatalogPart } from '../options.ts';

/** Order ҚР ДСМ-335/2020 (CCTV in medical organisations): its pages, terms, PDFs, notices, ledger actions and error codes. */
export const medicalCctv = {
  kk: { common: kkCommon, errors: kkErrors, web: kkWeb },
  ru: { common: ruCommon, errors: ruErrors, web: ruWeb },
  en: { common: enCommon, errors: enErrors, web: enWeb },
} satisfies CatalogPart;
