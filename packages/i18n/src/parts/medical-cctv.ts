import kkWeb from '../../locales/medical-cctv/kk/web.json';
import ruWeb from '../../locales/medical-cctv/ru/web.json';
import enWeb from '../../locales/medical-cctv/en/web.json';
import type { CatalogPart } from '../options.ts';

/** Order ҚР ДСМ-335/2020 (CCTV in medical organisations): announced in the navigation, not built yet. */
export const medicalCctv = {
  kk: { web: kkWeb },
  ru: { web: ruWeb },
  en: { web: enWeb },
} satisfies CatalogPart;
