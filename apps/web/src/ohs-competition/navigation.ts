import type { NavItem } from '../kernel/shell/navigation.ts';
import { competitionAccess, servesCompetition } from './access.ts';

/** The competition: its years (each with applications, the commission and the results). */
export const competitionNav: NavItem = {
  path: '/app/competition',
  label: 'nav.competition',
  visible: (_a, o) => servesCompetition(o) && competitionAccess(o).module,
};
