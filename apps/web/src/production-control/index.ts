import { namespaces } from '../kernel/i18n/catalogParts.ts';
import { comingSoon } from '../kernel/shell/comingSoon.tsx';

const words = {
  kk: () => namespaces({ web: import('@baqylau/i18n/locales/production-control/kk/web.json') }),
  ru: () => namespaces({ web: import('@baqylau/i18n/locales/production-control/ru/web.json') }),
  en: () => namespaces({ web: import('@baqylau/i18n/locales/production-control/en/web.json') }),
};

/** Order 315: production control at hazardous production facilities. Announced, not built yet. */
export const productionControl = comingSoon({
  id: 'production-control',
  nav: { path: '/app/production-control', label: 'nav.productionControl', tag: '№ 315' },
  serves: (org) => org?.type === 'hpf_operator',
  catalog: (lang) => words[lang](),
});
