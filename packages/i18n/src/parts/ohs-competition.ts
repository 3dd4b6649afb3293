import kkWeb from '../../locales/ohs-competition/kk/web.json';
import ruWeb from '../../locales/ohs-competition/ru/web.json';
import enWeb from '../../locales/ohs-competition/en/web.json';
import type { CatalogPart } from '../options.ts';

/** The trade union's best technical inspector for labour protection competition: announced, not built yet. */
export const ohsCompetition = {
  kk: { web: kkWeb },
  ru: { web: ruWeb },
  en: { web: enWeb },
} satisfies CatalogPart;
