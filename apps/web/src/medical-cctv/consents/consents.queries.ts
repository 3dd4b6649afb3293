import { useMutation, useQuery } from '@tanstack/react-query';
import type { ConsentKind } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { cctvBase, cctvKey, useInvalidateCctv } from '../shared/cctv.api.ts';
import type { Consent } from '../shared/cctv.types.ts';

/** R335-8-1: the consents for blood-draw rooms, withdrawn ones included. */
export function useConsents(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...cctvKey(orgId), 'consents'],
    queryFn: () => api.get<{ items: Consent[] }>(`${cctvBase(orgId)}/consents`).then((r) => r.items),
  });
}

export interface ConsentFields {
  kind: ConsentKind;
  personName: string;
  representedName?: string;
  employmentContract?: string;
  scope: string;
  placeId: string;
  givenOn: string;
}

/** An electronic consent (JSON), or a written one: its scan is the raw body and the fields go in the query. */
export function useRecordConsent(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ fields, scan }: { fields: ConsentFields; scan?: { file: File; type: string } }) =>
      scan
        ? api.upload<Consent>(`${cctvBase(orgId)}/consents/written`, scan.file, scan.type, { ...fields, fileName: scan.file.name })
        : api.post<Consent>(`${cctvBase(orgId)}/consents`, fields),
    onSuccess: invalidate,
  });
}

export function useWithdrawConsent(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; withdrawnOn: string; note: string }) =>
      api.post<{ consent: Consent; basisLost: boolean }>(`${cctvBase(orgId)}/consents/${id}/withdraw`, body),
    onSuccess: invalidate,
  });
}

export const consentScanUrl = (orgId: string, id: string) => `${cctvBase(orgId)}/consents/${id}/document`;
