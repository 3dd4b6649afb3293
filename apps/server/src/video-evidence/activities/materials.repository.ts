import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../../kernel/users/users.table.ts';
import { activityMaterials } from './materials.table.ts';

export type MaterialRow = typeof activityMaterials.$inferSelect;

export const insertMaterial = (db: DbOrTx, row: typeof activityMaterials.$inferInsert) => db.insert(activityMaterials).values(row);

/** Oldest first (the order they were drawn up), with the uploader's name. */
export const listMaterials = (db: DbOrTx, organisationId: string, activityId: string) =>
  db
    .select({
      id: activityMaterials.id,
      activityId: activityMaterials.activityId,
      title: activityMaterials.title,
      fileName: activityMaterials.fileName,
      sha256: activityMaterials.sha256,
      size: activityMaterials.size,
      uploadedBy: activityMaterials.uploadedBy,
      uploadedByName: users.fullName,
      uploadedAt: activityMaterials.uploadedAt,
    })
    .from(activityMaterials)
    .innerJoin(users, eq(users.id, activityMaterials.uploadedBy))
    .where(and(eq(activityMaterials.organisationId, organisationId), eq(activityMaterials.activityId, activityId)))
    .orderBy(asc(activityMaterials.uploadedAt), asc(activityMaterials.id));

export async function findMaterial(db: DbOrTx, organisationId: string, id: string) {
  const [m] = await db
    .select()
    .from(activityMaterials)
    .where(and(eq(activityMaterials.organisationId, organisationId), eq(activityMaterials.id, id)));
  return m;
}

export const materialsByIds = (db: DbOrTx, organisationId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(activityMaterials)
        .where(and(eq(activityMaterials.organisationId, organisationId), inArray(activityMaterials.id, ids)))
    : Promise.resolve([]);
