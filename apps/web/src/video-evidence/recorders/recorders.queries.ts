import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import type { JournalEntry } from '../journal/journal.types.ts';

export const RECORDER_STATUSES = ['in_storage', 'issued', 'broken', 'under_repair', 'written_off'] as const;
export type RecorderStatus = (typeof RECORDER_STATUSES)[number];

export interface Recorder {
  id: string;
  inventoryNumber: string;
  serialNumber: string;
  model: string;
  notes: string;
  status: RecorderStatus;
  createdAt: string;
}

export interface RecorderList {
  items: Recorder[];
  counts: Partial<Record<RecorderStatus, number>>;
}

export interface RecorderHistoryItem {
  seq: number;
  recordedAt: string;
  action: string;
  actorId: string | null;
  payload: unknown;
}

export type RecorderAction = 'repair' | 'repaired' | 'write-off';

const base = (orgId: string) => `/api/v1/organisations/${orgId}/recorders`;
export const recordersKey = (orgId: string) => ['organisations', orgId, 'recorders'] as const;

/** R444-7: the fleet with counts per status; `status` narrows the list. */
export function useRecorders(orgId: string, status: RecorderStatus | null, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...recordersKey(orgId), 'list', status],
    queryFn: () => api.get<RecorderList>(base(orgId), { status }),
    enabled,
  });
}

/** A scanned inventory number, looked up exactly (the server trims and ignores case). */
export function useLookupRecorder(orgId: string) {
  const api = useApi();
  return (inventoryNumber: string) =>
    api.get<RecorderList>(base(orgId), { inventoryNumber: inventoryNumber.trim() }).then((r) => r.items[0] ?? null);
}

export interface RecorderDetail {
  recorder: Recorder;
  history: RecorderHistoryItem[];
  /** The entry under which it is out now, whichever journal book holds it. */
  openEntry: JournalEntry | null;
}

export function useRecorder(orgId: string, id: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...recordersKey(orgId), 'one', id],
    queryFn: () => api.get<RecorderDetail>(`${base(orgId)}/${id}`),
    enabled: !!id,
  });
}

/** Every write that changes a recorder also changes the journal, the dashboard and the notices. */
export function useInvalidateOrder444(orgId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: recordersKey(orgId) });
    void qc.invalidateQueries({ queryKey: ['organisations', orgId, 'journal'] });
    void qc.invalidateQueries({ queryKey: ['organisations', orgId, 'notifications'] });
  };
}

export function useRegisterRecorder(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateOrder444(orgId);
  return useMutation({
    mutationFn: (input: { inventoryNumber: string; serialNumber: string; model: string; notes?: string }) =>
      api.post<Recorder>(base(orgId), input),
    onSuccess: invalidate,
  });
}

export function useRecorderAction(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateOrder444(orgId);
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: RecorderAction; note: string }) =>
      api.post<{ ok: true }>(`${base(orgId)}/${id}/${action}`, { note }),
    onSuccess: invalidate,
  });
}

/** R444-20: the responsible person, or the inspector holding it, reports a breakage; head and responsible are told at once. */
export function useReportBreakage(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateOrder444(orgId);
  return useMutation({
    mutationFn: ({ id, description }: { id: string; description: string }) =>
      api.post<{ id: string }>(`${base(orgId)}/${id}/breakage`, { description }),
    onSuccess: invalidate,
  });
}
