import { and, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcProposals } from './violations.table.ts';

export type ProposalRow = typeof pcProposals.$inferSelect;

export const insertProposal = (db: DbOrTx, row: typeof pcProposals.$inferInsert) => db.insert(pcProposals).values(row);

export async function findProposal(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcProposals)
    .where(and(eq(pcProposals.organisationId, organisationId), eq(pcProposals.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const updateProposal = (db: DbOrTx, id: string, set: Partial<typeof pcProposals.$inferInsert>) =>
  db.update(pcProposals).set(set).where(eq(pcProposals.id, id));

/**
 * Proposals with facility, unit and proposer names. `pending` = awaiting the head's decision;
 * `open` = not yet closed (pending, or accepted and not yet resumed/trained); `all`.
 */
export function listProposals(db: DbOrTx, organisationId: string, state: 'pending' | 'open' | 'all', id?: string) {
  const where: SQL | undefined =
    state === 'pending'
      ? eq(pcProposals.status, 'pending')
      : state === 'open'
        ? or(eq(pcProposals.status, 'pending'), and(eq(pcProposals.status, 'accepted'), isNull(pcProposals.closedAt)))
        : undefined;
  return db
    .select({ proposal: pcProposals, facilityName: pcFacilities.name, unitName: pcUnits.name, proposedByName: users.fullName })
    .from(pcProposals)
    .innerJoin(pcFacilities, eq(pcFacilities.id, pcProposals.facilityId))
    .leftJoin(pcUnits, eq(pcUnits.id, pcProposals.unitId))
    .innerJoin(users, eq(users.id, pcProposals.proposedBy))
    .where(and(eq(pcProposals.organisationId, organisationId), where, id ? eq(pcProposals.id, id) : undefined))
    .orderBy(desc(pcProposals.proposedAt), desc(pcProposals.id))
    .limit(500);
}
