import { useMutation, useQuery } from '@tanstack/react-query';
import type { ControlObject } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { cctvBase, cctvKey, useInvalidateCctv } from '../shared/cctv.api.ts';
import type { Camera } from '../shared/cctv.types.ts';

/** R335-4 … R335-6: the camera register, removed cameras included (they stay with their dates). */
export function useCameras(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...cctvKey(orgId), 'cameras'],
    queryFn: () => api.get<{ items: Camera[] }>(`${cctvBase(orgId)}/cameras`).then((r) => r.items),
  });
}

export interface NewCamera {
  number: string;
  placeId: string;
  coverage: string;
  controlObjects: ControlObject[];
  model?: string;
  installedOn: string;
  signInstalled?: boolean;
}

/** Judged by the placement rules before it is stored: a refusal names the point. */
export function useRegisterCamera(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: (input: NewCamera) => api.post<Camera>(`${cctvBase(orgId)}/cameras`, input),
    onSuccess: invalidate,
  });
}

export function useMoveCamera(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; placeId: string; reason: string }) =>
      api.post<Camera>(`${cctvBase(orgId)}/cameras/${id}/move`, body),
    onSuccess: invalidate,
  });
}

/** Point 6: whether the sign «Бейне бақылауда» hangs at the camera. */
export function useRecordSign(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ id, installed }: { id: string; installed: boolean }) =>
      api.put<Camera>(`${cctvBase(orgId)}/cameras/${id}/sign`, { installed }),
    onSuccess: invalidate,
  });
}

/** A photo of the sign (JPEG or PNG) proves it hangs; it marks the sign installed. */
export function useUploadSignPhoto(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ id, file, type }: { id: string; file: File; type: string }) =>
      api.upload<Camera>(`${cctvBase(orgId)}/cameras/${id}/sign/photo`, file, type, undefined, 'PUT'),
    onSuccess: invalidate,
  });
}

export function useRemoveCamera(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; removedOn: string; reason: string }) =>
      api.post<Camera>(`${cctvBase(orgId)}/cameras/${id}/remove`, body),
    onSuccess: invalidate,
  });
}

export const signPhotoUrl = (orgId: string, id: string) => `${cctvBase(orgId)}/cameras/${id}/sign/photo`;
