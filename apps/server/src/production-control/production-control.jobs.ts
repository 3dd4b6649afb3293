import type { RuleSet } from '../kernel/rule-set.ts';
import type { AppDeps } from '../platform/deps.ts';
import { remindDueInspections } from './schedule/remindDueInspections.ts';
import { remindDueExaminations } from './technical-devices/remindDueExaminations.ts';
import { checkTrainingExpiry } from './training/training-expiry.ts';
import { remindOverdueAcknowledgements } from './notices/remindAcknowledgements.ts';

const HOUR = 3_600_000;

/** Order 315's background work: reminders of planned inspections (R315-7), examinations falling due and training running out (R315-4, R315-6), overdue acknowledgements of notices (R315-4, R315-20). */
export const productionControlJobs: NonNullable<RuleSet['jobs']> = (deps: AppDeps) => ({
  handlers: {
    'pc.schedule.remind': async () => {
      await remindDueInspections(deps);
    },
    // R315-6: examinations falling due (30 days, 7 days, overdue), once each: checked at least daily, a rerun sends nothing twice.
    'pc.examinations.remind': async () => {
      await remindDueExaminations(deps);
    },
    // R315-4: training running out (reminder 30 days ahead) and lapsed (removal proposed to the head).
    'pc.training.expiry': async () => {
      await checkTrainingExpiry(deps);
    },
    'pc.notices.remind': async () => {
      await remindOverdueAcknowledgements(deps);
    },
  },
  recurring: [
    { kind: 'pc.schedule.remind', everyMs: 6 * HOUR },
    { kind: 'pc.examinations.remind', everyMs: 6 * HOUR },
    { kind: 'pc.training.expiry', everyMs: 24 * HOUR },
    { kind: 'pc.notices.remind', everyMs: 6 * HOUR },
  ],
});
