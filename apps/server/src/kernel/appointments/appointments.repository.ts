import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../users/users.table.ts';
import { appointments } from './appointments.table.ts';

export type AppointmentRow = typeof appointments.$inferSelect;

export const insertAppointment = (db: DbOrTx, row: typeof appointments.$inferInsert) => db.insert(appointments).values(row);

export async function findAppointment(db: DbOrTx, organisationId: string, id: string) {
  const [a] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.organisationId, organisationId), eq(appointments.id, id)));
  return a;
}

/** Primary appointments whose period overlaps [from, to] (open ends are infinite). */
export async function overlappingPrimary(db: DbOrTx, organisationId: string, from: string, to: string | null) {
  const [row] = await db
    .select({ id: appointments.id, orderNumber: appointments.orderNumber, name: users.fullName })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.personId))
    .where(
      and(
        eq(appointments.organisationId, organisationId),
        eq(appointments.kind, 'primary'),
        sql`(${appointments.validTo} IS NULL OR ${appointments.validTo} >= ${from})`,
        to === null ? sql`TRUE` : sql`${appointments.validFrom} <= ${to}`,
      ),
    )
    .limit(1);
  return row;
}

export const endAppointmentRow = (db: DbOrTx, id: string, validTo: string, endReason: string) =>
  db.update(appointments).set({ validTo, endReason }).where(eq(appointments.id, id));

export const listAppointments = (db: DbOrTx, organisationId: string) =>
  db
    .select({
      id: appointments.id,
      personId: appointments.personId,
      personName: users.fullName,
      kind: appointments.kind,
      orderNumber: appointments.orderNumber,
      orderDate: appointments.orderDate,
      validFrom: appointments.validFrom,
      validTo: appointments.validTo,
      endReason: appointments.endReason,
      appointedBy: appointments.appointedBy,
      createdAt: appointments.createdAt,
    })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.personId))
    .where(eq(appointments.organisationId, organisationId))
    .orderBy(desc(appointments.validFrom), desc(appointments.createdAt));
