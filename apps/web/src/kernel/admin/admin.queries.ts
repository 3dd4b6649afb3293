import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';

export interface Organisation {
  id: string;
  type: string;
  nameKk: string;
  nameRu: string;
  bin: string;
  timeZone: string;
}

export interface UserRow {
  id: string;
  login: string;
  fullName: string;
  email: string | null;
  isPlatformAdmin: boolean;
  totpEnabled: boolean;
}

export interface NewOrganisation {
  type: string;
  nameKk: string;
  nameRu: string;
  bin: string;
}

export interface NewUser {
  login: string;
  fullName: string;
  password: string;
  organisationId?: string;
  role?: string;
}

const ORGS = ['admin', 'organisations'] as const;
const USERS = ['admin', 'users'] as const;

export function useOrganisations() {
  const api = useApi();
  return useQuery({ queryKey: ORGS, queryFn: () => api.get<Organisation[]>('/api/v1/organisations') });
}

export function useCreateOrganisation() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewOrganisation) => api.post<Organisation>('/api/v1/organisations', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ORGS }),
  });
}

export function useUsers() {
  const api = useApi();
  return useQuery({ queryKey: USERS, queryFn: () => api.get<UserRow[]>('/api/v1/users') });
}

export function useCreateUser() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api.post<{ id: string; login: string; fullName: string }>('/api/v1/users', input),
    onSuccess: (_r, input) => {
      void qc.invalidateQueries({ queryKey: USERS });
      if (input.organisationId) void qc.invalidateQueries({ queryKey: ['organisations', input.organisationId, 'members'] });
    },
  });
}
