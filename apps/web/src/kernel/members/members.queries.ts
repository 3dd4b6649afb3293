import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';

export interface Member {
  id: string;
  login: string;
  fullName: string;
  email: string | null;
  totpEnabled: boolean;
  disabled: boolean;
  roles: string[];
}

export const membersKey = (orgId: string) => ['organisations', orgId, 'members'] as const;

/** People of an organisation with their roles (head, responsible person, auditor, platform admin). */
export function useMembers(orgId: string | null | undefined, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: membersKey(orgId ?? ''),
    queryFn: () => api.get<Member[]>(`/api/v1/organisations/${orgId}/members`),
    enabled: !!orgId && enabled,
  });
}

export function useGrantRole(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: string }) => api.post<{ ok: true }>(`/api/v1/organisations/${orgId}/members`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}

export function useRevokeRole(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: string }) =>
      api.delete<{ ok: true }>(`/api/v1/organisations/${orgId}/members/${input.userId}/roles/${input.role}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}
