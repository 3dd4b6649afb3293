import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { cctvCameras } from './cameras.table.ts';

export type CameraRow = typeof cctvCameras.$inferSelect;

export const insertCamera = (db: DbOrTx, row: typeof cctvCameras.$inferInsert) => db.insert(cctvCameras).values(row);

export async function findCamera(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(cctvCameras)
    .where(and(eq(cctvCameras.organisationId, organisationId), eq(cctvCameras.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findCameraByNumber(db: DbOrTx, organisationId: string, number: string) {
  const [r] = await db
    .select()
    .from(cctvCameras)
    .where(and(eq(cctvCameras.organisationId, organisationId), eq(cctvCameras.number, number)));
  return r;
}

export const listCameras = (db: DbOrTx, organisationId: string) =>
  db.select().from(cctvCameras).where(eq(cctvCameras.organisationId, organisationId)).orderBy(asc(cctvCameras.number));

/** Cameras in service at a place (not removed). */
export const activeCamerasAt = (db: DbOrTx, organisationId: string, placeId: string) =>
  db
    .select()
    .from(cctvCameras)
    .where(and(eq(cctvCameras.organisationId, organisationId), eq(cctvCameras.placeId, placeId), isNull(cctvCameras.removedOn)));

export const updateCamera = (db: DbOrTx, id: string, set: Partial<typeof cctvCameras.$inferInsert>) =>
  db.update(cctvCameras).set(set).where(eq(cctvCameras.id, id));
