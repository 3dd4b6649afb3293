import { useMutation, useQuery } from '@tanstack/react-query';
import type { Locale, NoticeAddressees, NoticeKind } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { evidenceType, pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

export interface NoticeSummary {
  id: string;
  kind: NoticeKind;
  subject: string;
  language: Locale;
  authorId: string;
  authorName: string;
  createdAt: string;
  publishedAt: string | null;
  supersedesId: string | null;
  supersededById: string | null;
  analysisId: string | null;
  acknowledgeWithinDays: number;
}
export type NoticeListItem = NoticeSummary & { addressees: number; acknowledged: number };
export type MyNotice = NoticeSummary & { acknowledgedAt: string | null };
export interface NoticeDetail extends NoticeSummary {
  body: string;
  addresseeScope: NoticeAddressees;
  document: { fileName: string; mime: string; size: number } | null;
  acknowledgedAt: string | null;
  isAddressee: boolean;
  status: { userId: string; fullName: string; acknowledgedAt: string | null; remindedAt: string | null; overdue: boolean }[] | null;
}
export interface NoticeInput {
  kind: NoticeKind;
  subject: string;
  body: string;
  language: Locale;
  addressees: NoticeAddressees;
  acknowledgeWithinDays: number;
  supersedesId?: string | null;
}

const key = (orgId: string) => [...pcKey(orgId), 'notices'] as const;

/** R315-4, R315-20: every notice with its acknowledgement count (the service, the head, the auditor). */
export function useNotices(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: key(orgId),
    queryFn: () => api.get<{ items: NoticeListItem[] }>(`${pcBase(orgId)}/notices`).then((r) => r.items),
  });
}

/** The notices addressed to me, unacknowledged first. */
export function useMyNotices(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'mine'],
    queryFn: () => api.get<{ items: MyNotice[] }>(`${pcBase(orgId)}/notices/mine`).then((r) => r.items),
  });
}

export function useNotice(orgId: string, id: string) {
  const api = useApi();
  return useQuery({ queryKey: [...key(orgId), id], queryFn: () => api.get<NoticeDetail>(`${pcBase(orgId)}/notices/${id}`) });
}

export function useDraftNotice(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({ mutationFn: (b: NoticeInput) => api.post<NoticeDetail>(`${pcBase(orgId)}/notices`, b), onSuccess });
}

export function useAttachDocument(orgId: string, id: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<NoticeDetail>(`${pcBase(orgId)}/notices/${id}/document`, file, evidenceType(file) ?? file.type, { fileName: file.name }),
    onSuccess,
  });
}

export function usePublishNotice(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({ mutationFn: (id: string) => api.post<NoticeDetail>(`${pcBase(orgId)}/notices/${id}/publication`, {}), onSuccess });
}

export function useAcknowledge(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (id: string) => api.post<NoticeDetail>(`${pcBase(orgId)}/notices/${id}/acknowledgement`, {}),
    onSuccess,
  });
}

export const noticeDocumentUrl = (orgId: string, id: string) => `${pcBase(orgId)}/notices/${id}/document`;
