import { useMutation, useQuery } from '@tanstack/react-query';
import type { TrainingPersonView, TrainingRecordView } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { XLSX_TYPE, pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

/** R315-4: the training register — each person with their current state, and every record. */
export function useTraining(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'training'],
    queryFn: () => api.get<{ people: TrainingPersonView[]; records: TrainingRecordView[] }>(`${pcBase(orgId)}/training`),
  });
}

export interface TrainingInput {
  personId: string | null;
  fullName: string;
  position: string;
  facilityId: string;
  unitId: string | null;
  kind: string;
  programme: string;
  completedOn: string;
  validUntil: string;
  documentNumber: string;
  supersedes: string | null;
}

export function useTrainingSteps(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return {
    record: useMutation({
      mutationFn: (body: TrainingInput) => api.post<TrainingRecordView>(`${pcBase(orgId)}/training`, body),
      onSuccess: invalidate,
    }),
    importList: useMutation({
      mutationFn: (file: File) =>
        api.upload<{ imported: number }>(
          `${pcBase(orgId)}/training/import`,
          file,
          file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_TYPE,
        ),
      onSuccess: invalidate,
    }),
  };
}
