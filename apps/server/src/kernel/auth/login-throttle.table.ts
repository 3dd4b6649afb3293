import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-in attempts by account (the login as typed, whether or not it exists) and by source
 * address. Kept in the database, not in memory, so that every server instance sees the same counts.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    /** `account:<login>` or `address:<ip>`. */
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** No attempt with this key is checked before then. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('login_throttle_last_failure').on(t.lastFailureAt)],
);
