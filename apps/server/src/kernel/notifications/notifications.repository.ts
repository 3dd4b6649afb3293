import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { appointmentActiveOn, appointments } from '../appointments/appointments.table.ts';
import { memberships } from '../users/users.table.ts';
import { notifications } from './notifications.table.ts';

export const insertNotifications = (db: DbOrTx, rows: (typeof notifications.$inferInsert)[]) =>
  rows.length ? db.insert(notifications).values(rows) : Promise.resolve();

export const listNotifications = (db: DbOrTx, userId: string, organisationId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.organisationId, organisationId)))
    .orderBy(desc(notifications.createdAt))
    .limit(100);

export const markNotificationsRead = (db: DbOrTx, userId: string, ids: string[], at: Date) =>
  db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt)));

/** The members holding one of the granted roles. */
export async function holdersOfRoles(db: DbOrTx, organisationId: string, roles: string[]) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, roles)));
  return [...new Set(rows.map((r) => r.userId))];
}

/** The head(s) and the responsible person(s) active on `today`. */
export async function headsAndResponsible(db: DbOrTx, organisationId: string, today: string) {
  const heads = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'head')));
  const responsible = await db
    .select({ userId: appointments.personId })
    .from(appointments)
    .where(and(eq(appointments.organisationId, organisationId), appointmentActiveOn(today)));
  return [...new Set([...heads, ...responsible].map((r) => r.userId))];
}
