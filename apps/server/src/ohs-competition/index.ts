import type { RuleSet } from '../kernel/rule-set.ts';
import { DEMO_ORGANISATION, DEMO_USERS } from './demo/demo-data.ts';
import { prepareCompetitionDemo } from './demo/prepareCompetitionDemo.ts';
import { seedCompetitionDemo } from './demo/seedCompetitionDemo.ts';
import { ohsCompetitionRecords } from './ohs-competition.records.ts';
import { ohsCompetitionRoutes } from './ohs-competition.routes.ts';

/** The union competition for the best technical inspector for labour protection (README.md here). */
export const ohsCompetition: RuleSet = {
  id: 'ohs-competition',
  act: 'union-competition',
  organisationType: 'trade_union',
  routes: ohsCompetitionRoutes,
  records: ohsCompetitionRecords,
  demo: { organisations: [DEMO_ORGANISATION], users: DEMO_USERS, prepare: prepareCompetitionDemo, seedRecords: seedCompetitionDemo },
};
