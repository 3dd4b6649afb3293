import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentKind, EducationOrganisationType, IndicatorId, Questionnaire } from '@baqylau/contracts';
import { useApi } from '../kernel/api/ApiContext.tsx';
import type {
  ApplicationDetail,
  ApplicationSummary,
  Commission,
  CompetitionPerson,
  Counts,
  MemberOrganisation,
  PublishedResults,
  Results,
  Review,
  ScoreSheet,
  Year,
} from './competition.types.ts';
import { apiBase } from './paths.ts';

const key = (orgId: string) => ['organisations', orgId, 'competition'] as const;

/** Every competition query of the organisation is read again after a change: a review moves the ranking, a submission the lists. */
function useChange<I, O>(orgId: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key(orgId) }) });
}

export function useYears(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'years'],
    queryFn: () => api.get<{ items: Year[] }>(`${apiBase(orgId)}/years`).then((r) => r.items),
  });
}

export function useYear(orgId: string, yearId: string) {
  const api = useApi();
  return useQuery({ queryKey: [...key(orgId), 'year', yearId], queryFn: () => api.get<Year>(`${apiBase(orgId)}/years/${yearId}`) });
}

export function useOpenYear(orgId: string) {
  const api = useApi();
  return useChange(orgId, (reportingYear: number) => api.post<Year>(`${apiBase(orgId)}/years`, { reportingYear }));
}

export function useMemberOrganisations(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'members'],
    queryFn: () => api.get<{ items: MemberOrganisation[] }>(`${apiBase(orgId)}/member-organisations`).then((r) => r.items),
  });
}

export function useAddMemberOrganisation(orgId: string) {
  const api = useApi();
  return useChange(orgId, (input: { nameKk: string; nameRu: string }) => api.post(`${apiBase(orgId)}/member-organisations`, input));
}

/** The people holding the coordinator or the commission member role: the organisers place them. */
export function usePeople(orgId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'people'],
    queryFn: () => api.get<{ items: CompetitionPerson[] }>(`${apiBase(orgId)}/people`).then((r) => r.items),
    enabled,
  });
}

export function useAssignCoordinator(orgId: string, memberOrganisationId: string) {
  const api = useApi();
  return useChange(orgId, (userId: string) =>
    api.post(`${apiBase(orgId)}/member-organisations/${memberOrganisationId}/coordinators`, { userId }),
  );
}

export function useApplications(orgId: string, yearId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'applications', yearId],
    queryFn: () => api.get<{ items: ApplicationSummary[] }>(`${apiBase(orgId)}/years/${yearId}/applications`).then((r) => r.items),
  });
}

export function useApplication(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'application', id],
    queryFn: () => api.get<ApplicationDetail>(`${apiBase(orgId)}/applications/${id}`),
  });
}

export interface DraftInput {
  educationOrganisationType?: EducationOrganisationType;
  questionnaire?: Partial<Questionnaire>;
  characteristic?: string;
  explanatoryNote?: string;
  counts?: Counts;
}

export function useCreateApplication(orgId: string, yearId: string) {
  const api = useApi();
  return useChange(orgId, (input: DraftInput & { memberOrganisationId: string; educationOrganisationType: EducationOrganisationType }) =>
    api.post<ApplicationDetail>(`${apiBase(orgId)}/years/${yearId}/applications`, input),
  );
}

export function useUpdateDraft(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, (input: DraftInput) => api.patch<ApplicationDetail>(`${apiBase(orgId)}/applications/${id}`, input));
}

export function useSubmitApplication(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, () => api.post<ApplicationDetail>(`${apiBase(orgId)}/applications/${id}/submit`));
}

export function useEnterStageOne(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, () => api.post<ApplicationDetail>(`${apiBase(orgId)}/applications/${id}/stage-one`, {}));
}

export function useSelectForStageTwo(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, (reason: string) =>
    api.post(`${apiBase(orgId)}/applications/${id}/stage-one/selection`, reason ? { reason } : {}),
  );
}

export function useRecordFatalAccident(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, (input: { occurredOn: string; note: string }) =>
    api.post<ApplicationDetail>(`${apiBase(orgId)}/applications/${id}/fatal-accident`, input),
  );
}

export interface DocumentInput {
  file: File;
  kind: DocumentKind;
  title: string;
  indicatorId?: IndicatorId;
  eventDate?: string;
}

export function useUploadDocument(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, ({ file, ...q }: DocumentInput) =>
    api.upload(`${apiBase(orgId)}/applications/${id}/documents`, file, file.type || 'application/octet-stream', {
      ...q,
      fileName: file.name,
    }),
  );
}

export function useDetachDocument(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, (documentId: string) => api.post(`${apiBase(orgId)}/applications/${id}/documents/${documentId}/detach`));
}

export function useReviews(orgId: string, id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'reviews', id],
    queryFn: () =>
      api.get<{ claimed: ScoreSheet; accepted: ScoreSheet; reviews: Review[] }>(`${apiBase(orgId)}/applications/${id}/reviews`),
    enabled,
  });
}

export function useReviewIndicator(orgId: string, id: string) {
  const api = useApi();
  return useChange(orgId, (input: { indicatorId: IndicatorId; acceptedCount: number; acceptedPositive?: number; reason?: string }) =>
    api.post(`${apiBase(orgId)}/applications/${id}/reviews`, input),
  );
}

export function useCommissions(orgId: string, yearId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'commissions', yearId],
    queryFn: () => api.get<{ items: Commission[] }>(`${apiBase(orgId)}/years/${yearId}/commissions`).then((r) => r.items),
  });
}

export function useFormCommission(orgId: string, yearId: string) {
  const api = useApi();
  return useChange(orgId, (input: { level: 'regional' | 'republican'; memberOrganisationId?: string; formedBy: string }) =>
    api.post(`${apiBase(orgId)}/years/${yearId}/commissions`, input),
  );
}

export function useAddCommissionMember(orgId: string, commissionId: string) {
  const api = useApi();
  return useChange(orgId, (input: { userId: string; memberOrganisationId?: string; chair?: boolean }) =>
    api.post(`${apiBase(orgId)}/commissions/${commissionId}/members`, input),
  );
}

export function useResults(orgId: string, yearId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(orgId), 'results', yearId],
    queryFn: () => api.get<Results>(`${apiBase(orgId)}/years/${yearId}/results`),
  });
}

export function useDecideTie(orgId: string, yearId: string) {
  const api = useApi();
  return useChange(orgId, (input: { group: number; order: string[]; reason: string }) =>
    api.post(`${apiBase(orgId)}/years/${yearId}/ties`, input),
  );
}

export function useSignProtocol(orgId: string, yearId: string) {
  const api = useApi();
  return useChange(orgId, () => api.post<Results>(`${apiBase(orgId)}/years/${yearId}/protocol/signatures`));
}

export function usePublishResults(orgId: string, yearId: string) {
  const api = useApi();
  return useChange(orgId, () => api.post<Year>(`${apiBase(orgId)}/years/${yearId}/publish`));
}

/** Public: no session needed (RC-24). */
export function usePublishedYears(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['public', 'competition', orgId],
    queryFn: () => api.get<{ items: { reportingYear: number; publishedAt: string }[] }>(`${apiBase(orgId)}/published`).then((r) => r.items),
  });
}

export function usePublishedResults(orgId: string, reportingYear: number | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['public', 'competition', orgId, reportingYear],
    queryFn: () => api.get<PublishedResults>(`${apiBase(orgId)}/published/${reportingYear}`),
    enabled: reportingYear !== undefined,
  });
}
