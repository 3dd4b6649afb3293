import { useMemo } from 'react';
import type { MyOrganisation } from '../kernel/auth/auth.types.ts';
import { hasRole } from '../kernel/shell/access.ts';
import { useSession } from '../kernel/shell/SessionContext.tsx';

/** The union competition (trade unions only): what each role may open and do (mirrors the server's rules). */
export interface CompetitionAccess {
  module: boolean;
  /** Open years, keep member organisations, form commissions, publish: the head and the competition secretary. */
  organise: boolean;
  /** Prepare and submit applications: organisers, and a coordinator for their own member organisation. */
  prepare: boolean;
  /** Review indicators, decide ties (chair), sign the protocol. */
  judge: boolean;
  /** Reviews, ranking and protocol before publication. */
  judging: boolean;
}

export const servesCompetition = (org: MyOrganisation | null) => org?.type === 'trade_union';

export function competitionAccess(org: MyOrganisation | null): CompetitionAccess {
  const here = servesCompetition(org) ? org : null;
  return {
    module: hasRole(here, ['head', 'competition_secretary', 'member_coordinator', 'commission_member', 'auditor']),
    organise: hasRole(here, ['head', 'competition_secretary']),
    prepare: hasRole(here, ['head', 'competition_secretary', 'member_coordinator']),
    judge: hasRole(here, ['commission_member']),
    judging: hasRole(here, ['head', 'competition_secretary', 'commission_member', 'auditor']),
  };
}

export function useCompetitionAccess(): CompetitionAccess {
  const { org } = useSession();
  return useMemo(() => competitionAccess(org), [org]);
}
