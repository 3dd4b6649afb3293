import { useMutation, useQuery } from '@tanstack/react-query';
import type { ItemOutcome } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { evidenceType, pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';
import type { Brief, Inspection, InspectionItem } from '../shared/pc.types.ts';

const key = (orgId: string) => [...pcKey(orgId), 'inspections'] as const;

export function useInspections(orgId: string, status?: 'in_progress' | 'completed') {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'list', status ?? 'all'],
    queryFn: () => api.get<{ items: Inspection[] }>(`${pcBase(orgId)}/inspections`, { status, limit: 200 }).then((r) => r.items),
  });
}

export function useInspection(orgId: string, id: string) {
  const api = useApi();
  return useQuery({ queryKey: [...key(orgId), id], queryFn: () => api.get<Inspection>(`${pcBase(orgId)}/inspections/${id}`) });
}

/** R315-9: the brief of a facility (unit) before starting, or of a started inspection (its official's reading is recorded). */
export function useBrief(orgId: string, q: { inspectionId?: string; facilityId?: string; unitId?: string }) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'brief', q.inspectionId ?? q.facilityId, q.unitId],
    enabled: Boolean(q.inspectionId || q.facilityId),
    queryFn: () =>
      q.inspectionId
        ? api.get<Brief>(`${pcBase(orgId)}/inspections/${q.inspectionId}/brief`)
        : api.get<Brief>(`${pcBase(orgId)}/inspections/brief`, { facilityId: q.facilityId, unitId: q.unitId }),
  });
}

export interface ExtraordinaryOrder {
  facilityId: string;
  unitId?: string;
  checklistId: string;
  officialId: string;
  orderNumber: string;
  orderDate: string;
  basis: 'accident' | 'injury';
  basisDescription: string;
}

export function useStartInspection(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return {
    scheduled: useMutation({
      mutationFn: (body: { scheduleItemId: string }) => api.post<Inspection>(`${pcBase(orgId)}/inspections`, body),
      onSuccess: invalidate,
    }),
    extraordinary: useMutation({
      mutationFn: (body: ExtraordinaryOrder) => api.post<Inspection>(`${pcBase(orgId)}/inspections/extraordinary`, body),
      onSuccess: invalidate,
    }),
  };
}

export interface ItemAnswer {
  outcome: ItemOutcome;
  note?: string;
  description?: string;
  dangerous?: boolean;
  eliminatedOnSpot?: boolean;
}

export function useConduct(orgId: string, id: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  const one = `${pcBase(orgId)}/inspections/${id}`;
  return {
    answer: useMutation({
      mutationFn: ({ itemId, ...body }: ItemAnswer & { itemId: string }) =>
        api.post<{ item: InspectionItem; violationId: string | null }>(`${one}/items/${itemId}/answer`, body),
      onSuccess: invalidate,
    }),
    complete: useMutation({
      mutationFn: (body: { conclusion: string }) => api.post<Inspection>(`${one}/complete`, body),
      onSuccess: invalidate,
    }),
    photo: useMutation({
      mutationFn: ({ violationId, file }: { violationId: string; file: File }) =>
        api.upload(`${pcBase(orgId)}/violations/${violationId}/attachments`, file, evidenceType(file) ?? file.type, {
          fileName: file.name,
        }),
      onSuccess: invalidate,
    }),
    proposeRemoval: useMutation({
      mutationFn: (body: { staffMember: string; description: string }) =>
        api.post(`${pcBase(orgId)}/proposals`, { ...body, inspectionId: id }),
      onSuccess: invalidate,
    }),
  };
}

/** Setup lists (facilities with units, checklists, appointed officials) come from the setup feature's routes. */
export function useSetupList<T>(orgId: string, path: 'facilities' | 'checklists' | 'officials') {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'setup', path],
    queryFn: () => api.get<{ items: T[] }>(`${pcBase(orgId)}/${path}`).then((r) => r.items),
    retry: false,
  });
}
