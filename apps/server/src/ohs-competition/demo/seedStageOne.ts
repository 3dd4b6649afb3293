import type { OrgRole } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { DemoIds } from '../../kernel/demo/demo.types.ts';
import { submitApplication } from '../applications/submitApplication.ts';
import { addCommissionMember, formCommission } from '../judging/commissions.usecases.ts';
import { reviewIndicator } from '../judging/reviews.usecases.ts';
import { selectForStageTwo } from '../judging/stage-one.usecases.ts';

/** The member organisation of the demo that holds its stage I here, with its own commission (point 13). */
export const STAGE_ONE_MEMBER = 'karaganda';

const people = (ids: DemoIds) => ({
  user: (login: string) => ({ kind: 'user' as const, id: ids.userIds.get(login)! }),
  viewer: (login: string, role: OrgRole) => ({ userId: ids.userIds.get(login)!, roles: new Set<OrgRole>([role]) }),
});

/** Karaganda's competition commission for the year: judge2 chairs it, judge4 sits on it (point 13). */
export async function formStageOneCommission(
  deps: AppDeps,
  ids: DemoIds,
  yearId: string,
  memberOrganisationId: string,
  reportingYear: number,
) {
  const union = ids.orgIds.get('union')!;
  const { user } = people(ids);
  const commission = await formCommission(deps, user('secretary'), union, yearId, {
    level: 'regional',
    memberOrganisationId,
    formedBy: `Қарағанды облыстық кәсіподақ ұйымы төралқасының ${reportingYear + 1} жылғы 10 ақпандағы № 3 қаулысы`,
  });
  await addCommissionMember(deps, user('secretary'), union, commission.id, { userId: ids.userIds.get('judge2')!, chair: true });
  await addCommissionMember(deps, user('secretary'), union, commission.id, { userId: ids.userIds.get('judge4')! });
  return commission;
}

/**
 * Karaganda's stage I (points 10, 11, 20): its commission reviews the candidates entered — judge4
 * reduces one of Yerzhanova's indicators with the reason — and its chair sends the winner of each
 * group to stage II, whom the coordinator then sends with the receipt.
 */
export async function holdStageOne(deps: AppDeps, ids: DemoIds, applications: Map<string, string>) {
  const union = ids.orgIds.get('union')!;
  const { user, viewer } = people(ids);
  await reviewIndicator(deps, user('judge4'), viewer('judge4', 'commission_member'), union, applications.get('yerzhanova')!, {
    indicatorId: 'm1',
    acceptedCount: 6,
    reason: 'Екі тексеру актісінде техникалық инспектордың қолы жоқ: олар есептелмейді',
  });
  await reviewIndicator(deps, user('judge2'), viewer('judge2', 'commission_member'), union, applications.get('akhmetova')!, {
    indicatorId: 'm1',
    acceptedCount: 10,
  });
  for (const key of ['akhmetova', 'dauletov']) {
    await selectForStageTwo(deps, user('judge2'), viewer('judge2', 'commission_member'), union, applications.get(key)!, {});
    await submitApplication(deps, user('coordinator1'), viewer('coordinator1', 'member_coordinator'), union, applications.get(key)!);
  }
}
