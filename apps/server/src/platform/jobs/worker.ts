import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { claimNextJob, completeJob, failJob, type JobRow } from './queue.ts';

export type JobHandler = (job: JobRow) => Promise<void>;

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  pollMs?: number;
  leaseMs?: number;
  log?: { error(obj: unknown, msg?: string): void };
}

/** One polling worker. Handlers must be idempotent: a job can run again after a crash. */
export function createWorker(db: Db, o: WorkerOptions) {
  const id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = o.pollMs ?? 1000;
  const leaseMs = o.leaseMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  /** Runs jobs until none is ready; returns how many ran. */
  async function drain(now?: () => Date): Promise<number> {
    let n = 0;
    for (;;) {
      const job = await claimNextJob(db, id, leaseMs, now?.());
      if (!job) return n;
      n++;
      const handler = o.handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job);
        await completeJob(db, job.id);
      } catch (e) {
        o.log?.error({ err: e, jobId: job.id, kind: job.kind }, 'job failed');
        await failJob(db, job, e, now?.());
      }
    }
  }

  function tick() {
    if (stopped) return;
    running = drain()
      .catch((e) => o.log?.error({ err: e }, 'worker poll failed'))
      .then(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  }

  return {
    id,
    drain,
    start() {
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
