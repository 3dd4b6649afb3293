import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { cctvBase, cctvKey } from '../shared/cctv.api.ts';
import type { Camera, ComplianceReport } from '../shared/cctv.types.ts';

const complianceKey = (orgId: string) => [...cctvKey(orgId), 'compliance'] as const;

/** Every camera in service with its verdict, cited points and findings (R335-4 … R335-12). */
export function useCompliance(orgId: string) {
  const api = useApi();
  return useQuery({ queryKey: complianceKey(orgId), queryFn: () => api.get<ComplianceReport>(`${cctvBase(orgId)}/compliance`) });
}

/** Where a camera stands on its floor plan (fractions of the plan's width and height). */
export function usePinCamera(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, x, y }: { id: string; x: number; y: number }) => api.put<Camera>(`${cctvBase(orgId)}/cameras/${id}/pin`, { x, y }),
    onSuccess: (camera) => {
      // The pin stays where it was dropped while the report is read again.
      qc.setQueryData<ComplianceReport>(
        complianceKey(orgId),
        (r) => r && { ...r, cameras: r.cameras.map((c) => (c.camera.id === camera.id ? { ...c, camera: { ...c.camera, ...camera } } : c)) },
      );
      void qc.invalidateQueries({ queryKey: cctvKey(orgId) });
    },
  });
}

export const compliancePdfUrl = (orgId: string, lang: 'kk' | 'ru') => `${cctvBase(orgId)}/compliance.pdf?lang=${lang}`;
export const signPdfUrl = (orgId: string) => `${cctvBase(orgId)}/sign.pdf`;
