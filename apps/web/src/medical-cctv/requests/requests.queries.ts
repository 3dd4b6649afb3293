import { useMutation, useQuery } from '@tanstack/react-query';
import type { ApplicantRelationship } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { cctvBase, cctvKey, useInvalidateCctv } from '../shared/cctv.api.ts';
import type { AccessRequest, RequestFile } from '../shared/cctv.types.ts';

const key = (orgId: string) => [...cctvKey(orgId), 'requests'] as const;

/** R335-3: applications for a deceased patient's recordings. */
export function useRequests(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: key(orgId),
    queryFn: () => api.get<{ items: AccessRequest[] }>(`${cctvBase(orgId)}/requests`).then((r) => r.items),
  });
}

export function useRequest(orgId: string, id: string) {
  const api = useApi();
  return useQuery({ queryKey: [...key(orgId), id], queryFn: () => api.get<AccessRequest>(`${cctvBase(orgId)}/requests/${id}`) });
}

export interface NewRequest {
  receivedOn: string;
  applicantName: string;
  applicantIin: string;
  applicantContact?: string;
  relationship: ApplicantRelationship;
  patientName: string;
  patientIin: string;
  dateOfDeath: string;
  periodFrom: string;
  periodTo: string;
  placeIds: string[];
}

/** Received and numbered; the period is put on hold at once. */
export function useReceiveRequest(orgId: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: (input: NewRequest) => api.post<AccessRequest>(`${cctvBase(orgId)}/requests`, input),
    onSuccess: invalidate,
  });
}

/** A step on one application: the hold confirmed, the head's decision, the hand-over. */
export function useRequestStep(orgId: string, id: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  const one = `${cctvBase(orgId)}/requests/${id}`;
  const post =
    <B>(path: string) =>
    (body: B) =>
      api.post<AccessRequest>(`${one}/${path}`, body);
  return {
    confirmHold: useMutation({ mutationFn: post<{ confirmedBy: string }>('hold-confirmed'), onSuccess: invalidate }),
    decide: useMutation({ mutationFn: post<{ grant: boolean; reason: string }>('decision'), onSuccess: invalidate }),
    disclose: useMutation({ mutationFn: post<{ handedOverOn: string }>('disclosure'), onSuccess: invalidate }),
  };
}

/** A proof document (PDF, JPEG, PNG) or, once granted, a clip (MP4) as the raw body. */
export function useUploadRequestFile(orgId: string, id: string) {
  const api = useApi();
  const invalidate = useInvalidateCctv(orgId);
  return useMutation({
    mutationFn: ({ kind, file, type }: { kind: 'proof' | 'clip'; file: File; type: string }) =>
      api.upload<RequestFile>(`${cctvBase(orgId)}/requests/${id}/files`, file, type, { kind, fileName: file.name }),
    onSuccess: invalidate,
  });
}

export const requestFileUrl = (orgId: string, id: string, fileId: string) => `${cctvBase(orgId)}/requests/${id}/files/${fileId}`;
export const decisionPdfUrl = (orgId: string, id: string, lang: 'kk' | 'ru') =>
  `${cctvBase(orgId)}/requests/${id}/decision.pdf?lang=${lang}`;
