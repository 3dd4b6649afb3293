import { randomUUID } from 'node:crypto';
import type { CommissionLevel } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { rolesOfUser } from '../../kernel/users/users.repository.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { findMemberOrganisation } from '../member-organisations/member-organisations.repository.ts';
import { assertNotPublished, yearOrThrow } from '../years/years.usecases.ts';
import {
  findCommission,
  findCommissionMember,
  insertCommission,
  insertCommissionMember,
  listCommissions,
  membersOf,
} from './judging.repository.ts';

/**
 * RC-12: a commission is formed for a year — a member organisation's (regional, point 13) or the
 * republican one (point 14), one of each per year — by the decision named in `formedBy`.
 */
export async function formCommission(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  yearId: string,
  input: { level: CommissionLevel; memberOrganisationId?: string; formedBy: string },
) {
  if ((input.level === 'regional') !== Boolean(input.memberOrganisationId))
    throw new AppError('competition.commission_member_organisation_required', { level: input.level });
  return deps.db.transaction(async (tx) => {
    const year = await yearOrThrow(deps, organisationId, yearId, true, tx);
    assertNotPublished(year);
    if (input.memberOrganisationId && !(await findMemberOrganisation(tx, organisationId, input.memberOrganisationId)))
      throw new AppError('competition.member_organisation_not_found');
    const exists = (await listCommissions(tx, yearId)).some(
      (c) => c.level === input.level && c.memberOrganisationId === (input.memberOrganisationId ?? null),
    );
    if (exists) throw new AppError('competition.commission_exists', { level: input.level });
    const row = {
      id: randomUUID(),
      organisationId,
      yearId,
      level: input.level,
      memberOrganisationId: input.memberOrganisationId ?? null,
      formedBy: input.formedBy.trim(),
      createdBy: actor.id,
      createdAt: deps.now(),
    };
    const [saved] = await insertCommission(tx, row).returning();
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.commission_formed',
      subjectType: 'competition_commission',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined },
    });
    return saved!;
  });
}

/**
 * A user holding the commission member role joins a commission; their own member organisation is
 * kept for recusal (on a stage I commission, the commission's own unless said otherwise).
 */
export async function addCommissionMember(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  commissionId: string,
  input: { userId: string; memberOrganisationId?: string; chair?: boolean },
) {
  return deps.db.transaction(async (tx) => {
    const commission = await findCommission(tx, organisationId, commissionId);
    if (!commission) throw new AppError('competition.commission_not_found');
    assertNotPublished(await yearOrThrow(deps, organisationId, commission.yearId, true, tx));
    const roles = (await rolesOfUser(tx, input.userId, dateInZone(deps.now()))).get(organisationId);
    if (!roles?.has('commission_member')) throw new AppError('competition.role_missing', { role: 'commission_member' });
    if (input.memberOrganisationId && !(await findMemberOrganisation(tx, organisationId, input.memberOrganisationId)))
      throw new AppError('competition.member_organisation_not_found');
    if (await findCommissionMember(tx, commissionId, input.userId)) throw new AppError('competition.already_commission_member');
    if (input.chair && (await membersOf(tx, [commissionId])).some((m) => m.chair)) throw new AppError('competition.chair_exists');
    const row = {
      commissionId,
      userId: input.userId,
      memberOrganisationId: input.memberOrganisationId ?? commission.memberOrganisationId ?? null,
      chair: input.chair ?? false,
      addedBy: actor.id,
      addedAt: deps.now(),
    };
    await insertCommissionMember(tx, row);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.commission_member_added',
      subjectType: 'competition_commission',
      subjectId: commissionId,
      payload: { userId: row.userId, memberOrganisationId: row.memberOrganisationId, chair: row.chair },
    });
    return row;
  });
}
