import { useMutation, useQuery } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

type Person = { id: string; fullName: string };
export interface DocumentVersion {
  id: string;
  period: string;
  version: number;
  contentSha256: string;
  presentedBy: Person;
  presentedAt: string;
  approval: { approvedBy: Person; approvedAt: string } | null;
}
export interface LiveDocument<F> {
  figures: F;
  texts: Record<string, string>;
  draft: { updatedBy: Person; updatedAt: string } | null;
  versions: DocumentVersion[];
}

/** A generated document's address: `annual-information/2025` or `regulation` (R315-26, R315-6). */
export interface DocumentRef {
  slug: 'annual-information' | 'regulation';
  period?: string;
}
const at = (orgId: string, d: DocumentRef) => `${pcBase(orgId)}/${d.slug}${d.period ? `/${d.period}` : ''}`;

export function useLiveDocument<F>(orgId: string, d: DocumentRef) {
  const api = useApi();
  return useQuery({ queryKey: [...pcKey(orgId), d.slug, d.period ?? ''], queryFn: () => api.get<LiveDocument<F>>(at(orgId, d)) });
}

export function useSaveTexts(orgId: string, d: DocumentRef) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (texts: Record<string, string>) => api.put<{ texts: Record<string, string> }>(`${at(orgId, d)}/texts`, { texts }),
    onSuccess,
  });
}

export function usePresentDocument(orgId: string, d: DocumentRef) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({ mutationFn: () => api.post<DocumentVersion>(`${at(orgId, d)}/presentation`, {}), onSuccess });
}

export function useApproveDocument(orgId: string, d: DocumentRef) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (versionId: string) => api.post<DocumentVersion>(`${pcBase(orgId)}/${d.slug}/versions/${versionId}/approval`, {}),
    onSuccess,
  });
}

export const documentPdfUrl = (orgId: string, d: DocumentRef, lang: 'kk' | 'ru', version?: number) =>
  `${at(orgId, d)}/document.pdf?lang=${lang}${version ? `&version=${version}` : ''}`;
