import type { RuleSet } from '../kernel/rule-set.ts';
import { DEMO_ORGANISATION, DEMO_USERS } from './demo/demo-data.ts';

/** Order ҚР ДСМ-335/2020 — CCTV in medical organisations: not built yet (README.md here); its demo organisation and head exist. */
export const medicalCctv: RuleSet = {
  id: 'medical-cctv',
  act: 'dsm-335',
  organisationType: 'medical_organisation',
  demo: { organisations: [DEMO_ORGANISATION], users: DEMO_USERS },
};
