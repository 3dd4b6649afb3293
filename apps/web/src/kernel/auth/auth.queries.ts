import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { ApiError } from '../api/errors.ts';
import type { LoginStatus, Me, TotpEnrolment } from './auth.types.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export function useMe() {
  const api = useApi();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api.get<Me>('/api/v1/me');
        api.setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          api.setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const api = useApi();
  return useMutation({
    mutationFn: async (input: { login: string; password: string }) => {
      const r = await api.post<{ status: LoginStatus; csrfToken: string }>('/api/v1/auth/login', input);
      api.setCsrfToken(r.csrfToken);
      return r;
    },
  });
}

export function useSecondFactor() {
  const api = useApi();
  return useMutation({ mutationFn: (code: string) => api.post<{ ok: true }>('/api/v1/auth/totp', { code }) });
}

export function useStartEnrolment() {
  const api = useApi();
  return useMutation({ mutationFn: () => api.post<TotpEnrolment>('/api/v1/auth/totp/enrolment') });
}

export function useConfirmEnrolment() {
  const api = useApi();
  return useMutation({ mutationFn: (code: string) => api.post<{ ok: true }>('/api/v1/auth/totp/enrolment/confirm', { code }) });
}

/** Sign out of this session, or of every session of the user. */
export function useLogout() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) => api.post<{ ok: true }>(everywhere ? '/api/v1/auth/logout-everywhere' : '/api/v1/auth/logout'),
    onSettled: () => {
      api.setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export function useSwitchOrganisation() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => api.put<{ ok: true }>('/api/v1/me/organisation', { organisationId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}
