import type { RuleSet } from '../kernel/rule-set.ts';
import { DEMO_ORGANISATION, DEMO_USERS } from './demo/demo-data.ts';
import { seedDemoPc } from './demo/seedDemoPc.ts';
import { productionControlJobs } from './production-control.jobs.ts';
import { productionControlRecords } from './production-control.records.ts';
import { productionControlRoutes } from './production-control.routes.ts';

/** Order 315 — production control at hazardous production facilities (README.md here). */
export const productionControl: RuleSet = {
  id: 'production-control',
  act: 'order-315',
  organisationType: 'hpf_operator',
  routes: productionControlRoutes,
  jobs: productionControlJobs,
  records: productionControlRecords,
  demo: { organisations: [DEMO_ORGANISATION], users: DEMO_USERS, seedRecords: seedDemoPc },
};
