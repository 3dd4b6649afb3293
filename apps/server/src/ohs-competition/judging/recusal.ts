import type { ApplicationRow } from '../applications/applications.repository.ts';
import type { CommissionMemberRow, CommissionRow } from './judging.repository.ts';

/** Why a member does not review a candidate, or null: one rule for both stages (RC-12). */
export type Recusal = 'own_member_organisation' | 'prepared_application';

/**
 * RC-12: a member does not review a candidate of the member organisation they come from — at stage
 * II; at stage I the commission is that member organisation's own (point 13), so the rule cannot
 * apply there — nor, at either stage, an application they prepared (started, entered into stage I
 * or sent to stage II).
 */
export function recusalOf(
  commission: Pick<CommissionRow, 'stage'>,
  member: Pick<CommissionMemberRow, 'userId' | 'memberOrganisationId'>,
  app: Pick<ApplicationRow, 'memberOrganisationId' | 'createdBy' | 'stageOneEnteredBy' | 'submittedBy'>,
): Recusal | null {
  if (commission.stage === 'II' && member.memberOrganisationId === app.memberOrganisationId) return 'own_member_organisation';
  if ([app.createdBy, app.stageOneEnteredBy, app.submittedBy].includes(member.userId)) return 'prepared_application';
  return null;
}
