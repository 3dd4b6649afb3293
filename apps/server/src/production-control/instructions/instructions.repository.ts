import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { memberships, users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcInspections } from '../inspections/inspections.table.ts';
import { pcAttachments, pcViolationEvents, pcViolations } from '../violations/violations.table.ts';
import { pcActs, pcInstructionItems, pcInstructions, pcOrders } from './instructions.table.ts';

export type ActRow = typeof pcActs.$inferSelect;
export type InstructionRow = typeof pcInstructions.$inferSelect;
export type ItemRow = typeof pcInstructionItems.$inferSelect;
export type OrderRow = typeof pcOrders.$inferSelect;
export type ViolationRow = typeof pcViolations.$inferSelect;
export type AttachmentRow = typeof pcAttachments.$inferSelect;

const one = async <T>(q: Promise<T[]>) => (await q)[0];

export const findInspection = (db: DbOrTx, organisationId: string, id: string) =>
  one(
    db
      .select()
      .from(pcInspections)
      .where(and(eq(pcInspections.organisationId, organisationId), eq(pcInspections.id, id))),
  );

export const findUnit = (db: DbOrTx, organisationId: string, id: string) =>
  one(
    db
      .select()
      .from(pcUnits)
      .where(and(eq(pcUnits.organisationId, organisationId), eq(pcUnits.id, id))),
  );

export const findFacility = (db: DbOrTx, organisationId: string, id: string) =>
  one(
    db
      .select()
      .from(pcFacilities)
      .where(and(eq(pcFacilities.organisationId, organisationId), eq(pcFacilities.id, id))),
  );

export const violationsOfInspection = (db: DbOrTx, inspectionId: string) =>
  db.select().from(pcViolations).where(eq(pcViolations.inspectionId, inspectionId)).orderBy(asc(pcViolations.foundAt));

export const violationsByIds = (db: DbOrTx, organisationId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(pcViolations)
        .where(and(eq(pcViolations.organisationId, organisationId), inArray(pcViolations.id, ids)))
    : Promise.resolve([] as ViolationRow[]);

export const itemsOfViolations = (db: DbOrTx, violationIds: string[]) =>
  violationIds.length
    ? db.select().from(pcInstructionItems).where(inArray(pcInstructionItems.violationId, violationIds))
    : Promise.resolve([] as ItemRow[]);

/** The roles a user holds in the organisation. */
export async function rolesIn(db: DbOrTx, organisationId: string, userId: string) {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return new Set(rows.map((r) => r.role));
}

/** Members holding one of the roles, among `userIds`. */
export async function membersWithRoles(db: DbOrTx, organisationId: string, userIds: string[], roles: string[]) {
  if (!userIds.length) return new Set<string>();
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, userIds), inArray(memberships.role, roles)));
  return new Set(rows.map((r) => r.userId));
}

export async function namesOf(db: DbOrTx, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** How many numbers of the form `<prefix>-<year>/NNN` the organisation used this year (acts and instructions are numbered per year). */
export async function countNumbered(db: DbOrTx, table: 'acts' | 'instructions', organisationId: string, prefix: string) {
  const t = table === 'acts' ? pcActs : pcInstructions;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.organisationId, organisationId), like(t.number, `${prefix}%`)));
  return r?.n ?? 0;
}

export const insertAct = (db: DbOrTx, row: typeof pcActs.$inferInsert) => db.insert(pcActs).values(row);
export const insertInstruction = (db: DbOrTx, row: typeof pcInstructions.$inferInsert) => db.insert(pcInstructions).values(row);
export const insertItems = (db: DbOrTx, rows: (typeof pcInstructionItems.$inferInsert)[]) =>
  rows.length ? db.insert(pcInstructionItems).values(rows) : Promise.resolve();
export const insertOrder = (db: DbOrTx, row: typeof pcOrders.$inferInsert) => db.insert(pcOrders).values(row);

export const findAct = (db: DbOrTx, organisationId: string, id: string) =>
  one(
    db
      .select()
      .from(pcActs)
      .where(and(eq(pcActs.organisationId, organisationId), eq(pcActs.id, id))),
  );
export const actOfInspection = (db: DbOrTx, inspectionId: string) =>
  one(db.select().from(pcActs).where(eq(pcActs.inspectionId, inspectionId)));
export const instructionOfInspection = (db: DbOrTx, inspectionId: string) =>
  one(db.select().from(pcInstructions).where(eq(pcInstructions.inspectionId, inspectionId)));

export async function findInstruction(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcInstructions)
    .where(and(eq(pcInstructions.organisationId, organisationId), eq(pcInstructions.id, id)));
  return (forUpdate ? await q.for('update') : await q)[0];
}

