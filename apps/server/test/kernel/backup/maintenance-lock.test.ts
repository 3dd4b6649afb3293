import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStoreMaintenanceLock } from '../../../src/platform/storage/maintenance-lock.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('R444-13 the store maintenance lock (backup copy vs retention purge)', () => {
  it('a second holder waits until the first is done, and is told it waits', async () => {
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((r) => (releaseFirst = r));
    let firstIn!: () => void;
    const entered = new Promise<void>((r) => (firstIn = r));
    const first = withStoreMaintenanceLock(ctx.deps, async () => {
      events.push('backup copies');
      firstIn();
      await firstHolds;
      events.push('backup done');
    });
    await entered;
    const second = withStoreMaintenanceLock(
      ctx.deps,
      async () => {
        events.push('purge deletes');
      },
      () => events.push('purge waits'),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(events).not.toContain('purge deletes');
    releaseFirst();
    await Promise.all([first, second]);
    // On PostgreSQL the waiter learns it waits (advisory lock taken); in one PGlite process it simply queues.
    expect(events.filter((e) => e !== 'purge waits')).toEqual(['backup copies', 'backup done', 'purge deletes']);
    if (ctx.deps.engine === 'postgresql') expect(events).toContain('purge waits');
  });

  it('a failing holder releases the lock', async () => {
    await expect(
      withStoreMaintenanceLock(ctx.deps, async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await expect(withStoreMaintenanceLock(ctx.deps, async () => 'ran')).resolves.toBe('ran');
  });
});
