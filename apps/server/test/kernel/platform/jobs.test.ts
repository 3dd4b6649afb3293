import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob, listJobs } from '../../../src/platform/jobs/queue.ts';
import { createWorker } from '../../../src/platform/jobs/worker.ts';
import { buildWorker } from '../../../src/composition/runtime.ts';
import { appendLedgerEntry } from '../../../src/platform/ledger/appendLedgerEntry.ts';
import { listCheckpoints } from '../../../src/platform/ledger/ledger.repository.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('database job queue', () => {
  it('runs a job once even when enqueued twice with the same key', async () => {
    const seen: unknown[] = [];
    expect(await enqueueJob(ctx.deps.db, 'probe', { n: 1 }, { dedupeKey: 'probe:1' })).toBe(true);
    expect(await enqueueJob(ctx.deps.db, 'probe', { n: 1 }, { dedupeKey: 'probe:1' })).toBe(false);
    const w = createWorker(ctx.deps.db, { handlers: { probe: async (j) => void seen.push(j.payload) } });
    expect(await w.drain()).toBe(1);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('retries with back-off, then dead-letters after maxAttempts', async () => {
    let calls = 0;
    await enqueueJob(ctx.deps.db, 'flaky', {}, { maxAttempts: 3 });
    const w = createWorker(ctx.deps.db, {
      handlers: {
        flaky: async () =>
          void (
            calls++,
            (() => {
              throw new Error('диск толы');
            })()
          ),
      },
    });
    let t = Date.now();
    for (let i = 0; i < 3; i++) {
      await w.drain(() => new Date(t));
      t += 60_000; // past the back-off
    }
    expect(calls).toBe(3);
    const [job] = await listJobs(ctx.deps.db, 'dead');
    expect(job).toMatchObject({ kind: 'flaky', attempts: 3, state: 'dead' });
    expect(job!.lastError).toContain('диск толы');
  });

  it('two workers never take the same job (FOR UPDATE SKIP LOCKED)', async () => {
    for (let i = 0; i < 20; i++) await enqueueJob(ctx.deps.db, 'count', { i });
    const done: number[] = [];
    const handler = async (j: { payload: unknown }) => void done.push((j.payload as { i: number }).i);
    const a = createWorker(ctx.deps.db, { handlers: { count: handler } });
    const b = createWorker(ctx.deps.db, { handlers: { count: handler } });
    await Promise.all([a.drain(), b.drain()]);
    expect(done.sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
  });

  it('the scheduled checkpoint job signs every chain head', async () => {
    const org = 'abababab-abab-4bab-8bab-abababababab';
    await appendLedgerEntry(
      ctx.deps.db,
      { organisationId: org, actor: { kind: 'system', id: null }, action: 'test', subjectType: 't', subjectId: null, payload: {} },
      ctx.clock.now,
    );
    const jobs = buildWorker(ctx.deps);
    await jobs.start();
    await jobs.stop();
    await jobs.worker.drain();
    expect((await listCheckpoints(ctx.deps.db, org)).map((c) => c.seq)).toEqual([1]);
  });
});
