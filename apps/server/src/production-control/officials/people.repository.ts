import { and, asc, eq, inArray } from 'drizzle-orm';
import type { OrgRole } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { memberships, users } from '../../kernel/users/users.table.ts';

/** The roles a person holds in the organisation (granted memberships). */
export async function rolesInOrganisation(db: DbOrTx, organisationId: string, userId: string): Promise<Set<OrgRole>> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return new Set(rows.map((r) => r.role as OrgRole));
}

/** The organisation's people who take part in production control, with their roles (for pickers and names). */
export async function listPcPeople(db: DbOrTx, organisationId: string, roles: readonly OrgRole[]) {
  const rows = await db
    .select({ id: users.id, fullName: users.fullName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, [...roles])))
    .orderBy(asc(users.fullName));
  const byId = new Map<string, { id: string; fullName: string; roles: OrgRole[] }>();
  for (const r of rows)
    (byId.get(r.id) ?? byId.set(r.id, { id: r.id, fullName: r.fullName, roles: [] }).get(r.id)!).roles.push(r.role as OrgRole);
  return [...byId.values()];
}

/** Full names by id (for lists and prints). */
export async function namesByIds(db: DbOrTx, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, unique))
    : [];
  return new Map(rows.map((r) => [r.id, r.fullName]));
}
