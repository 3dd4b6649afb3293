import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database.ts';
import { notifyRoles } from '../../kernel/notifications/notify.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findFacility, findInspection } from '../inspections/inspections.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { findProposal, insertProposal, updateProposal, type ProposalRow } from './proposals.repository.ts';
import type { ViolationRow } from './violations.repository.ts';

type User = Actor & { id: string };

async function propose(tx: Tx, deps: AppDeps, actor: Actor, row: ProposalRow) {
  await insertProposal(tx, row);
  await recordPcEvent(tx, deps, {
    organisationId: row.organisationId,
    actor,
    action: row.kind === 'suspend_work' ? 'pc.suspension_proposed' : 'pc.staff_removal_proposed',
    subjectType: 'pc_proposal',
    subjectId: row.id,
    payload: { ...row, proposedAt: undefined },
  });
  // The first head hears of it at once (R315-9, R315-27): in the app, and by e-mail when configured.
  const facility = await findFacility(tx, row.organisationId, row.facilityId);
  await notifyRoles(
    tx,
    row.organisationId,
    ['head'],
    `pc.${row.kind}_proposed`,
    { proposalId: row.id, facility: facility?.name ?? '', description: row.description, staffMember: row.staffMember ?? '' },
    deps.now(),
  );
  return row;
}

const blank = (deps: AppDeps, actor: User) => ({
  id: randomUUID(),
  proposedBy: actor.id,
  proposedAt: deps.now(),
  status: 'pending' as const,
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  decisionOrderNumber: null,
  closedAt: null,
  closingNote: null,
});

/** R315-9: a finding dangerous to life or leading to an accident proposes suspending the work, in the finding's transaction. */
export const proposeSuspension = (tx: Tx, deps: AppDeps, actor: User, v: ViolationRow) =>
  propose(tx, deps, actor, {
    ...blank(deps, actor),
    organisationId: v.organisationId,
    kind: 'suspend_work',
    inspectionId: v.inspectionId,
    violationId: v.id,
    facilityId: v.facilityId,
    unitId: v.unitId,
    description: v.description,
    staffMember: null,
  });

/** R315-4: the official proposes removing a staff member without timely training, naming them. */
export async function proposeStaffRemoval(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  input: { inspectionId: string; staffMember: string; description: string },
) {
  const staffMember = input.staffMember.trim();
  const description = input.description.trim();
  if (staffMember.length < 3) throw new AppError('pc.staff_member_required');
  if (description.length < 3) throw new AppError('pc.violation_description_required');
  return deps.db.transaction(async (tx) => {
    const i = await findInspection(tx, organisationId, input.inspectionId);
    if (!i) throw new AppError('pc.inspection_not_found');
    if (i.officialId !== actor.id) throw new AppError('pc.not_inspection_official');
    return propose(tx, deps, actor, {
      ...blank(deps, actor),
      organisationId,
      kind: 'remove_staff',
      inspectionId: i.id,
      violationId: null,
      facilityId: i.facilityId,
      unitId: i.unitId,
      description,
      staffMember,
    });
  });
}

/**
 * R315-4: the training register's daily check proposes removing a person whose training has run out
 * with no newer record (no inspection behind it). The system acts; the register's keeper who entered
 * the lapsed record is named as the proposer. The first head is notified as for any proposal.
 */
export const proposeRemovalForLapsedTraining = (
  tx: Tx,
  deps: AppDeps,
  actor: Actor,
  p: { organisationId: string; facilityId: string; unitId: string | null; staffMember: string; description: string; proposedBy: string },
) =>
  propose(tx, deps, actor, {
    ...blank(deps, { kind: 'user', id: p.proposedBy }),
    organisationId: p.organisationId,
    kind: 'remove_staff',
    inspectionId: null,
    violationId: null,
    facilityId: p.facilityId,
    unitId: p.unitId,
    description: p.description,
    staffMember: p.staffMember,
  });

async function lock(tx: Tx, organisationId: string, id: string) {
  const p = await findProposal(tx, organisationId, id, true);
  if (!p) throw new AppError('pc.proposal_not_found');
  return p;
}

/** The first head decides: accepted by an order (its number), or rejected with a reason. */
export async function decideProposal(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  id: string,
  input: { accept: boolean; orderNumber?: string; reason?: string },
) {
  const orderNumber = input.orderNumber?.trim() ?? '';
  const reason = input.reason?.trim() ?? '';
  if (input.accept && !orderNumber) throw new AppError('pc.decision_order_required');
  if (!input.accept && reason.length < 3) throw new AppError('pc.decision_reason_required');
  return deps.db.transaction(async (tx) => {
    const p = await lock(tx, organisationId, id);
    if (p.status !== 'pending') throw new AppError('pc.proposal_state_invalid', { state: p.status });
    const set = {
      status: input.accept ? ('accepted' as const) : ('rejected' as const),
      decidedBy: actor.id,
      decidedAt: deps.now(),
      decisionOrderNumber: input.accept ? orderNumber : null,
      decisionNote: reason || null,
    };
    await updateProposal(tx, p.id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: input.accept ? 'pc.proposal_accepted' : 'pc.proposal_rejected',
      subjectType: 'pc_proposal',
      subjectId: p.id,
      payload: { orderNumber: set.decisionOrderNumber, reason: set.decisionNote },
    });
    return { ...p, ...set };
  });
}

/** R315-27: an accepted proposal is tracked to closure — the work resumed, or the person trained and returned. */
export async function closeProposal(deps: AppDeps, actor: User, organisationId: string, id: string, input: { note: string }) {
  const note = input.note.trim();
  if (note.length < 3) throw new AppError('pc.decision_reason_required');
  return deps.db.transaction(async (tx) => {
    const p = await lock(tx, organisationId, id);
    if (p.status !== 'accepted' || p.closedAt) throw new AppError('pc.proposal_state_invalid', { state: p.closedAt ? 'closed' : p.status });
    const set = { closedAt: deps.now(), closingNote: note };
    await updateProposal(tx, p.id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.proposal_closed',
      subjectType: 'pc_proposal',
      subjectId: p.id,
      payload: { note },
    });
    return { ...p, ...set };
  });
}
