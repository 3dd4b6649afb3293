import kkCommon from '../../locales/production-control/kk/common.json';
import kkErrors from '../../locales/production-control/kk/errors.json';
import kkWeb from '../../locales/production-control/kk/web.json';
import ruCommon from '../../locales/production-control/ru/common.json';
import ruErrors from '../../locales/production-control/ru/errors.json';
import ruWeb from '../../locales/production-control/ru/web.json';
import enCommon from '../../locales/production-control/en/common.json';
import enErrors from '../../locales/production-control/en/errors.json';
import enWeb from '../../locales/production-control/en/web.json';
import type { CatalogPart } from '../options.ts';

/** Order 315 (production control at HPFs): its pages, terms, PDFs, notices, ledger actions and error codes. */
export const productionControl = {
  kk: { common: kkCommon, errors: kkErrors, web: kkWeb },
  ru: { common: ruCommon, errors: ruErrors, web: ruWeb },
  en: { common: enCommon, errors: enErrors, web: enWeb },
} satisfies CatalogPart;
