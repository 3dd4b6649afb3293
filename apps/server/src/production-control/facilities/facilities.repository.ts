import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcFacilities, pcUnits } from './facilities.table.ts';

export type FacilityRow = typeof pcFacilities.$inferSelect;
export type UnitRow = typeof pcUnits.$inferSelect;

export const insertFacility = (db: DbOrTx, row: FacilityRow) => db.insert(pcFacilities).values(row);
export const updateFacility = (db: DbOrTx, id: string, set: Partial<FacilityRow>) =>
  db.update(pcFacilities).set(set).where(eq(pcFacilities.id, id));

export async function findFacility(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcFacilities)
    .where(and(eq(pcFacilities.organisationId, organisationId), eq(pcFacilities.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findFacilityByRegistration(db: DbOrTx, organisationId: string, registrationNumber: string) {
  const [r] = await db
    .select({ id: pcFacilities.id })
    .from(pcFacilities)
    .where(and(eq(pcFacilities.organisationId, organisationId), eq(pcFacilities.registrationNumber, registrationNumber)));
  return r;
}

export const listFacilities = (db: DbOrTx, organisationId: string) =>
  db.select().from(pcFacilities).where(eq(pcFacilities.organisationId, organisationId)).orderBy(asc(pcFacilities.name));

export const facilitiesByIds = (db: DbOrTx, organisationId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(pcFacilities)
        .where(and(eq(pcFacilities.organisationId, organisationId), inArray(pcFacilities.id, ids)))
    : Promise.resolve([]);

export const insertUnit = (db: DbOrTx, row: UnitRow) => db.insert(pcUnits).values(row);
export const updateUnit = (db: DbOrTx, id: string, set: Partial<UnitRow>) => db.update(pcUnits).set(set).where(eq(pcUnits.id, id));

export async function findUnit(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select()
    .from(pcUnits)
    .where(and(eq(pcUnits.organisationId, organisationId), eq(pcUnits.id, id)));
  return r;
}

export async function findUnitByName(db: DbOrTx, facilityId: string, name: string) {
  const [r] = await db
    .select({ id: pcUnits.id })
    .from(pcUnits)
    .where(and(eq(pcUnits.facilityId, facilityId), eq(pcUnits.name, name)));
  return r;
}

export const listUnits = (db: DbOrTx, organisationId: string, facilityId?: string) =>
  db
    .select()
    .from(pcUnits)
    .where(and(eq(pcUnits.organisationId, organisationId), facilityId ? eq(pcUnits.facilityId, facilityId) : undefined))
    .orderBy(asc(pcUnits.name));

export const unitsByIds = (db: DbOrTx, organisationId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(pcUnits)
        .where(and(eq(pcUnits.organisationId, organisationId), inArray(pcUnits.id, ids)))
    : Promise.resolve([]);