export const updateInstruction = (db: DbOrTx, id: string, set: Partial<typeof pcInstructions.$inferInsert>) =>
  db.update(pcInstructions).set(set).where(eq(pcInstructions.id, id));

export const itemsOfInstruction = (db: DbOrTx, instructionId: string) =>
  db.select().from(pcInstructionItems).where(eq(pcInstructionItems.instructionId, instructionId)).orderBy(asc(pcInstructionItems.position));

export const updateItem = (db: DbOrTx, id: string, set: Partial<typeof pcInstructionItems.$inferInsert>) =>
  db.update(pcInstructionItems).set(set).where(eq(pcInstructionItems.id, id));

export const findOrder = (db: DbOrTx, organisationId: string, id: string) =>
  one(
    db
      .select()
      .from(pcOrders)
      .where(and(eq(pcOrders.organisationId, organisationId), eq(pcOrders.id, id))),
  );
export const findOrderByNumber = (db: DbOrTx, organisationId: string, kind: OrderRow['kind'], number: string) =>
  one(
    db
      .select()
      .from(pcOrders)
      .where(and(eq(pcOrders.organisationId, organisationId), eq(pcOrders.kind, kind), eq(pcOrders.number, number))),
  );
export const ordersByIds = (db: DbOrTx, ids: string[]) =>
  ids.length ? db.select().from(pcOrders).where(inArray(pcOrders.id, ids)) : Promise.resolve([] as OrderRow[]);

export const updateViolation = (db: DbOrTx, id: string, set: Partial<typeof pcViolations.$inferInsert>) =>
  db.update(pcViolations).set(set).where(eq(pcViolations.id, id));
export const insertViolationEvent = (db: DbOrTx, row: typeof pcViolationEvents.$inferInsert) => db.insert(pcViolationEvents).values(row);
export const eventsOfViolations = (db: DbOrTx, ids: string[]) =>
  ids.length
    ? db.select().from(pcViolationEvents).where(inArray(pcViolationEvents.violationId, ids)).orderBy(asc(pcViolationEvents.at))
    : Promise.resolve([] as (typeof pcViolationEvents.$inferSelect)[]);

export const insertAttachment = (db: DbOrTx, row: typeof pcAttachments.$inferInsert) => db.insert(pcAttachments).values(row);
export const reportAttachmentsOf = (db: DbOrTx, violationIds: string[]) =>
  violationIds.length
    ? db
        .select()
        .from(pcAttachments)
        .where(and(inArray(pcAttachments.violationId, violationIds), eq(pcAttachments.purpose, 'measure_report')))
        .orderBy(asc(pcAttachments.uploadedAt))
    : Promise.resolve([] as AttachmentRow[]);

/** Instructions of the organisation, newest first, with what the list filters on. */
export function listInstructions(db: DbOrTx, organisationId: string, f: { status?: InstructionRow['status']; unitId?: string }) {
  return db
    .select()
    .from(pcInstructions)
    .where(
      and(
        eq(pcInstructions.organisationId, organisationId),
        f.status ? eq(pcInstructions.status, f.status) : undefined,
        f.unitId ? eq(pcInstructions.unitId, f.unitId) : undefined,
      ),
    )
    .orderBy(desc(pcInstructions.issuedOn), desc(pcInstructions.number))
    .limit(500);
}

/** Items with their violations for a set of instructions (list counts, overdue flags, the monthly check). */
export const itemsWithViolations = (db: DbOrTx, instructionIds: string[]) =>
  instructionIds.length
    ? db
        .select({ item: pcInstructionItems, violation: pcViolations })
        .from(pcInstructionItems)
        .innerJoin(pcViolations, eq(pcViolations.id, pcInstructionItems.violationId))
        .where(inArray(pcInstructionItems.instructionId, instructionIds))
        .orderBy(asc(pcInstructionItems.position))
    : Promise.resolve([]);

/** Items a user performs, or answers for as the unit head, of instructions in force. */
export const itemsOfPerson = (db: DbOrTx, organisationId: string, userId: string) =>
  db
    .select({ item: pcInstructionItems, violation: pcViolations, instruction: pcInstructions })
    .from(pcInstructionItems)
    .innerJoin(pcInstructions, eq(pcInstructions.id, pcInstructionItems.instructionId))
    .innerJoin(pcViolations, eq(pcViolations.id, pcInstructionItems.violationId))
    .where(
      and(
        eq(pcInstructionItems.organisationId, organisationId),
        eq(pcInstructions.status, 'issued'),
        sql`(${pcInstructionItems.performerId} = ${userId} OR ${pcInstructions.unitHeadId} = ${userId})`,
      ),
    )
    .orderBy(asc(pcInstructionItems.deadline));
