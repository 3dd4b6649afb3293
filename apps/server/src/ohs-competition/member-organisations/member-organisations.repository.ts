import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { competitionCoordinators, competitionMemberOrganisations } from './member-organisations.table.ts';

export type MemberOrganisationRow = typeof competitionMemberOrganisations.$inferSelect;

export const insertMemberOrganisation = (db: DbOrTx, row: typeof competitionMemberOrganisations.$inferInsert) =>
  db.insert(competitionMemberOrganisations).values(row);

export const listMemberOrganisations = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(competitionMemberOrganisations)
    .where(eq(competitionMemberOrganisations.organisationId, organisationId))
    .orderBy(asc(competitionMemberOrganisations.nameKk));

export async function findMemberOrganisation(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select()
    .from(competitionMemberOrganisations)
    .where(and(eq(competitionMemberOrganisations.organisationId, organisationId), eq(competitionMemberOrganisations.id, id)));
  return r;
}

export async function findMemberOrganisationByName(db: DbOrTx, organisationId: string, nameKk: string) {
  const [r] = await db
    .select()
    .from(competitionMemberOrganisations)
    .where(and(eq(competitionMemberOrganisations.organisationId, organisationId), eq(competitionMemberOrganisations.nameKk, nameKk)));
  return r;
}

export const listCoordinators = (db: DbOrTx, organisationId: string) =>
  db.select().from(competitionCoordinators).where(eq(competitionCoordinators.organisationId, organisationId));

/** The member organisation a coordinator works for, if any. */
export async function coordinatedBy(db: DbOrTx, organisationId: string, userId: string): Promise<string | undefined> {
  const [r] = await db
    .select({ id: competitionCoordinators.memberOrganisationId })
    .from(competitionCoordinators)
    .where(and(eq(competitionCoordinators.organisationId, organisationId), eq(competitionCoordinators.userId, userId)));
  return r?.id;
}

/** A coordinator works for one member organisation; assigning again moves them. */
export const upsertCoordinator = (db: DbOrTx, row: typeof competitionCoordinators.$inferInsert) =>
  db
    .insert(competitionCoordinators)
    .values(row)
    .onConflictDoUpdate({
      target: [competitionCoordinators.organisationId, competitionCoordinators.userId],
      set: { memberOrganisationId: row.memberOrganisationId, assignedBy: row.assignedBy, assignedAt: row.assignedAt },
    });
