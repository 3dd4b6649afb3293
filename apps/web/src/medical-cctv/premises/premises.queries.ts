import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CareType, PlaceKind, RoomType } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { cctvBase, cctvKey, useInvalidateCctv } from '../shared/cctv.api.ts';
import type { Place } from '../shared/cctv.types.ts';

/** Points 8–11: the types of care the organisation gives. */
export function useProfile(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...cctvKey(orgId), 'profile'],
    queryFn: () => api.get<{ careTypes: CareType[] }>(`${cctvBase(orgId)}/profile`),
  });
}

export function useSetProfile(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: (careTypes: CareType[]) => api.put<{ careTypes: CareType[] }>(`${cctvBase(orgId)}/profile`, { careTypes }),
    onSuccess: invalidate,
  });
}

/** R335-2: every place of the register, closed ones included (they keep their history). */
export function usePlaces(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...cctvKey(orgId), 'places'],
    queryFn: () => api.get<{ items: Place[] }>(`${cctvBase(orgId)}/places`).then((r) => r.items),
  });
}

export interface NewPlace {
  kind: PlaceKind;
  name: string;
  parentId?: string | null;
  roomType?: RoomType;
  unit?: string;
}

export function useAddPlace(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: (input: NewPlace) => api.post<Place>(`${cctvBase(orgId)}/places`, input),
    onSuccess: invalidate,
  });
}

export function useChangePlace(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; name?: string; unit?: string; roomType?: RoomType }) =>
      api.patch<Place>(`${cctvBase(orgId)}/places/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useClosePlace(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${cctvBase(orgId)}/places/${id}`),
    onSuccess: invalidate,
  });
}

/** When this browser last replaced each floor's plan: its address changes then, and only then, so the image is fetched anew. */
const planVersionsKey = (orgId: string) => ['organisations', orgId, 'cctv-plan-versions'] as const;

export function usePlanVersions(orgId: string) {
  return useQuery({
    queryKey: planVersionsKey(orgId),
    queryFn: () => ({}) as Record<string, number>,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
}

/** A floor's plan (SVG, PNG or JPEG) as the raw body. */
export function useUploadPlan(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ id, file, type }: { id: string; file: File; type: string }) =>
      api.upload<Place>(`${cctvBase(orgId)}/places/${id}/plan`, file, type, undefined, 'PUT'),
    onSuccess: (place) => {
      qc.setQueryData<Record<string, number>>(planVersionsKey(orgId), (v) => ({ ...v, [place.id]: Date.now() }));
      invalidate();
    },
  });
}

/** Rooms from CSV or XLSX (building, floor, room, room_type, unit): all or nothing. */
export function useImportRooms(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ file, type }: { file: File; type: string }) =>
      api.upload<{ created: number; rooms: number }>(`${cctvBase(orgId)}/places/import`, file, type),
    onSuccess: invalidate,
  });
}

/** The plan's address; `version` changes when a new plan is uploaded here, so the browser fetches it again. */
export const planUrl = (orgId: string, placeId: string, version = 0) =>
  version ? `${cctvBase(orgId)}/places/${placeId}/plan?v=${version}` : `${cctvBase(orgId)}/places/${placeId}/plan`;
