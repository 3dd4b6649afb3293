import type { RuleSet } from '../kernel/rule-set.ts';
import { DEMO_ORGANISATION, DEMO_USERS } from './demo/demo-data.ts';

/** Order 315 — production control at hazardous production facilities: not built yet (README.md here); its demo organisation and head exist. */
export const productionControl: RuleSet = {
  id: 'production-control',
  act: 'order-315',
  organisationType: 'hpf_operator',
  demo: { organisations: [DEMO_ORGANISATION], users: DEMO_USERS },
};
