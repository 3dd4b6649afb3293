import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';

/** One window of refused requests for evidence by one caller for one rule, with its count (R444-13, R444-21). */
export interface RefusalWindow {
  id: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  rule: string;
  status: number;
  subjectType: string;
  subjectIds: string[];
  route: string;
  windowStart: string;
  firstAt: string;
  lastAt: string;
  count: number;
  ledgerSeq: number | null;
  sealedSeq: number | null;
}

export function useAccessRefusals(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['organisations', orgId, 'ledger', 'access-refusals'],
    queryFn: () => api.get<RefusalWindow[]>(`/api/v1/organisations/${orgId}/access-refusals`, { limit: 100 }),
  });
}
