import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { useInvalidateOrder444 } from '../recorders/recorders.queries.ts';
import type { Correction, IssueInput, Journal, JournalEntry, JournalRow, OverdueReturn, ReturnInput } from './journal.types.ts';

const org = (orgId: string) => `/api/v1/organisations/${orgId}`;
const journalKey = (orgId: string) => ['organisations', orgId, 'journal'] as const;

/** Journal books, newest first; the open one (no end date) takes the entries. */
export function useJournals(orgId: string) {
  const api = useApi();
  return useQuery({ queryKey: [...journalKey(orgId), 'books'], queryFn: () => api.get<Journal[]>(`${org(orgId)}/journals`) });
}

export function useEntries(orgId: string, journalId: string | null | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...journalKey(orgId), 'entries', journalId],
    queryFn: () => api.get<JournalRow[]>(`${org(orgId)}/journals/${journalId}/entries`),
    enabled: !!journalId,
  });
}

export function useOpenJournal(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { registrationNumber: string; registrationDate: string; startedOn: string }) =>
      api.post<Journal>(`${org(orgId)}/journals`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: journalKey(orgId) }),
  });
}

export function useCloseJournal(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; endedOn: string; sheetCount: number }) =>
      api.post<{ ok: true }>(`${org(orgId)}/journals/${id}/close`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: journalKey(orgId) }),
  });
}

export function useIssueRecorder(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateOrder444(orgId);
  return useMutation({
    mutationFn: (input: IssueInput) => api.post<JournalEntry>(`${org(orgId)}/journal-entries`, input),
    onSuccess: invalidate,
  });
}

export function useReturnRecorder(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateOrder444(orgId);
  return useMutation({
    mutationFn: ({ recorderId, ...body }: ReturnInput & { recorderId: string }) =>
      api.post<JournalEntry>(`${org(orgId)}/recorders/${recorderId}/return`, body),
    onSuccess: invalidate,
  });
}

export function useStrikeEntry(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateOrder444(orgId);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; reason: string; correction?: Correction }) =>
      api.post<{ struck: JournalEntry; correction: JournalEntry | null }>(`${org(orgId)}/journal-entries/${id}/strike`, body),
    onSuccess: invalidate,
  });
}

/** The inspector's own pending signatures and the recorders they hold. */
export function useMyEntries(orgId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...journalKey(orgId), 'mine'],
    queryFn: () => api.get<JournalEntry[]>(`${org(orgId)}/journal-entries/mine`),
    enabled,
  });
}

export function useConfirmIssue(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateOrder444(orgId);
  return useMutation({
    mutationFn: (entryId: string) => api.post<JournalEntry>(`${org(orgId)}/journal-entries/${entryId}/confirm`),
    onSuccess: invalidate,
  });
}

/** R444-10: recorders still out after their activity's planned end. */
export function useOverdueReturns(orgId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...journalKey(orgId), 'overdue'],
    queryFn: () => api.get<OverdueReturn[]>(`${org(orgId)}/overdue-returns`),
    enabled,
  });
}

/** Files the browser downloads with the session cookie (plain GET links, no CSRF needed). */
export const journalFileUrl = (orgId: string, journalId: string, file: 'print.pdf' | 'export.xlsx', lang: string) =>
  `${org(orgId)}/journals/${journalId}/${file}?lang=${lang}`;
export const badgeUrl = (orgId: string) => `${org(orgId)}/badge.pdf`;
