import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';

export interface PartialUpload {
  uploadId: string;
  inventoryNumber: string;
  fileName: string;
  receivedBytes: number;
  sizeBytes: number | null;
  createdAt: string;
  lastWrittenAt: string;
  awaitingConfirmation: boolean;
}
export interface StagingDisk {
  freeBytes: number;
  totalBytes: number;
  reserveBytes: number;
  uploads: PartialUpload[];
}

const key = (orgId: string) => ['organisations', orgId, 'partial-uploads'] as const;
const base = (orgId: string) => `/api/v1/organisations/${orgId}/partial-uploads`;

/** The staging disk of the dock uploads: free space, the reserve new uploads need, and what holds the space. */
export function usePartialUploads(orgId: string) {
  const api = useApi();
  return useQuery({ queryKey: key(orgId), queryFn: () => api.get<StagingDisk>(base(orgId)), refetchInterval: 30_000 });
}

/** The responsible person removes a partial upload, with a reason (ledgered); the file stays on the device. */
export function useRemovePartialUpload(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ uploadId, reason }: { uploadId: string; reason: string }) =>
      api.post<{ ok: true }>(`${base(orgId)}/${encodeURIComponent(uploadId)}/remove`, { reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(orgId) }),
  });
}
