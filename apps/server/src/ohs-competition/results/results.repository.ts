import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../../kernel/users/users.table.ts';
import { competitionYears } from '../years/years.table.ts';
import { competitionProtocolSignatures, competitionPublications, competitionTieDecisions } from './results.table.ts';

export type TieDecisionRow = typeof competitionTieDecisions.$inferSelect;
export type PublicationRow = typeof competitionPublications.$inferSelect;

export const insertTieDecision = (db: DbOrTx, row: TieDecisionRow) => db.insert(competitionTieDecisions).values(row);

/** Tie decisions of a year, oldest first (a later decision on the same tie replaces an earlier one). */
export const tieDecisionsOf = (db: DbOrTx, yearId: string) =>
  db
    .select()
    .from(competitionTieDecisions)
    .where(eq(competitionTieDecisions.yearId, yearId))
    .orderBy(asc(competitionTieDecisions.decidedAt));

export const insertSignature = (db: DbOrTx, row: typeof competitionProtocolSignatures.$inferInsert) =>
  db.insert(competitionProtocolSignatures).values(row).onConflictDoNothing();

export const signaturesOf = (db: DbOrTx, yearId: string) =>
  db
    .select({ signature: competitionProtocolSignatures, fullName: users.fullName })
    .from(competitionProtocolSignatures)
    .innerJoin(users, eq(users.id, competitionProtocolSignatures.userId))
    .where(eq(competitionProtocolSignatures.yearId, yearId))
    .orderBy(asc(competitionProtocolSignatures.signedAt))
    .then((rows) => rows.map((r) => ({ ...r.signature, fullName: r.fullName })));

export const insertPublication = (db: DbOrTx, row: PublicationRow) => db.insert(competitionPublications).values(row);

export async function findPublication(db: DbOrTx, yearId: string) {
  const [r] = await db.select().from(competitionPublications).where(eq(competitionPublications.yearId, yearId));
  return r;
}

/** Published years of an organisation, newest first, with their publication. */
export const publishedYears = (db: DbOrTx, organisationId: string) =>
  db
    .select({ year: competitionYears, publication: competitionPublications })
    .from(competitionPublications)
    .innerJoin(competitionYears, eq(competitionYears.id, competitionPublications.yearId))
    .where(and(eq(competitionPublications.organisationId, organisationId)))
    .orderBy(desc(competitionYears.reportingYear));
