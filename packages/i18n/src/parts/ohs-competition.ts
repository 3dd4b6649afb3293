import kkCommon from '../../locales/ohs-competition/kk/common.json';
import kkErrors from '../../locales/ohs-competition/kk/errors.json';
import kkWeb from '../../locales/ohs-competition/kk/web.json';
import ruCommon from '../../locales/ohs-competition/ru/common.json';
import ruErrors from '../../locales/ohs-competition/ru/errors.json';
import ruWeb from '../../locales/ohs-competition/ru/web.json';
import enCommon from '../../locales/ohs-competition/en/common.json';
import enErrors from '../../locales/ohs-competition/en/errors.json';
import enWeb from '../../locales/ohs-competition/en/web.json';
import type { CatalogPart } from '../options.ts';

/** The trade union's best technical inspector for labour protection competition: indicators, applications, judging, protocols, ledger actions, error codes. */
export const ohsCompetition = {
  kk: { common: kkCommon, errors: kkErrors, web: kkWeb },
  ru: { common: ruCommon, errors: ruErrors, web: ruWeb },
  en: { common: enCommon, errors: enErrors, web: enWeb },
} satisfies CatalogPart;
