import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../../kernel/users/users.table.ts';
import { competitionCommissionMembers, competitionCommissions, competitionReviews, competitionStageOneResults } from './judging.table.ts';

export type CommissionRow = typeof competitionCommissions.$inferSelect;
export type CommissionMemberRow = typeof competitionCommissionMembers.$inferSelect;
export type ReviewRow = typeof competitionReviews.$inferSelect;
export type StageOneResultRow = typeof competitionStageOneResults.$inferSelect;

export const insertCommission = (db: DbOrTx, row: typeof competitionCommissions.$inferInsert) =>
  db.insert(competitionCommissions).values(row);

export const listCommissions = (db: DbOrTx, yearId: string) =>
  db.select().from(competitionCommissions).where(eq(competitionCommissions.yearId, yearId)).orderBy(asc(competitionCommissions.createdAt));

export async function findCommission(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select()
    .from(competitionCommissions)
    .where(and(eq(competitionCommissions.organisationId, organisationId), eq(competitionCommissions.id, id)));
  return r;
}

/** The stage II commission of a year, if formed. */
export async function republicanCommission(db: DbOrTx, yearId: string) {
  const [r] = await db
    .select()
    .from(competitionCommissions)
    .where(and(eq(competitionCommissions.yearId, yearId), eq(competitionCommissions.level, 'republican')));
  return r;
}

/** The stage I commission a member organisation formed for a year (point 13), if any. */
export async function regionalCommission(db: DbOrTx, yearId: string, memberOrganisationId: string) {
  const [r] = await db
    .select()
    .from(competitionCommissions)
    .where(
      and(
        eq(competitionCommissions.yearId, yearId),
        eq(competitionCommissions.level, 'regional'),
        eq(competitionCommissions.memberOrganisationId, memberOrganisationId),
      ),
    );
  return r;
}

/** The stage I commissions a user sits on: which member organisation's stage I, in which year. */
export const stageOneSeatsOf = (db: DbOrTx, organisationId: string, userId: string) =>
  db
    .select({ yearId: competitionCommissions.yearId, memberOrganisationId: competitionCommissions.memberOrganisationId })
    .from(competitionCommissionMembers)
    .innerJoin(competitionCommissions, eq(competitionCommissions.id, competitionCommissionMembers.commissionId))
    .where(
      and(
        eq(competitionCommissions.organisationId, organisationId),
        eq(competitionCommissions.level, 'regional'),
        eq(competitionCommissionMembers.userId, userId),
      ),
    );

export const insertCommissionMember = (db: DbOrTx, row: Omit<CommissionMemberRow, 'seq'>) =>
  db.insert(competitionCommissionMembers).values(row);

/** Members of commissions with their names, chair first. */
export const membersOf = (db: DbOrTx, commissionIds: string[]) =>
  commissionIds.length
    ? db
        .select({ member: competitionCommissionMembers, fullName: users.fullName })
        .from(competitionCommissionMembers)
        .innerJoin(users, eq(users.id, competitionCommissionMembers.userId))
        .where(inArray(competitionCommissionMembers.commissionId, commissionIds))
        .orderBy(asc(competitionCommissionMembers.seq))
        .then((rows) => rows.map((r) => ({ ...r.member, fullName: r.fullName })).sort((a, b) => Number(b.chair) - Number(a.chair)))
    : Promise.resolve([]);

export async function findCommissionMember(db: DbOrTx, commissionId: string, userId: string) {
  const [r] = await db
    .select()
    .from(competitionCommissionMembers)
    .where(and(eq(competitionCommissionMembers.commissionId, commissionId), eq(competitionCommissionMembers.userId, userId)));
  return r;
}

export const insertReview = (db: DbOrTx, row: Omit<ReviewRow, 'seq'>) => db.insert(competitionReviews).values(row);

/** Reviews of applications by one commission (the stage's), oldest first, with the member's name. */
export const reviewsOf = (db: DbOrTx, applicationIds: string[], commissionId: string | undefined) =>
  applicationIds.length && commissionId
    ? db
        .select({ review: competitionReviews, memberName: users.fullName })
        .from(competitionReviews)
        .innerJoin(users, eq(users.id, competitionReviews.memberId))
        .where(and(inArray(competitionReviews.applicationId, applicationIds), eq(competitionReviews.commissionId, commissionId)))
        .orderBy(asc(competitionReviews.seq))
        .then((rows) => rows.map((r) => ({ ...r.review, memberName: r.memberName })))
    : Promise.resolve([]);

export const insertStageOneResult = (db: DbOrTx, row: StageOneResultRow) => db.insert(competitionStageOneResults).values(row);

/** The stage I results of a year, oldest first. */
export const stageOneResultsOf = (db: DbOrTx, yearId: string) =>
  db
    .select()
    .from(competitionStageOneResults)
    .where(eq(competitionStageOneResults.yearId, yearId))
    .orderBy(asc(competitionStageOneResults.decidedAt));

/** The stage I result that selected an application, if any. */
export async function stageOneResultOf(db: DbOrTx, applicationId: string) {
  const [r] = await db.select().from(competitionStageOneResults).where(eq(competitionStageOneResults.applicationId, applicationId));
  return r;
}
