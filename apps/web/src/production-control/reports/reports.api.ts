import { useMutation, useQuery } from '@tanstack/react-query';
import type { MonthlyReportFigures, OverdueAgeBand } from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

export interface ReportVersion {
  id: string;
  month: string;
  version: number;
  figuresSha256: string;
  presentedBy: { id: string; fullName: string };
  presentedAt: string;
  approval: { approvedBy: { id: string; fullName: string }; approvedAt: string } | null;
}

export interface Trends {
  months: string[];
  units: { key: string; label: string }[];
  violations: { month: string; byUnit: Record<string, number> }[];
  closure: { month: string; due: number; onTime: number; rate: number | null }[];
  overdueByAge: Record<OverdueAgeBand, number>;
}

/** R315-18: a month's live figures and the versions presented to the head. */
export function useMonthlyReport(orgId: string, month: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'monthly-report', month],
    queryFn: () => api.get<{ figures: MonthlyReportFigures; versions: ReportVersion[] }>(`${pcBase(orgId)}/reports/monthly/${month}`),
    enabled,
  });
}

export function useTrends(orgId: string, enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: [...pcKey(orgId), 'trends'], queryFn: () => api.get<Trends>(`${pcBase(orgId)}/reports/trends`), enabled });
}

export function usePresentReport(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (month: string) => api.post<ReportVersion>(`${pcBase(orgId)}/reports/monthly/${month}/presentation`, {}),
    onSuccess,
  });
}

export function useApproveReport(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (reportId: string) => api.post<ReportVersion>(`${pcBase(orgId)}/reports/monthly/versions/${reportId}/approval`, {}),
    onSuccess,
  });
}

export const monthlyReportPdfUrl = (orgId: string, month: string, lang: 'kk' | 'ru', version?: number) =>
  `${pcBase(orgId)}/reports/monthly/${month}/report.pdf?lang=${lang}${version ? `&version=${version}` : ''}`;

/** yyyy-mm of a date in Almaty (the organisation's zone). */
export const monthOf = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit' }).format(d);

/** The last `n` months up to the current one, newest first. */
export function recentMonths(n: number, now = new Date()): string[] {
  const [y, m] = monthOf(now).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
}
