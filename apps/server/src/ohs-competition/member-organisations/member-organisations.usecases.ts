import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { rolesOfUser } from '../../kernel/users/users.repository.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import {
  findMemberOrganisation,
  findMemberOrganisationByName,
  insertMemberOrganisation,
  upsertCoordinator,
} from './member-organisations.repository.ts';

/** Point 10: a member organisation of the union (a region, Astana, Almaty or Shymkent) joins the register. */
export async function addMemberOrganisation(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  input: { nameKk: string; nameRu: string },
) {
  const nameKk = input.nameKk.trim();
  return deps.db.transaction(async (tx) => {
    if (await findMemberOrganisationByName(tx, organisationId, nameKk))
      throw new AppError('competition.member_organisation_exists', { name: nameKk });
    const row = { id: randomUUID(), organisationId, nameKk, nameRu: input.nameRu.trim(), createdAt: deps.now() };
    await insertMemberOrganisation(tx, row);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.member_organisation_added',
      subjectType: 'competition_member_organisation',
      subjectId: row.id,
      payload: { nameKk: row.nameKk, nameRu: row.nameRu },
    });
    return row;
  });
}

/** A user holding the coordinator role prepares applications for one member organisation (assigning again moves them). */
export async function assignCoordinator(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  memberOrganisationId: string,
  userId: string,
) {
  return deps.db.transaction(async (tx) => {
    const member = await findMemberOrganisation(tx, organisationId, memberOrganisationId);
    if (!member) throw new AppError('competition.member_organisation_not_found');
    const roles = (await rolesOfUser(tx, userId, dateInZone(deps.now()))).get(organisationId);
    if (!roles?.has('member_coordinator')) throw new AppError('competition.role_missing', { role: 'member_coordinator' });
    await upsertCoordinator(tx, { organisationId, userId, memberOrganisationId, assignedBy: actor.id, assignedAt: deps.now() });
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.coordinator_assigned',
      subjectType: 'competition_member_organisation',
      subjectId: memberOrganisationId,
      payload: { userId },
    });
    return { memberOrganisationId, userId };
  });
}
