import { withoutQueryParams } from '../logging.ts';
import { and, asc, eq, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/database.ts';
import { jobs } from './jobs.table.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface EnqueueOptions {
  organisationId?: string | null;
  dedupeKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** Adds a job; with a dedupe key, enqueuing twice is a no-op (returns false). */
export async function enqueueJob(db: DbOrTx, kind: string, payload: Record<string, unknown>, o: EnqueueOptions = {}) {
  const rows = await db
    .insert(jobs)
    .values({
      kind,
      payload,
      organisationId: o.organisationId ?? null,
      dedupeKey: o.dedupeKey ?? null,
      runAt: o.runAt ?? new Date(),
      maxAttempts: o.maxAttempts ?? 5,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Claims the next ready job with FOR UPDATE SKIP LOCKED, so any number of
 * workers on PostgreSQL never take the same row; a running job whose lease
 * ran out (worker crashed) is claimable again.
 */
export async function claimNextJob(db: Db, workerId: string, leaseMs: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(jobs)
      .where(or(and(eq(jobs.state, 'queued'), lte(jobs.runAt, now)), and(eq(jobs.state, 'running'), lte(jobs.lockedUntil, now))))
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!job) return undefined;
    const [claimed] = await tx
      .update(jobs)
      .set({
        state: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + leaseMs),
      })
      .where(eq(jobs.id, job.id))
      .returning();
    return claimed;
  });
}

/** A long job (a court package of many gigabytes) keeps its claim while it makes progress. */
export async function extendJobLease(db: DbOrTx, id: number, until: Date) {
  await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, id), eq(jobs.state, 'running')));
}

export async function completeJob(db: DbOrTx, id: number, now = new Date()) {
  await db.update(jobs).set({ state: 'done', finishedAt: now, lockedUntil: null, lastError: null }).where(eq(jobs.id, id));
}

/** Retries with exponential back-off; past maxAttempts the job is dead-lettered for a person to look at. */
export async function failJob(db: DbOrTx, job: JobRow, error: unknown, now = new Date()) {
  // Kept for a person to read: a query's parameters (which may be secrets) are not.
  const message = error instanceof Error ? `${error.name}: ${withoutQueryParams(error.message)}` : String(error);
  const dead = job.attempts >= job.maxAttempts;
  const backoffMs = Math.min(2 ** job.attempts * 1000, 15 * 60_000);
  await db
    .update(jobs)
    .set({
      state: dead ? 'dead' : 'queued',
      lastError: message.slice(0, 4000),
      lockedUntil: null,
      runAt: dead ? job.runAt : new Date(now.getTime() + backoffMs),
      finishedAt: dead ? now : null,
    })
    .where(eq(jobs.id, job.id));
  return dead ? 'dead' : 'retry';
}

export function listJobs(db: DbOrTx, state?: JobRow['state']) {
  const q = db.select().from(jobs);
  return (state ? q.where(eq(jobs.state, state)) : q).orderBy(asc(jobs.id));
}
