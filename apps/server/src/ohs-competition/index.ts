import type { RuleSet } from '../kernel/rule-set.ts';
import { DEMO_ORGANISATION, DEMO_USERS } from './demo/demo-data.ts';

/** The union competition for the best technical inspector for labour protection: not built yet (README.md here); its demo organisation and head exist. */
export const ohsCompetition: RuleSet = {
  id: 'ohs-competition',
  act: 'union-competition',
  organisationType: 'trade_union',
  demo: { organisations: [DEMO_ORGANISATION], users: DEMO_USERS },
};
