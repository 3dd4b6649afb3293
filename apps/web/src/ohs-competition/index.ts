import { comingSoon } from '../kernel/shell/comingSoon.tsx';

/** The trade union's "best technical inspector for labour protection" competition. Announced, not built yet. */
export const ohsCompetition = comingSoon({
  id: 'ohs-competition',
  nav: { path: '/app/competition', label: 'nav.competition' },
  serves: (org) => org?.type === 'trade_union',
});
