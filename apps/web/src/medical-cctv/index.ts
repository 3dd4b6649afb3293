import { namespaces } from '../kernel/i18n/catalogParts.ts';
import { comingSoon } from '../kernel/shell/comingSoon.tsx';

const words = {
  kk: () => namespaces({ web: import('@baqylau/i18n/locales/medical-cctv/kk/web.json') }),
  ru: () => namespaces({ web: import('@baqylau/i18n/locales/medical-cctv/ru/web.json') }),
  en: () => namespaces({ web: import('@baqylau/i18n/locales/medical-cctv/en/web.json') }),
};

/** Order ҚР ДСМ-335/2020: CCTV in medical organisations. Announced, not built yet. */
export const medicalCctv = comingSoon({
  id: 'medical-cctv',
  nav: { path: '/app/medical-cctv', label: 'nav.medicalCctv', tag: 'ДСМ-335' },
  serves: (org) => org?.type === 'medical_organisation',
  catalog: (lang) => words[lang](),
});
