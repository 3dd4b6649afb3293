import type { RuleSet } from '../kernel/rule-set.ts';
import { DEMO_ORGANISATION, DEMO_USERS } from './demo/demo-data.ts';
import { seedDemoCctv } from './demo/seedDemoCctv.ts';
import { medicalCctvRecords } from './medical-cctv.records.ts';
import { medicalCctvRoutes } from './medical-cctv.routes.ts';

/** Order ҚР ДСМ-335/2020: CCTV in medical organisations (README.md here). */
export const medicalCctv: RuleSet = {
  id: 'medical-cctv',
  act: 'dsm-335',
  organisationType: 'medical_organisation',
  routes: medicalCctvRoutes,
  records: medicalCctvRecords,
  demo: { organisations: [DEMO_ORGANISATION], users: DEMO_USERS, seedRecords: seedDemoCctv },
};
