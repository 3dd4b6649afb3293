import { namespaces } from '../kernel/i18n/catalogParts.ts';
import { comingSoon } from '../kernel/shell/comingSoon.tsx';

const words = {
  kk: () => namespaces({ web: import('@baqylau/i18n/locales/ohs-competition/kk/web.json') }),
  ru: () => namespaces({ web: import('@baqylau/i18n/locales/ohs-competition/ru/web.json') }),
  en: () => namespaces({ web: import('@baqylau/i18n/locales/ohs-competition/en/web.json') }),
};

/** The trade union's "best technical inspector for labour protection" competition. Announced, not built yet. */
export const ohsCompetition = comingSoon({
  id: 'ohs-competition',
  nav: { path: '/app/competition', label: 'nav.competition' },
  serves: (org) => org?.type === 'trade_union',
  catalog: (lang) => words[lang](),
});
