import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { cctvPlaces, cctvProfiles } from './premises.table.ts';

export type PlaceRow = typeof cctvPlaces.$inferSelect;

export async function findProfile(db: DbOrTx, organisationId: string) {
  const [r] = await db.select().from(cctvProfiles).where(eq(cctvProfiles.organisationId, organisationId));
  return r;
}

export const saveProfile = (db: DbOrTx, row: typeof cctvProfiles.$inferInsert) =>
  db
    .insert(cctvProfiles)
    .values(row)
    .onConflictDoUpdate({ target: cctvProfiles.organisationId, set: { careTypes: row.careTypes, updatedAt: row.updatedAt } });

export const insertPlaces = (db: DbOrTx, rows: (typeof cctvPlaces.$inferInsert)[]) =>
  rows.length ? db.insert(cctvPlaces).values(rows) : Promise.resolve();

export async function findPlace(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(cctvPlaces)
    .where(and(eq(cctvPlaces.organisationId, organisationId), eq(cctvPlaces.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const listPlaces = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(cctvPlaces)
    .where(eq(cctvPlaces.organisationId, organisationId))
    .orderBy(asc(cctvPlaces.createdAt), asc(cctvPlaces.name));

export const placesByIds = (db: DbOrTx, organisationId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(cctvPlaces)
        .where(and(eq(cctvPlaces.organisationId, organisationId), inArray(cctvPlaces.id, ids)))
    : Promise.resolve([]);

export const updatePlace = (db: DbOrTx, id: string, set: Partial<typeof cctvPlaces.$inferInsert>) =>
  db.update(cctvPlaces).set(set).where(eq(cctvPlaces.id, id));

export const openChildren = (db: DbOrTx, organisationId: string, parentId: string) =>
  db
    .select({ id: cctvPlaces.id })
    .from(cctvPlaces)
    .where(and(eq(cctvPlaces.organisationId, organisationId), eq(cctvPlaces.parentId, parentId), isNull(cctvPlaces.removedAt)));
