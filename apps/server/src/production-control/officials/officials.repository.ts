import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcOfficialAppointments } from './officials.table.ts';

export type AppointmentRow = typeof pcOfficialAppointments.$inferSelect;

export const insertAppointment = (db: DbOrTx, row: AppointmentRow) => db.insert(pcOfficialAppointments).values(row);
export const updateAppointment = (db: DbOrTx, id: string, set: Partial<AppointmentRow>) =>
  db.update(pcOfficialAppointments).set(set).where(eq(pcOfficialAppointments.id, id));

export async function findAppointment(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcOfficialAppointments)
    .where(and(eq(pcOfficialAppointments.organisationId, organisationId), eq(pcOfficialAppointments.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

/** The appointment history, newest first; optionally one person's. */
export const listAppointments = (db: DbOrTx, organisationId: string, personId?: string) =>
  db
    .select()
    .from(pcOfficialAppointments)
    .where(
      and(eq(pcOfficialAppointments.organisationId, organisationId), personId ? eq(pcOfficialAppointments.personId, personId) : undefined),
    )
    .orderBy(desc(pcOfficialAppointments.validFrom), desc(pcOfficialAppointments.createdAt));

/** A person's appointments in force on `day` (yyyy-mm-dd): started, and not ended before it. */
export const appointmentsInForce = (db: DbOrTx, organisationId: string, personId: string, day: string) =>
  db
    .select()
    .from(pcOfficialAppointments)
    .where(
      and(
        eq(pcOfficialAppointments.organisationId, organisationId),
        eq(pcOfficialAppointments.personId, personId),
        lte(pcOfficialAppointments.validFrom, day),
        or(isNull(pcOfficialAppointments.validTo), gte(pcOfficialAppointments.validTo, day)),
      ),
    );
