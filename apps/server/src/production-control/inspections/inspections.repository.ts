import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcChecklists } from '../checklists/checklists.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcActs, pcInstructions, pcOrders } from '../instructions/instructions.table.ts';
import { pcScheduleItems, pcSchedules } from '../schedule/schedule.table.ts';
import { pcViolations } from '../violations/violations.table.ts';
import { pcInspectionItems, pcInspections } from './inspections.table.ts';

export type InspectionRow = typeof pcInspections.$inferSelect;
export type InspectionItemRow = typeof pcInspectionItems.$inferSelect;

export async function findFacility(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select()
    .from(pcFacilities)
    .where(and(eq(pcFacilities.organisationId, organisationId), eq(pcFacilities.id, id)));
  return r;
}

export async function findUnit(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select()
    .from(pcUnits)
    .where(and(eq(pcUnits.organisationId, organisationId), eq(pcUnits.id, id)));
  return r;
}

/** A schedule item with its schedule revision's status (only an approved revision's items are inspected). */
export async function findScheduleItem(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select({ item: pcScheduleItems, scheduleStatus: pcSchedules.status })
    .from(pcScheduleItems)
    .innerJoin(pcSchedules, eq(pcSchedules.id, pcScheduleItems.scheduleId))
    .where(and(eq(pcScheduleItems.organisationId, organisationId), eq(pcScheduleItems.id, id)));
  return r;
}

export async function inspectionOfScheduleItem(db: DbOrTx, scheduleItemId: string) {
  const [r] = await db.select({ id: pcInspections.id }).from(pcInspections).where(eq(pcInspections.scheduleItemId, scheduleItemId));
  return r;
}

export async function findChecklist(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select()
    .from(pcChecklists)
    .where(and(eq(pcChecklists.organisationId, organisationId), eq(pcChecklists.id, id)));
  return r;
}

/** R315-14: what the next inspection of the facility (unit) re-checks: every open violation and every one verified eliminated since. */
export const recheckCandidates = (db: DbOrTx, organisationId: string, facilityId: string, unitId: string | null) =>
  db
    .select()
    .from(pcViolations)
    .where(
      and(
        eq(pcViolations.organisationId, organisationId),
        eq(pcViolations.facilityId, facilityId),
        inArray(pcViolations.status, ['open', 'measure_reported', 'verified']),
        unitId ? eq(pcViolations.unitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(pcViolations.foundAt), asc(pcViolations.id));

export const insertInspection = (db: DbOrTx, row: typeof pcInspections.$inferInsert) => db.insert(pcInspections).values(row);
export const insertItems = (db: DbOrTx, rows: (typeof pcInspectionItems.$inferInsert)[]) =>
  rows.length ? db.insert(pcInspectionItems).values(rows) : Promise.resolve();

export async function findInspection(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcInspections)
    .where(and(eq(pcInspections.organisationId, organisationId), eq(pcInspections.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const updateInspection = (db: DbOrTx, id: string, set: Partial<typeof pcInspections.$inferInsert>) =>
  db.update(pcInspections).set(set).where(eq(pcInspections.id, id));

export const itemsOf = (db: DbOrTx, inspectionId: string) =>
  db.select().from(pcInspectionItems).where(eq(pcInspectionItems.inspectionId, inspectionId)).orderBy(asc(pcInspectionItems.position));

export const updateItem = (db: DbOrTx, id: string, set: Partial<typeof pcInspectionItems.$inferInsert>) =>
  db.update(pcInspectionItems).set(set).where(eq(pcInspectionItems.id, id));

export const unansweredCount = async (db: DbOrTx, inspectionId: string) => {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pcInspectionItems)
    .where(and(eq(pcInspectionItems.inspectionId, inspectionId), isNull(pcInspectionItems.outcome)));
  return r?.n ?? 0;
};

/** The organisation's inspections, newest first, with facility, unit and official names for lists. */
export const listInspections = (
  db: DbOrTx,
  organisationId: string,
  f: { id?: string; facilityId?: string; status?: 'in_progress' | 'completed'; limit: number; offset: number },
) =>
  db
    .select({
      inspection: pcInspections,
      facilityName: pcFacilities.name,
      unitName: pcUnits.name,
      officialName: users.fullName,
    })
    .from(pcInspections)
    .innerJoin(pcFacilities, eq(pcFacilities.id, pcInspections.facilityId))
    .leftJoin(pcUnits, eq(pcUnits.id, pcInspections.unitId))
    .innerJoin(users, eq(users.id, pcInspections.officialId))
    .where(
      and(
        eq(pcInspections.organisationId, organisationId),
        f.id ? eq(pcInspections.id, f.id) : undefined,
        f.facilityId ? eq(pcInspections.facilityId, f.facilityId) : undefined,
        f.status ? eq(pcInspections.status, f.status) : undefined,
      ),
    )
    .orderBy(desc(pcInspections.startedAt), desc(pcInspections.id))
    .limit(f.limit)
    .offset(f.offset);

/** Records the head's order; false when the organisation already has an order of that kind with that number. */
export async function insertOrderOnce(db: DbOrTx, row: typeof pcOrders.$inferInsert) {
  const r = await db.insert(pcOrders).values(row).onConflictDoNothing().returning({ id: pcOrders.id });
  return r.length > 0;
}

/** The act issued after the inspection (R315-15) and its instruction, if any (R315-16). */
export async function actOfInspection(db: DbOrTx, inspectionId: string) {
  const [r] = await db
    .select({
      id: pcActs.id,
      number: pcActs.number,
      issuedOn: pcActs.issuedOn,
      instructionId: pcInstructions.id,
      instructionNumber: pcInstructions.number,
    })
    .from(pcActs)
    .leftJoin(pcInstructions, eq(pcInstructions.inspectionId, pcActs.inspectionId))
    .where(eq(pcActs.inspectionId, inspectionId));
  return r ?? null;
}
