import { useMutation, useQuery } from '@tanstack/react-query';
import type { AnalysisDirection, AnnualAnalysisFigures, IndicatorDefinition, Locale, NoticeAddressees } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

export interface AnalysisVersion {
  id: string;
  year: number;
  version: number;
  sha256: string;
  directions: AnalysisDirection[];
  presentedBy: { id: string; fullName: string };
  presentedAt: string;
  approval: { approvedBy: { id: string; fullName: string }; approvedAt: string } | null;
}

/** R315-20: the year's live indicators and results, and the versions presented to the head. */
export function useAnnualAnalysis(orgId: string, year: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'analysis', year],
    queryFn: () => api.get<{ figures: AnnualAnalysisFigures; versions: AnalysisVersion[] }>(`${pcBase(orgId)}/analysis/${year}`),
  });
}

export function usePresentAnalysis(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (b: { year: number; directions: AnalysisDirection[] }) =>
      api.post<AnalysisVersion>(`${pcBase(orgId)}/analysis/${b.year}/presentation`, { directions: b.directions }),
    onSuccess,
  });
}

export function useApproveAnalysis(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (id: string) => api.post<AnalysisVersion>(`${pcBase(orgId)}/analysis/versions/${id}/approval`, {}),
    onSuccess,
  });
}

export function useNoticeFromAnalysis(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (b: { id: string; causes: string; addressees: NoticeAddressees; language: Locale }) =>
      api.post<{ noticeId: string; addressees: number }>(`${pcBase(orgId)}/analysis/versions/${b.id}/notice`, {
        causes: b.causes,
        addressees: b.addressees,
        language: b.language,
      }),
    onSuccess,
  });
}

export function useIndicators(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'indicators'],
    queryFn: () => api.get<{ items: IndicatorDefinition[]; history: IndicatorDefinition[] }>(`${pcBase(orgId)}/analysis/indicators`),
  });
}

export function useDefineIndicator(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (d: Omit<IndicatorDefinition, 'version'>) => api.post<IndicatorDefinition>(`${pcBase(orgId)}/analysis/indicators`, d),
    onSuccess,
  });
}

export const analysisPdfUrl = (orgId: string, year: number, lang: 'kk' | 'ru', version?: number) =>
  `${pcBase(orgId)}/analysis/${year}/analysis.pdf?lang=${lang}${version ? `&version=${version}` : ''}`;

/** The indicator's name in the reader's language. */
export const indicatorName = (d: IndicatorDefinition, lang: string) => (lang === 'kk' ? d.nameKk : lang === 'ru' ? d.nameRu : d.nameEn);
