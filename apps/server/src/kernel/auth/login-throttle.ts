import { and, eq, inArray, lt, or, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { loginThrottle } from './login-throttle.table.ts';

/**
 * Throttling of password and second-factor guesses (issue 13), in place of an account lock that
 * anyone could trigger against someone else:
 * - by account: the login as typed, known or not, so that known and unknown logins answer alike;
 *   a few free failures, then delays that double up to a minute — a guesser gets one try a minute,
 *   while the owner, whoever else is guessing, waits at most that minute;
 * - by source address: more free failures (an office behind one address), then delays that double
 *   up to an hour — one address spraying many logins is slowed down without touching anyone else.
 * Every attempt is counted as a failure before the password is checked (and given back when it
 * was right), so a burst of parallel requests cannot all slip through before the first failure
 * is written. A quiet day forgets the failures.
 */
export const THROTTLE = {
  account: { free: 5, maxDelaySeconds: 60 },
  address: { free: 10, maxDelaySeconds: 3600 },
  forgetAfterMs: 24 * 3_600_000,
} as const;

export type ThrottleKey = { kind: 'account'; login: string } | { kind: 'address'; ip: string };

const keyOf = (k: ThrottleKey) => (k.kind === 'account' ? `account:${k.login.trim().toLowerCase()}` : `address:${k.ip}`);

/** Seconds to wait after the n-th failure in a row: none while free, then 1, 2, 4 … up to the cap. */
export function delaySeconds(kind: ThrottleKey['kind'], failures: number): number {
  const p = THROTTLE[kind];
  if (failures < p.free) return 0;
  return Math.min(2 ** (failures - p.free), p.maxDelaySeconds);
}

/**
 * Takes one attempt for every key, or refuses with `auth.throttled` (429, the seconds to wait, the
 * same for every login) when any key must still wait. Call `release` once the attempt succeeded.
 */
export async function claimAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<{ release(): Promise<void> }> {
  const named = keys.map((k) => ({ kind: k.kind, key: keyOf(k) })).sort((a, b) => (a.key < b.key ? -1 : 1));
  await db.transaction(async (tx) => {
    await tx
      .insert(loginThrottle)
      .values(named.map((k) => ({ key: k.key, failures: 0, lastFailureAt: now })))
      .onConflictDoNothing();
    // Locked in one order (by key), so two attempts never wait on each other in a circle.
    const rows = await tx
      .select()
      .from(loginThrottle)
      .where(
        inArray(
          loginThrottle.key,
          named.map((k) => k.key),
        ),
      )
      .orderBy(loginThrottle.key)
      .for('update');
    const wait = Math.max(0, ...rows.map((r) => (r.nextAttemptAt ? Math.ceil((r.nextAttemptAt.getTime() - now.getTime()) / 1000) : 0)));
    if (wait > 0) throw new AppError('auth.throttled', { seconds: wait });
    for (const k of named) {
      const row = rows.find((r) => r.key === k.key)!;
      const stale = now.getTime() - row.lastFailureAt.getTime() > THROTTLE.forgetAfterMs;
      const failures = (stale ? 0 : row.failures) + 1;
      const delay = delaySeconds(k.kind, failures);
      await tx
        .update(loginThrottle)
        .set({ failures, lastFailureAt: now, nextAttemptAt: delay ? new Date(now.getTime() + delay * 1000) : null })
        .where(eq(loginThrottle.key, k.key));
    }
  });
  // Keys quiet for a day are forgotten, so that typing many made-up logins does not grow the table for ever.
  const forgotten = new Date(now.getTime() - THROTTLE.forgetAfterMs);
  await db
    .delete(loginThrottle)
    .where(and(lt(loginThrottle.lastFailureAt, forgotten), or(isNull(loginThrottle.nextAttemptAt), lt(loginThrottle.nextAttemptAt, now))));
  return {
    /** The attempt was right: the account starts afresh; the address gets back the one failure it was charged. */
    async release() {
      await db.transaction(async (tx) => {
        for (const k of named) {
          if (k.kind === 'account') await tx.delete(loginThrottle).where(eq(loginThrottle.key, k.key));
          else
            await tx
              .update(loginThrottle)
              .set({
                failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
                nextAttemptAt: sql`CASE WHEN ${loginThrottle.failures} - 1 < ${THROTTLE.address.free} THEN NULL ELSE ${loginThrottle.nextAttemptAt} END`,
              })
              .where(eq(loginThrottle.key, k.key));
        }
      });
    },
  };
}
