import { useMemo } from 'react';
import { useMembers } from '../../kernel/members/members.queries.ts';

/** User id → full name for the people of the organisation (who placed a hold, who executed an act). */
export function useMemberNames(orgId: string, enabled = true) {
  const members = useMembers(orgId, enabled);
  return useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.fullName])), [members.data]);
}
