import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Severity, ViolationStatus } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';
import type { Proposal, Violation, ViolationDetail } from '../shared/pc.types.ts';

export interface ViolationFilter {
  status?: ViolationStatus;
  severity?: Severity;
  dangerous?: boolean;
  overdue?: boolean;
  text?: string;
  facilityId?: string;
  cursor?: string;
}

/** R315-27: the filtered list, one keyset page at a time. */
export function useViolations(orgId: string, f: ViolationFilter) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'violations', f],
    placeholderData: keepPreviousData,
    queryFn: () =>
      api.get<{ items: Violation[]; next: string | null }>(`${pcBase(orgId)}/violations`, {
        status: f.status,
        severity: f.severity,
        dangerous: f.dangerous === undefined ? undefined : String(f.dangerous),
        overdue: f.overdue ? 'true' : undefined,
        text: f.text || undefined,
        facilityId: f.facilityId,
        cursor: f.cursor,
        limit: 50,
      }),
  });
}

export function useViolation(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'violations', id],
    queryFn: () => api.get<ViolationDetail>(`${pcBase(orgId)}/violations/${id}`),
  });
}

export const attachmentUrl = (orgId: string, violationId: string, attachmentId: string) =>
  `${pcBase(orgId)}/violations/${violationId}/attachments/${attachmentId}`;

export function useProposals(orgId: string, state: 'pending' | 'open' | 'all') {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'proposals', state],
    queryFn: () => api.get<{ items: Proposal[] }>(`${pcBase(orgId)}/proposals`, { state }).then((r) => r.items),
  });
}

/** The first head's decision on a proposal and its closure (R315-27). */
export function useProposalSteps(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return {
    decide: useMutation({
      mutationFn: ({ id, ...body }: { id: string; accept: boolean; orderNumber?: string; reason?: string }) =>
        api.post<Proposal>(`${pcBase(orgId)}/proposals/${id}/decision`, body),
      onSuccess: invalidate,
    }),
    close: useMutation({
      mutationFn: ({ id, note }: { id: string; note: string }) => api.post<Proposal>(`${pcBase(orgId)}/proposals/${id}/close`, { note }),
      onSuccess: invalidate,
    }),
  };
}
