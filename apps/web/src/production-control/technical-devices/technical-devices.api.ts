import { useMutation, useQuery } from '@tanstack/react-query';
import type { TechnicalAlert, TechnicalExamination, TechnicalObject } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { XLSX_TYPE, pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

const root = (orgId: string) => `${pcBase(orgId)}/technical-objects`;

export function useTechnicalRegister(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'technical-objects'],
    queryFn: () => api.get<{ today: string; items: TechnicalObject[]; alerts: TechnicalAlert[] }>(root(orgId)),
  });
}

export function useTechnicalObject(orgId: string, objectId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'technical-objects', objectId],
    enabled: !!objectId,
    queryFn: () => api.get<{ object: TechnicalObject; history: TechnicalExamination[] }>(`${root(orgId)}/${objectId}`),
  });
}

export interface ObjectInput {
  kind: string;
  name: string;
  registrationNumber: string;
  facilityId: string;
  unitId: string | null;
  manufacturer: string;
  serialNumber: string;
  commissionedOn: string | null;
}

export function useRegisterObject(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({ mutationFn: (input: ObjectInput) => api.post<TechnicalObject>(root(orgId), input), onSuccess: invalidate });
}

/** XLSX or CSV, every row checked; nothing is written when a row is refused. */
export function useImportObjects(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<{ imported: number }>(`${root(orgId)}/import`, file, file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_TYPE),
    onSuccess: invalidate,
  });
}

export function useDecommissionObject(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ id, decommissionedOn }: { id: string; decommissionedOn: string }) =>
      api.post<TechnicalObject>(`${root(orgId)}/${id}/decommission`, { decommissionedOn }),
    onSuccess: invalidate,
  });
}

export interface ExaminationInput {
  kind: string;
  performedOn: string;
  nextDueOn: string;
  result: string;
  performedBy: string;
  documentNumber: string;
}

export function useRecordExamination(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ objectId, ...input }: ExaminationInput & { objectId: string }) =>
      api.post<TechnicalExamination>(`${root(orgId)}/${objectId}/examinations`, input),
    onSuccess: invalidate,
  });
}
