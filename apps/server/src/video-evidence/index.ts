import type { RuleSet } from '../kernel/rule-set.ts';
import { DEMO_ORGANISATION, DEMO_USERS } from './demo/demo-data.ts';
import { prepareDemo } from './demo/prepareDemo.ts';
import { seedDemoJournal } from './demo/seedDemoJournal.ts';
import { assignMissingRetention } from './retention/assignMissingRetention.ts';
import { videoEvidenceJobs } from './video-evidence.jobs.ts';
import { videoEvidenceRecords } from './video-evidence.records.ts';
import { videoEvidenceRoutes } from './video-evidence.routes.ts';

/** Order 444: body-worn video recorders of state industrial-safety inspectors (README.md here). */
export const videoEvidence: RuleSet = {
  id: 'video-evidence',
  act: 'order-444',
  organisationType: 'territorial_subdivision',
  routes: videoEvidenceRoutes,
  jobs: videoEvidenceJobs,
  // Recordings stored before retention was tracked get their expiry (R444-12).
  prepare: assignMissingRetention,
  records: videoEvidenceRecords,
  demo: { organisations: [DEMO_ORGANISATION], users: DEMO_USERS, prepare: prepareDemo, seedRecords: seedDemoJournal },
};
