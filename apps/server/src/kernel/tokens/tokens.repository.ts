import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { apiTokens } from './tokens.table.ts';

export async function findApiTokenBySecret(db: DbOrTx, secretHash: string) {
  const [t] = await db.select().from(apiTokens).where(eq(apiTokens.secretHash, secretHash));
  return t;
}

export const touchApiToken = (db: DbOrTx, id: string, now: Date) =>
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));

export const insertApiToken = (db: DbOrTx, row: typeof apiTokens.$inferInsert) => db.insert(apiTokens).values(row);

export const listApiTokens = (db: DbOrTx, organisationId: string) =>
  db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt));

export const revokeApiToken = (db: DbOrTx, organisationId: string, id: string, now: Date) =>
  db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.organisationId, organisationId)))
    .returning({ id: apiTokens.id });
