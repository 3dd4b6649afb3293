import { useMutation, useQuery } from '@tanstack/react-query';
import type { PlanDocument } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

const root = (orgId: string) => `${pcBase(orgId)}/plans`;

export function usePlans(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'plans'],
    queryFn: () => api.get<{ today: string; items: PlanDocument[] }>(root(orgId)).then((r) => r.items),
  });
}

export function usePlan(orgId: string, planId: string) {
  const api = useApi();
  return useQuery({ queryKey: [...pcKey(orgId), 'plans', planId], queryFn: () => api.get<PlanDocument>(`${root(orgId)}/${planId}`) });
}

export function useCreatePlan(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (input: { kind: string; title: string; year: number | null; facilityId: string | null }) =>
      api.post<PlanDocument>(root(orgId), input),
    onSuccess: invalidate,
  });
}

export interface MeasureDraft {
  measure: string;
  facilityId: string | null;
  responsible: string;
  dueOn: string;
}

/** The signed document goes first through the checked upload; the version names it by its SHA-256. */
export function useSubmitVersion(orgId: string, planId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: async (v: {
      file: File;
      type: string;
      summary: string;
      validFrom: string | null;
      validUntil: string | null;
      measures?: MeasureDraft[];
    }) => {
      const stored = await api.upload<{ sha256: string }>(`${root(orgId)}/${planId}/document`, v.file, v.type, { fileName: v.file.name });
      return api.post<PlanDocument>(`${root(orgId)}/${planId}/versions`, {
        summary: v.summary,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        document: { sha256: stored.sha256, fileName: v.file.name },
        ...(v.measures ? { measures: v.measures } : {}),
      });
    },
    onSuccess: invalidate,
  });
}

export function useApproveVersion(orgId: string, planId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ versionId, orderNumber }: { versionId: string; orderNumber: string | null }) =>
      api.post<PlanDocument>(`${root(orgId)}/${planId}/versions/${versionId}/approval`, { orderNumber }),
    onSuccess: invalidate,
  });
}

export function useCompleteMeasure(orgId: string, planId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ measureId, doneOn, note }: { measureId: string; doneOn: string; note: string }) =>
      api.post<PlanDocument>(`${root(orgId)}/${planId}/measures/${measureId}/completion`, { doneOn, note }),
    onSuccess: invalidate,
  });
}

export const planDocumentUrl = (orgId: string, planId: string, versionId: string) =>
  `${root(orgId)}/${planId}/versions/${versionId}/document`;
