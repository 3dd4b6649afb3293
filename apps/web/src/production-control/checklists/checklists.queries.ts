import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChecklistQuestion } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';
import type { ChecklistPurpose, ChecklistSummary, ChecklistVersion } from '../shared/pc.types.ts';

export function useChecklists(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'checklists'],
    queryFn: () => api.get<{ items: ChecklistSummary[] }>(`${pcBase(orgId)}/checklists`).then((r) => r.items),
  });
}

export function useChecklist(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'checklists', id],
    queryFn: () => api.get<ChecklistSummary>(`${pcBase(orgId)}/checklists/${id}`),
  });
}

export function useVersion(orgId: string, id: string, version: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'checklists', id, 'v', version],
    queryFn: () => api.get<ChecklistVersion>(`${pcBase(orgId)}/checklists/${id}/versions/${version}`),
    enabled: version !== undefined,
  });
}

export function useCreateChecklist(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (input: { title: string; purpose: ChecklistPurpose }) =>
      api.post<ChecklistVersion>(`${pcBase(orgId)}/checklists`, { ...input, questions: [] }),
    onSuccess: invalidate,
  });
}

export type QuestionDraft = Omit<ChecklistQuestion, 'id'> & { id?: string };

export function useSaveDraft(orgId: string, id: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ version, title, questions }: { version: number; title: string; questions: QuestionDraft[] }) =>
      api.put<ChecklistVersion>(`${pcBase(orgId)}/checklists/${id}/versions/${version}`, { title, questions }),
    onSuccess: invalidate,
  });
}

/** Publishing a draft (for a comprehensive programme: its approval by the first head, R315-11). */
export function usePublish(orgId: string, id: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (version: number) => api.post<ChecklistVersion>(`${pcBase(orgId)}/checklists/${id}/versions/${version}/publish`),
    onSuccess: invalidate,
  });
}

/** Editing a published checklist: a new draft, version + 1. */
export function useStartRevision(orgId: string, id: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: () => api.post<ChecklistVersion>(`${pcBase(orgId)}/checklists/${id}/versions`),
    onSuccess: invalidate,
  });
}

export function useImportChecklist(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ file, type, title, into }: { file: File; type: string; title?: string; into?: string }) =>
      api.upload<ChecklistVersion>(`${pcBase(orgId)}/checklists/import`, file, type, {
        ...(title ? { title } : {}),
        ...(into ? { into } : {}),
      }),
    onSuccess: invalidate,
  });
}

export const exportUrl = (orgId: string, id: string, version: number, format: 'json' | 'xlsx') =>
  `${pcBase(orgId)}/checklists/${id}/versions/${version}/export?format=${format}`;
