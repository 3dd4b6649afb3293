import kkCommon from '../../locales/kernel/kk/common.json';
import kkErrors from '../../locales/kernel/kk/errors.json';
import kkValidation from '../../locales/kernel/kk/validation.json';
import kkWeb from '../../locales/kernel/kk/web.json';
import ruCommon from '../../locales/kernel/ru/common.json';
import ruErrors from '../../locales/kernel/ru/errors.json';
import ruValidation from '../../locales/kernel/ru/validation.json';
import ruWeb from '../../locales/kernel/ru/web.json';
import enCommon from '../../locales/kernel/en/common.json';
import enErrors from '../../locales/kernel/en/errors.json';
import enValidation from '../../locales/kernel/en/validation.json';
import enWeb from '../../locales/kernel/en/web.json';
import type { CatalogPart } from '../options.ts';

/**
 * What every rule set shares: sign-in, shell, organisations, users, roles, appointments, the audit ledger,
 * request errors, the evidence package check page (verify.html and `baqylau verify`).
 */
export const kernel = {
  kk: { common: kkCommon, errors: kkErrors, validation: kkValidation, web: kkWeb },
  ru: { common: ruCommon, errors: ruErrors, validation: ruValidation, web: ruWeb },
  en: { common: enCommon, errors: enErrors, validation: enValidation, web: enWeb },
} satisfies CatalogPart;
