import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  CapaKind,
  CapaMeasureStatus,
  CapaSource,
  CapaStatus,
  CapaSummary,
  PlanProposalKind,
  PlanProposalStatus,
  ViolationStatus,
} from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

type Person = { id: string; fullName: string };
type Names = { kk: string; ru: string; en: string };

export interface CauseCategory {
  id: string;
  parentId: string | null;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  retiredAt: string | null;
}

export interface CapaItem {
  id: string;
  number: string;
  year: number;
  kind: CapaKind;
  title: string;
  facilityId: string | null;
  facilityName: string | null;
  unitId: string | null;
  unitName: string | null;
  source: CapaSource | null;
  status: CapaStatus;
  round: number;
  openedAt: string;
  closedAt: string | null;
}

export interface CapaMeasure {
  id: string;
  causeId: string;
  round: number;
  description: string;
  responsible: Person;
  dueOn: string;
  resources: string;
  status: CapaMeasureStatus;
  decisionId: string | null;
  doneBy: Person | null;
  doneAt: string | null;
  summary: string | null;
}

export interface CapaDetail extends CapaItem {
  sourceDescription: string | null;
  forecastDescription: string | null;
  openedBy: Person;
  closedBy: Person | null;
  closingNote: string | null;
  violations: { id: string; description: string; status: ViolationStatus; foundAt: string }[];
  causes: {
    id: string;
    causeCategoryId: string;
    code: string;
    name: Names;
    category: Names | null;
    description: string;
    recordedBy: Person;
    recordedAt: string;
  }[];
  decisions: { id: string; number: string; decidedOn: string; wording: string; decidedBy: Person; decidedAt: string }[];
  measures: CapaMeasure[];
  evaluations: { id: string; round: number; effective: boolean; conclusion: string; evaluatedBy: Person; evaluatedAt: string }[];
  managementReports: { id: string; summary: string; reportedBy: Person; reportedAt: string }[];
}

export interface PlanProposal {
  id: string;
  year: number;
  kind: PlanProposalKind;
  description: string;
  facilityId: string | null;
  facilityName: string | null;
  unitId: string | null;
  unitName: string | null;
  capaId: string;
  capaNumber: string;
  status: PlanProposalStatus;
  proposedBy: Person;
  proposedAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  scheduleItemId: string | null;
}

const key = (orgId: string, ...rest: unknown[]) => [...pcKey(orgId), 'capa', ...rest];

export function useCapas(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: key(orgId, 'list'),
    queryFn: () => api.get<{ items: CapaItem[] }>(`${pcBase(orgId)}/capas`).then((r) => r.items),
  });
}

export function useCapa(orgId: string, id: string) {
  const api = useApi();
  return useQuery({ queryKey: key(orgId, 'one', id), queryFn: () => api.get<CapaDetail>(`${pcBase(orgId)}/capas/${id}`) });
}

export function useCauses(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: key(orgId, 'causes'),
    queryFn: () => api.get<{ items: CauseCategory[] }>(`${pcBase(orgId)}/capa/causes`).then((r) => r.items),
  });
}

export function usePlanProposals(orgId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: key(orgId, 'proposals'),
    queryFn: () => api.get<{ items: PlanProposal[] }>(`${pcBase(orgId)}/capa/plan-proposals`).then((r) => r.items),
  });
}

export function useCapaSummary(orgId: string, year: number, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: key(orgId, 'summary', year),
    queryFn: () => api.get<CapaSummary>(`${pcBase(orgId)}/capa/summary`, { year }),
    enabled,
  });
}

/** One mutation per call site: POST/PATCH/DELETE a path under production-control, then refresh the rule set's queries. */
export function useCapaAction<B = unknown, R = unknown>(orgId: string, method: 'post' | 'patch' | 'delete' = 'post') {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: B }) =>
      method === 'delete' ? api.delete<R>(`${pcBase(orgId)}${path}`) : api[method]<R>(`${pcBase(orgId)}${path}`, body ?? {}),
    onSuccess,
  });
}

/** The name of a taxonomy entry in the interface language (Kazakh by default). */
export const causeName = (c: Pick<CauseCategory, 'nameKk' | 'nameRu' | 'nameEn'>, lang: string) =>
  lang.startsWith('ru') ? c.nameRu : lang.startsWith('en') ? c.nameEn : c.nameKk;
export const namesIn = (n: Names, lang: string) => (lang.startsWith('ru') ? n.ru : lang.startsWith('en') ? n.en : n.kk);
