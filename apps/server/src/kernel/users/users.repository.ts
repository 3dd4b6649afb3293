import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { OrgRole } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { appointmentActiveOn, appointments } from '../appointments/appointments.table.ts';
import { memberships, users } from './users.table.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByLogin(db: DbOrTx, login: string) {
  const [u] = await db.select().from(users).where(eq(users.login, login.toLowerCase()));
  return u;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

export const insertUser = (db: DbOrTx, row: typeof users.$inferInsert) => db.insert(users).values(row);

export const updateUser = (db: DbOrTx, id: string, set: Partial<typeof users.$inferInsert>) =>
  db.update(users).set(set).where(eq(users.id, id));

/** Marks a TOTP time step used, if it is later than the last one; false when it is not (a replay). */
export async function takeTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const taken = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return taken.length === 1;
}

export const insertMembership = (db: DbOrTx, row: typeof memberships.$inferInsert) =>
  db.insert(memberships).values(row).onConflictDoNothing();

export const deleteMembership = (db: DbOrTx, userId: string, organisationId: string, role: string) =>
  db
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(memberships.role, role)))
    .returning();

/** Granted roles plus `responsible` for every appointment active on `today` (yyyy-mm-dd, organisation zone). */
export async function rolesOfUser(db: DbOrTx, userId: string, today: string) {
  const granted = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const appointed = await db
    .select({ organisationId: appointments.organisationId })
    .from(appointments)
    .where(and(eq(appointments.personId, userId), appointmentActiveOn(today)));
  const roles = new Map<string, Set<OrgRole>>();
  const add = (org: string, role: OrgRole) => (roles.get(org) ?? roles.set(org, new Set()).get(org)!).add(role);
  for (const g of granted) add(g.organisationId, g.role as OrgRole);
  for (const a of appointed) add(a.organisationId, 'responsible');
  return roles;
}

export async function listMembers(db: DbOrTx, organisationId: string) {
  const rows = await db
    .select({
      id: users.id,
      login: users.login,
      fullName: users.fullName,
      email: users.email,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
      disabled: sql<boolean>`${users.disabledAt} IS NOT NULL`,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.fullName));
  const byUser = new Map<string, Omit<(typeof rows)[number], 'role'> & { roles: string[] }>();
  for (const { role, ...u } of rows) (byUser.get(u.id) ?? byUser.set(u.id, { ...u, roles: [] }).get(u.id)!).roles.push(role);
  return [...byUser.values()];
}

export const listUsers = (db: DbOrTx) =>
  db
    .select({
      id: users.id,
      login: users.login,
      fullName: users.fullName,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
    })
    .from(users)
    .orderBy(asc(users.fullName));

export const usersByIds = (db: DbOrTx, ids: string[]) =>
  ids.length ? db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids)) : Promise.resolve([]);
