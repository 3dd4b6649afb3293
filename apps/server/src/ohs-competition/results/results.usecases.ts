import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import type { Viewer } from '../competition-access.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { findCommissionMember, republicanCommission } from '../judging/judging.repository.ts';
import { setPublished } from '../years/years.repository.ts';
import { assertNotPublished, yearOrThrow } from '../years/years.usecases.ts';
import { buildResults } from './buildResults.ts';
import { insertPublication, insertSignature, insertTieDecision } from './results.repository.ts';

async function membershipOf(deps: AppDeps, yearId: string, viewer: Viewer) {
  const commission = await republicanCommission(deps.db, yearId);
  if (!commission) throw new AppError('competition.commission_not_formed');
  const member = await findCommissionMember(deps.db, commission.id, viewer.userId);
  if (!member) throw new AppError('competition.not_commission_member');
  return member;
}

/**
 * RC-22: the commission decides a tie at a place — its chair records the order of exactly the tied
 * candidates and the reason. The decision holds while the tie is the same (same total, same
 * candidates); a later change of either reopens it.
 */
export async function decideTie(
  deps: AppDeps,
  actor: Actor & { id: string },
  viewer: Viewer,
  organisationId: string,
  yearId: string,
  input: { group: number; order: string[]; reason: string },
) {
  const year = await yearOrThrow(deps, organisationId, yearId);
  assertNotPublished(year);
  if (!(await membershipOf(deps, yearId, viewer)).chair) throw new AppError('competition.not_chair');
  const { protocol } = await buildResults(deps, year);
  const wanted = [...input.order].sort().join(',');
  const tie = protocol.groups.find((g) => g.group === input.group)?.ties.find((t) => t.applicationIds.join(',') === wanted);
  if (!tie || new Set(input.order).size !== input.order.length) throw new AppError('competition.tie_not_found', { group: input.group });
  return deps.db.transaction(async (tx) => {
    const row = {
      id: randomUUID(),
      organisationId,
      yearId,
      group: input.group,
      tieKey: tie.key,
      applicationOrder: input.order,
      reason: input.reason.trim(),
      decidedBy: actor.id,
      decidedAt: deps.now(),
    };
    await insertTieDecision(tx, row);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.tie_decided',
      subjectType: 'competition_year',
      subjectId: yearId,
      payload: { ...row, decidedAt: undefined },
    });
    return row;
  });
}

/** RC-19: a commission member signs the protocol as it stands — by its SHA-256 — once every tie at a place is decided. */
export async function signProtocol(deps: AppDeps, actor: Actor & { id: string }, viewer: Viewer, organisationId: string, yearId: string) {
  const year = await yearOrThrow(deps, organisationId, yearId);
  assertNotPublished(year);
  await membershipOf(deps, yearId, viewer);
  const results = await buildResults(deps, year);
  if (results.undecidedTies.length) throw new AppError('competition.ties_unresolved', { count: results.undecidedTies.length });
  await deps.db.transaction(async (tx) => {
    await insertSignature(tx, { yearId, userId: viewer.userId, protocolSha256: results.protocolSha256, signedAt: deps.now() });
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.protocol_signed',
      subjectType: 'competition_year',
      subjectId: yearId,
      payload: { protocolSha256: results.protocolSha256 },
    });
  });
  return buildResults(deps, year);
}

/**
 * RC-24: the results are published — the protocol every member signed, frozen as it was — and the
 * year closes: nothing of it changes afterwards. After the deadline of point 21 it is still
 * published, and marked late.
 */
export async function publishResults(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, yearId: string) {
  return deps.db.transaction(async (tx) => {
    const year = await yearOrThrow(deps, organisationId, yearId, true, tx);
    assertNotPublished(year);
    const results = await buildResults(deps, year, tx);
    if (!results.protocol.commission) throw new AppError('competition.commission_not_formed');
    if (results.undecidedTies.length) throw new AppError('competition.ties_unresolved', { count: results.undecidedTies.length });
    if (results.unsigned.length) throw new AppError('competition.protocol_unsigned', { missing: results.unsigned.join(', ') });
    const now = deps.now();
    await insertPublication(tx, {
      yearId,
      organisationId,
      protocol: results.protocol,
      protocolSha256: results.protocolSha256,
      publishedBy: actor.id,
      publishedAt: now,
    });
    await setPublished(tx, yearId, now);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.results_published',
      subjectType: 'competition_year',
      subjectId: yearId,
      payload: { protocolSha256: results.protocolSha256, late: now.getTime() >= year.resultsClosesAt.getTime() },
    });
    return { ...year, publishedAt: now };
  });
}
