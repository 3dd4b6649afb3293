import kkCommon from '../locales/kk/common.json';
import kkErrors from '../locales/kk/errors.json';
import kkValidation from '../locales/kk/validation.json';
import kkWeb from '../locales/kk/web.json';
import ruCommon from '../locales/ru/common.json';
import ruErrors from '../locales/ru/errors.json';
import ruValidation from '../locales/ru/validation.json';
import ruWeb from '../locales/ru/web.json';
import enCommon from '../locales/en/common.json';
import enErrors from '../locales/en/errors.json';
import enValidation from '../locales/en/validation.json';
import enWeb from '../locales/en/web.json';

/**
 * One catalog for server and web, split by namespace. Keys are flat with dots
 * (i18next `keySeparator: false`), plurals use the Intl.PluralRules suffixes
 * (`_one`, `_few`, `_many`, `_other`).
 */
export const NAMESPACES = ['common', 'errors', 'validation', 'web'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  kk: { common: kkCommon, errors: kkErrors, validation: kkValidation, web: kkWeb },
  ru: { common: ruCommon, errors: ruErrors, validation: ruValidation, web: ruWeb },
  en: { common: enCommon, errors: enErrors, validation: enValidation, web: enWeb },
} as const satisfies Record<string, Record<Namespace, Record<string, string>>>;

export type CatalogLocale = keyof typeof resources;

/** Options to pass to i18next.init on either side. */
export const i18nextOptions = {
  resources,
  fallbackLng: false as const,
  supportedLngs: ['kk', 'ru', 'en'],
  ns: [...NAMESPACES],
  defaultNS: 'web',
  keySeparator: false as const,
  nsSeparator: ':',
  interpolation: { escapeValue: false },
  returnNull: false,
};
