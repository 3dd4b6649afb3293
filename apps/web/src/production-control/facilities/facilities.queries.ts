import { useMutation, useQuery } from '@tanstack/react-query';
import type { HazardFeature } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';
import type { Facility, Person, Unit } from '../shared/pc.types.ts';

export function useFacilities(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'facilities'],
    queryFn: () => api.get<{ items: Facility[] }>(`${pcBase(orgId)}/facilities`).then((r) => r.items),
  });
}

/** The organisation's people in production control, with their roles (unit heads, officials). */
export function usePeople(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'people'],
    queryFn: () => api.get<{ items: Person[] }>(`${pcBase(orgId)}/people`).then((r) => r.items),
  });
}

export interface FacilityInput {
  name: string;
  registrationNumber: string;
  address: string;
  hazardFeatures: HazardFeature[];
  safeOperationConditions: string;
  commissionedOn: string | null;
}

export function useSaveFacility(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ id, ...input }: FacilityInput & { id?: string }) =>
      id ? api.patch<Facility>(`${pcBase(orgId)}/facilities/${id}`, input) : api.post<Facility>(`${pcBase(orgId)}/facilities`, input),
    onSuccess: invalidate,
  });
}

export function useDecommission(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ id, decommissionedOn }: { id: string; decommissionedOn: string }) =>
      api.post<Facility>(`${pcBase(orgId)}/facilities/${id}/decommission`, { decommissionedOn }),
    onSuccess: invalidate,
  });
}

export function useSaveUnit(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ id, facilityId, name, headId }: { id?: string; facilityId: string; name: string; headId: string | null }) =>
      id
        ? api.patch<Unit>(`${pcBase(orgId)}/units/${id}`, { name, headId })
        : api.post<Unit>(`${pcBase(orgId)}/facilities/${facilityId}/units`, { name, headId }),
    onSuccess: invalidate,
  });
}
