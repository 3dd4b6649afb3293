import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { evidenceKey } from '../evidence/evidence.queries.ts';
import type { DeletionAct, LegalHold, RetentionRecording } from './retention.types.ts';

const org = (orgId: string) => `/api/v1/organisations/${orgId}`;
export const retentionKey = (orgId: string) => ['organisations', orgId, 'retention'] as const;

/** R444-12: recordings past their retention period and not under legal hold. */
export function useDueRecordings(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...retentionKey(orgId), 'due'],
    queryFn: () => api.get<RetentionRecording[]>(`${org(orgId)}/retention/due`),
  });
}

/** Recordings falling due within the next `days` days, held ones included and marked. */
export function useUpcomingDeletions(orgId: string, days = 30, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...retentionKey(orgId), 'upcoming', days],
    queryFn: () => api.get<RetentionRecording[]>(`${org(orgId)}/retention/upcoming`, { days }),
    enabled,
  });
}

export function useDeletionActs(orgId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...retentionKey(orgId), 'acts'],
    queryFn: () => api.get<DeletionAct[]>(`${org(orgId)}/retention/acts`),
    enabled,
  });
}

/** R444-6/12: the responsible person deletes a reviewed batch, confirming with the second factor again. */
export function useDeleteExpired(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { recordingIds: string[]; totpCode: string }) => api.post<DeletionAct>(`${org(orgId)}/retention/deletions`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: retentionKey(orgId) });
      void qc.invalidateQueries({ queryKey: evidenceKey(orgId) });
    },
  });
}

/** The deletion act as PDF in one language (the server logs each export). */
export const actPdfUrl = (orgId: string, actId: string, lang: 'kk' | 'ru' | 'en') =>
  `${org(orgId)}/retention/acts/${actId}/pdf?lang=${lang}`;

export function useHolds(orgId: string, recordingId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...retentionKey(orgId), 'holds', recordingId],
    queryFn: () => api.get<LegalHold[]>(`${org(orgId)}/recordings/${recordingId}/holds`),
  });
}

export function usePlaceHold(orgId: string, recordingId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { reason: string; reference: string }) =>
      api.post<LegalHold>(`${org(orgId)}/recordings/${recordingId}/holds`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: retentionKey(orgId) }),
  });
}

export function useLiftHold(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ holdId, reason }: { holdId: string; reason: string }) =>
      api.post<{ ok: true }>(`${org(orgId)}/holds/${holdId}/lift`, { reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: retentionKey(orgId) }),
  });
}
