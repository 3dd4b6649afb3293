import kkWeb from '../../locales/production-control/kk/web.json';
import ruWeb from '../../locales/production-control/ru/web.json';
import enWeb from '../../locales/production-control/en/web.json';
import type { CatalogPart } from '../options.ts';

/** Order 315 (production control): announced in the navigation, not built yet. */
export const productionControl = {
  kk: { web: kkWeb },
  ru: { web: ruWeb },
  en: { web: enWeb },
} satisfies CatalogPart;
