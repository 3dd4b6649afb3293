import { notifyRoles, notifyUsers } from '../../kernel/notifications/notify.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/format.ts';
import { SYSTEM_ACTOR } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { proposeRemovalForLapsedTraining } from '../violations/proposals.usecases.ts';
import { currentByPerson } from './training-status.ts';
import { linkRemovalProposal, markReminded, organisationsWithRecords, recordsOf, remindedRecords } from './training.repository.ts';

/**
 * R315-4 (point 4.7, third proposal): the daily round of the training register. Thirty days before a
 * person's current record runs out the service is reminded (and the person, when they have an
 * account), once. When it has run out with no newer record, the removal of that person from work is
 * proposed to the first head — once per lapsed record (its removal_proposal_id), each in its own
 * transaction so one organisation's trouble does not hold back another's.
 */
export async function checkTrainingExpiry(deps: AppDeps) {
  const today = dateInZone(deps.now());
  let reminded = 0;
  let proposed = 0;
  for (const orgId of await organisationsWithRecords(deps.db)) {
    const people = currentByPerson(await recordsOf(deps.db, orgId), today);
    const sent = await remindedRecords(
      deps.db,
      people.filter((p) => p.state === 'expiring').map((p) => p.record.id),
    );
    for (const { record: r, state } of people) {
      if (state === 'expiring' && !sent.has(r.id)) {
        await deps.db.transaction(async (tx) => {
          if (!(await markReminded(tx, r.id, deps.now()))) return;
          const payload = { recordId: r.id, fullName: r.fullName, programme: r.programme, date: formatDate(r.validUntil) };
          await notifyRoles(tx, orgId, ['pc_service_head'], 'pc.training_expiring', payload, deps.now());
          if (r.personId) await notifyUsers(tx, orgId, [r.personId], 'pc.training_expiring', payload, deps.now());
          reminded++;
        });
      }
      if (state === 'expired' && !r.removalProposalId && r.facilityId) {
        await deps.db.transaction(async (tx) => {
          const proposal = await proposeRemovalForLapsedTraining(tx, deps, SYSTEM_ACTOR, {
            organisationId: orgId,
            facilityId: r.facilityId!,
            unitId: r.unitId,
            staffMember: `${r.fullName}, ${r.position}`,
            description: `${r.programme}: ${r.documentNumber}, ${formatDate(r.validUntil)}`,
            proposedBy: r.recordedBy,
          });
          await linkRemovalProposal(tx, r.id, proposal.id);
          await recordPcEvent(tx, deps, {
            organisationId: orgId,
            actor: SYSTEM_ACTOR,
            action: 'pc.training_lapsed',
            subjectType: 'pc_training_record',
            subjectId: r.id,
            payload: { proposalId: proposal.id, validUntil: r.validUntil },
          });
          proposed++;
        });
      }
    }
  }
  return { reminded, proposed };
}
