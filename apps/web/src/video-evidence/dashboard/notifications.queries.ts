import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';

export interface Notice {
  id: string;
  kind: string;
  payload: { inventoryNumber?: string; description?: string; recorderId?: string } | null;
  createdAt: string;
  readAt: string | null;
}

const key = (orgId: string) => ['organisations', orgId, 'notifications'] as const;

export function useNotifications(orgId: string) {
  const api = useApi();
  return useQuery({ queryKey: key(orgId), queryFn: () => api.get<Notice[]>(`/api/v1/organisations/${orgId}/notifications`) });
}

export function useMarkRead(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<{ ok: true }>(`/api/v1/organisations/${orgId}/notifications/read`, { ids }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(orgId) }),
  });
}
