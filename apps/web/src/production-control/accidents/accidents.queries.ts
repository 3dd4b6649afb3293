import { useMutation, useQuery } from '@tanstack/react-query';
import type { AccidentDetail, AccidentView } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { evidenceType, pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

/** R315-4: the register of accidents, incidents and injuries (or the entry that opened an inspection). */
export function useAccidents(orgId: string, inspectionId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'accidents', inspectionId ?? 'all'],
    queryFn: () => api.get<{ items: AccidentView[] }>(`${pcBase(orgId)}/accidents`, { inspectionId }).then((r) => r.items),
  });
}

export function useAccident(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'accidents', id],
    queryFn: () => api.get<AccidentDetail>(`${pcBase(orgId)}/accidents/${id}`),
  });
}

export interface NewAccident {
  kind: string;
  facilityId: string;
  unitId: string | null;
  occurredAt: string;
  place: string;
  description: string;
  consequences: string;
  injured: number;
  fatalities: number;
}
export interface CommissionMember {
  fullName: string;
  position: string;
  role: 'chair' | 'member';
}
export interface NewMeasure {
  measure: string;
  responsible: string;
  dueOn: string;
}

export const actFileUrl = (orgId: string, id: string) => `${pcBase(orgId)}/accidents/${id}/act-file`;

/** Every step of an entry: registration, the commission, the act's file and the act, a measure done, the extraordinary inspection. */
export function useAccidentSteps(orgId: string, id = '') {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  const one = `${pcBase(orgId)}/accidents/${id}`;
  return {
    register: useMutation({
      mutationFn: (body: NewAccident) => api.post<AccidentDetail>(`${pcBase(orgId)}/accidents`, body),
      onSuccess: invalidate,
    }),
    commission: useMutation({
      mutationFn: (body: { orderNumber: string; orderDate: string; commission: CommissionMember[] }) =>
        api.post<AccidentDetail>(`${one}/commission`, body),
      onSuccess: invalidate,
    }),
    actFile: useMutation({
      mutationFn: (file: File) =>
        api.upload<AccidentDetail>(`${one}/act-file`, file, evidenceType(file) ?? file.type, { fileName: file.name }),
      onSuccess: invalidate,
    }),
    act: useMutation({
      mutationFn: (body: { actNumber: string; actDate: string; causes: string; measures: NewMeasure[] }) =>
        api.post<AccidentDetail>(`${one}/act`, body),
      onSuccess: invalidate,
    }),
    measureDone: useMutation({
      mutationFn: ({ measureId, doneOn }: { measureId: string; doneOn: string }) =>
        api.post<AccidentDetail>(`${one}/measures/${measureId}/done`, { doneOn }),
      onSuccess: invalidate,
    }),
    extraordinary: useMutation({
      mutationFn: (body: { checklistId: string; officialId: string; orderNumber: string; orderDate: string }) =>
        api.post<AccidentDetail>(`${one}/extraordinary-inspection`, body),
      onSuccess: invalidate,
    }),
  };
}
