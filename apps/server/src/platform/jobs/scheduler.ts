import type { Db } from '../../db/database.ts';
import { enqueueJob } from './queue.ts';

export interface Recurring {
  kind: string;
  everyMs: number;
}

/**
 * Enqueues each recurring job once per time slot. The slot is in the dedupe key,
 * so any number of instances may run this without doubling the work.
 */
export function scheduleRecurring(db: Db, jobs: Recurring[], now = new Date()) {
  return Promise.all(
    jobs.map((j) => {
      const slot = Math.floor(now.getTime() / j.everyMs);
      return enqueueJob(db, j.kind, {}, { dedupeKey: `${j.kind}:${slot}`, runAt: now, maxAttempts: 3 });
    }),
  );
}
