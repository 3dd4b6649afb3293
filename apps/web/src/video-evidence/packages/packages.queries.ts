import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { retentionKey } from '../retention/retention.queries.ts';
import type { NewLink, NewPackage, PackageDetail, PackageSummary } from './packages.types.ts';

const base = (orgId: string) => `/api/v1/organisations/${orgId}/packages`;
const key = (orgId: string) => ['organisations', orgId, 'packages'] as const;
/** While a package builds, its progress is read again every second. */
const POLL_MS = 1000;

export function usePackages(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'list'],
    queryFn: () => api.get<PackageSummary[]>(base(orgId)),
    refetchInterval: (q) => (q.state.data?.some((p) => p.state === 'building') ? POLL_MS : false),
  });
}

export function usePackage(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'one', id],
    queryFn: () => api.get<PackageDetail>(`${base(orgId)}/${id}`),
    refetchInterval: (q) => (q.state.data?.state === 'building' ? POLL_MS : false),
  });
}

/** Creating a package places a legal hold on each recording and starts the build. */
export function useCreatePackage(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewPackage) => api.post<PackageSummary>(base(orgId), input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(orgId) });
      void qc.invalidateQueries({ queryKey: retentionKey(orgId) });
    },
  });
}

export function useCreateLink(orgId: string, packageId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<NewLink>(`${base(orgId)}/${packageId}/links`),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...key(orgId), 'one', packageId] }),
  });
}
