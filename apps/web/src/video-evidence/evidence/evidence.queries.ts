import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import type {
  AccessPurpose,
  EntryTimeline,
  Finding,
  FindingDecision,
  JournalRules,
  Recording,
  RecordingDetail,
  RecordingRetention,
} from './evidence.types.ts';

const org = (orgId: string) => `/api/v1/organisations/${orgId}`;
export const evidenceKey = (orgId: string) => ['organisations', orgId, 'evidence'] as const;

/** Recording metadata, newest first; `unattributed` narrows to those no journal issue covers. */
export function useRecordings(orgId: string, unattributed: boolean, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...evidenceKey(orgId), 'recordings', unattributed],
    queryFn: () =>
      api.get<(Recording & RecordingRetention)[]>(`${org(orgId)}/recordings`, { unattributed: unattributed ? 'true' : undefined }),
    enabled,
  });
}

export function useRecording(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...evidenceKey(orgId), 'recording', id],
    queryFn: () => api.get<RecordingDetail>(`${org(orgId)}/recordings/${id}`),
  });
}

/** R444-17/18: each issue for the activity with its recordings and findings. */
export function useTimeline(orgId: string, activityId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...evidenceKey(orgId), 'timeline', activityId],
    queryFn: () => api.get<EntryTimeline[]>(`${org(orgId)}/activities/${activityId}/timeline`),
  });
}

export function useFindings(orgId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...evidenceKey(orgId), 'findings'],
    queryFn: () => api.get<Finding[]>(`${org(orgId)}/findings`),
    enabled,
  });
}

/** R444-21: the purpose stated once per session, before the first view or download. */
export function useStatePurpose(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { purpose: AccessPurpose; note: string }) => api.post<{ ok: true }>(`${org(orgId)}/access-purposes`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...evidenceKey(orgId), 'recording'] }),
  });
}

/** R444-19: the head explains a finding or refers it for disciplinary proceedings. */
export function useAnnotateFinding(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ findingId, ...body }: { findingId: string; decision: FindingDecision; note: string }) =>
      api.post<{ id: string }>(`${org(orgId)}/findings/${findingId}/annotations`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceKey(orgId) }),
  });
}

/** The thresholds the server applies (battery at issue, continuity). */
export function useJournalRules(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['organisations', orgId, 'journal-rules'],
    queryFn: () => api.get<JournalRules>(`${org(orgId)}/journal-rules`),
    staleTime: 10 * 60_000,
  });
}

/**
 * The media of a recording; the browser's <video> sends its own Range requests with the session cookie.
 * Playback asks for the playable proxy (the server gives the original when it needs none); a download is
 * always the original.
 */
export const mediaUrl = (orgId: string, recordingId: string, use: 'play' | 'download' | 'download-damaged') =>
  `${org(orgId)}/recordings/${recordingId}/media${
    use === 'download' ? '?download=true' : use === 'download-damaged' ? '?download=true&acknowledgeDamage=true' : '?variant=proxy'
  }`;

/** R444-5: the responsible person attaches a recording from the unattributed queue to an issue of its recorder, with a reason. */
export function useAttachRecording(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ recordingId, ...body }: { recordingId: string; journalEntryId: string; reason: string }) =>
      api.post<{ ok: true }>(`${org(orgId)}/recordings/${recordingId}/attach`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: evidenceKey(orgId) });
      void qc.invalidateQueries({ queryKey: ['organisations', orgId, 'journal'] });
    },
  });
}
