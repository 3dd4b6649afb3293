import type { RuleSet } from '../kernel/rule-set.ts';
import type { AppDeps } from '../platform/deps.ts';
import { remindDueInspections } from './schedule/remindDueInspections.ts';
import { remindOverdueAcknowledgements } from './notices/remindAcknowledgements.ts';

const HOUR = 3_600_000;

/** Order 315's background work: reminders of planned inspections (R315-7) and of overdue acknowledgements of notices (R315-4, R315-20). */
export const productionControlJobs: NonNullable<RuleSet['jobs']> = (deps: AppDeps) => ({
  handlers: {
    'pc.schedule.remind': async () => {
      await remindDueInspections(deps);
    },
    'pc.notices.remind': async () => {
      await remindOverdueAcknowledgements(deps);
    },
  },
  recurring: [
    { kind: 'pc.schedule.remind', everyMs: 6 * HOUR },
    { kind: 'pc.notices.remind', everyMs: 6 * HOUR },
  ],
});
