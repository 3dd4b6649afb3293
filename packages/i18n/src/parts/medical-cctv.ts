import kkCommon from '../../locales/medical-cctv/kk/common.json';
import kkErrors from '../../locales/medical-cctv/kk/errors.json';
import kkValidation from '../../locales/medical-cctv/kk/validation.json';
import kkWeb from '../../locales/medical-cctv/kk/web.json';
import ruCommon from '../../locales/medical-cctv/ru/common.json';
import ruErrors from '../../locales/medical-cctv/ru/errors.json';
import ruValidation from '../../locales/medical-cctv/ru/validation.json';
import ruWeb from '../../locales/medical-cctv/ru/web.json';
import enCommon from '../../locales/medical-cctv/en/common.json';
import enErrors from '../../locales/medical-cctv/en/errors.json';
import enValidation from '../../locales/medical-cctv/en/validation.json';
import enWeb from '../../locales/medical-cctv/en/web.json';
import type { CatalogPart } from '../options.ts';

/** Order ҚР ДСМ-335/2020 (CCTV in medical organisations): its pages, terms, PDFs, notices, ledger actions, error codes and field names. */
export const medicalCctv = {
  kk: { common: kkCommon, errors: kkErrors, validation: kkValidation, web: kkWeb },
  ru: { common: ruCommon, errors: ruErrors, validation: ruValidation, web: ruWeb },
  en: { common: enCommon, errors: enErrors, validation: enValidation, web: enWeb },
} satisfies CatalogPart;
