import type { RuleSet } from '../kernel/shell/ruleSet.ts';
import { competitionAccess, servesCompetition, type CompetitionAccess } from './access.ts';
import { competitionWords } from './catalog.ts';
import { competitionNav } from './navigation.ts';
import { competitionPublicRoutes, competitionRoutes } from './routes.tsx';

/**
 * The trade union's "best technical inspector for labour protection" competition: years,
 * applications with their evidence, the commission's review, results and their public page.
 */
export const ohsCompetition: RuleSet<CompetitionAccess> = {
  id: 'ohs-competition',
  serves: servesCompetition,
  access: competitionAccess,
  nav: competitionNav,
  routes: competitionRoutes(),
  publicRoutes: competitionPublicRoutes(),
  catalog: competitionWords,
};
