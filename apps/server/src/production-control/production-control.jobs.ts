import type { RuleSet } from '../kernel/rule-set.ts';
import type { AppDeps } from '../platform/deps.ts';
import { remindDueInspections } from './schedule/remindDueInspections.ts';

const HOUR = 3_600_000;

/** Order 315's background work: reminders of planned inspections (R315-7). */
export const productionControlJobs: NonNullable<RuleSet['jobs']> = (deps: AppDeps) => ({
  handlers: {
    'pc.schedule.remind': async () => {
      await remindDueInspections(deps);
    },
  },
  recurring: [{ kind: 'pc.schedule.remind', everyMs: 6 * HOUR }],
});
