import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { sessions } from './sessions.table.ts';

export type SessionRow = typeof sessions.$inferSelect;

export const insertSession = (db: DbOrTx, row: typeof sessions.$inferInsert) => db.insert(sessions).values(row);

export async function findLiveSession(db: DbOrTx, id: string, now: Date) {
  const [s] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return s;
}

export const updateSession = (db: DbOrTx, id: string, set: Partial<typeof sessions.$inferInsert>) =>
  db.update(sessions).set(set).where(eq(sessions.id, id));

export const revokeSession = (db: DbOrTx, id: string, now: Date) => db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));

export const revokeAllSessions = (db: DbOrTx, userId: string, now: Date) =>
  db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });

/** Ends every live session of the user but one (the one that changed the password). */
export const revokeOtherSessions = (db: DbOrTx, userId: string, keepId: string, now: Date) =>
  db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepId)));
