import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';

/** A material of a control activity (R444-14, R444-18): a PDF in the write-once store. */
export interface Material {
  id: string;
  activityId: string;
  title: string;
  fileName: string;
  sha256: string;
  size: number;
  uploadedBy: { id: string; fullName: string };
  uploadedAt: string;
}

const base = (orgId: string, activityId: string) => `/api/v1/organisations/${orgId}/activities/${activityId}/materials`;
const key = (orgId: string, activityId: string) => ['organisations', orgId, 'materials', activityId] as const;

export function useMaterials(orgId: string, activityId: string, enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: key(orgId, activityId), queryFn: () => api.get<Material[]>(base(orgId, activityId)), enabled });
}

/** Uploads the PDF as the raw body; the server checks it is a PDF and hashes it while it streams in. */
export function useUploadMaterial(orgId: string, activityId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, title }: { file: File; title: string }) =>
      api.upload<Material>(base(orgId, activityId), file, 'application/pdf', { title, fileName: file.name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(orgId, activityId) }),
  });
}

/** The stored PDF (each download is in the ledger, R444-21). */
export const materialFileUrl = (orgId: string, activityId: string, materialId: string) => `${base(orgId, activityId)}/${materialId}/file`;
