import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  DeadlineAgreement,
  EscalationStep,
  InstructionStatus,
  NormativeReference,
  Severity,
  ViolationEvent,
  ViolationStatus,
} from '@baqylau/contracts';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { pcBase, pcKey, useInvalidatePc } from '../shared/pc.api.ts';

// The rule set's base, key and evidence types live once in shared/pc.api.ts; re-exported for this feature's pages.
export { EVIDENCE_FILES, evidenceType, pcBase } from '../shared/pc.api.ts';

export interface Person {
  id: string;
  fullName: string;
}
export interface OrderRef {
  id: string;
  number: string;
  orderDate: string;
  signedBy: Person;
  reason: string;
}
export interface InstructionItem {
  id: string;
  position: number;
  violationId: string;
  description: string;
  reference: NormativeReference;
  severity: Severity;
  dangerous: boolean;
  measure: string;
  performer: Person;
  performerOutsideUnit: boolean;
  performerOrder: OrderRef | null;
  awaitingPerformersOrder: boolean;
  deadline: string;
  agreement: DeadlineAgreement;
  proposedDeadline: string | null;
  disagreementReason: string | null;
  settledBy: Person | null;
  settledAt: string | null;
  settlementNote: string | null;
  status: ViolationStatus;
  overdue: boolean;
  verifiedAt: string | null;
  verifiedBy: Person | null;
  evidence: { id: string; fileName: string; mime: string; size: number; uploadedAt: string }[];
  history: { kind: ViolationEvent; at: string; actor: Person; note: string | null }[];
}
export interface Instruction {
  id: string;
  number: string;
  issuedOn: string;
  status: InstructionStatus;
  inspectionId: string;
  facility: { id: string; name: string };
  unit: { id: string; name: string } | null;
  issuedBy: Person;
  unitHead: Person | null;
  act: { id: string; number: string; issuedOn: string } | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelOrder: OrderRef | null;
  overdue: boolean;
  items: InstructionItem[];
}
export interface InstructionSummary {
  id: string;
  number: string;
  issuedOn: string;
  status: InstructionStatus;
  facility: { id: string; name: string };
  unit: { id: string; name: string } | null;
  unitHead: Person | null;
  items: number;
  verified: number;
  overdue: number;
  nextDeadline: string | null;
}
export interface Measure {
  instructionId: string;
  instructionNumber: string;
  itemId: string;
  position: number;
  description: string;
  reference: NormativeReference;
  measure: string;
  deadline: string;
  status: ViolationStatus;
  overdue: boolean;
  awaitingPerformersOrder: boolean;
  mine: boolean;
  evidence: number;
}
export interface DraftLine {
  violationId: string;
  instructionId: string;
  instructionNumber: string;
  position: number;
  description: string;
  measure: string;
  performer: string;
  unitHead: string;
  status: ViolationStatus;
  dueOn: string;
  overdue: boolean;
  daysOverdue: number;
  escalatedBefore: number;
  suggested: EscalationStep | null;
}
export interface MonthlyCheck {
  id: string;
  month: string;
  official: Person;
  summary: string;
  reportedAt: string;
  lines: {
    violationId: string;
    instructionNumber?: string;
    position?: number;
    overdue: boolean;
    escalatedTo: EscalationStep | null;
    note: string;
  }[];
}

export interface InstructionFilters {
  status?: InstructionStatus;
  unitId?: string;
  overdue?: boolean;
}

export function useInstructions(orgId: string, f: InstructionFilters) {
  const api = useApi();
  const query: Record<string, string> = {};
  if (f.status) query.status = f.status;
  if (f.unitId) query.unitId = f.unitId;
  if (f.overdue !== undefined) query.overdue = String(f.overdue);
  const qs = new URLSearchParams(query).toString();
  return useQuery({
    queryKey: [...pcKey(orgId), 'instructions', query],
    queryFn: () => api.get<{ items: InstructionSummary[] }>(`${pcBase(orgId)}/instructions${qs ? `?${qs}` : ''}`).then((r) => r.items),
  });
}

export function useInstruction(orgId: string, id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'instructions', id],
    queryFn: () => api.get<Instruction>(`${pcBase(orgId)}/instructions/${id}`),
  });
}

export function useMyMeasures(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'measures'],
    queryFn: () => api.get<{ items: Measure[] }>(`${pcBase(orgId)}/measures/mine`).then((r) => r.items),
  });
}

export function useMonthlyDraft(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...pcKey(orgId), 'monthly-draft'],
    queryFn: () =>
      api.get<{ month: string; appointed: boolean; lines: DraftLine[]; done: MonthlyCheck | null }>(
        `${pcBase(orgId)}/monthly-checks/draft`,
      ),
  });
}

/** Every step on an instruction and its items: each answers with the instruction as it now stands. */
export function useInstructionSteps(orgId: string, id: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  const one = `${pcBase(orgId)}/instructions/${id}`;
  const item =
    <B>(path: string) =>
    ({ itemId, ...body }: B & { itemId: string }) =>
      api.post<Instruction>(`${one}/items/${itemId}/${path}`, body);
  return {
    agreement: useMutation({ mutationFn: item<{ agree: boolean; proposedDeadline?: string; reason?: string }>('agreement'), onSuccess }),
    settlement: useMutation({ mutationFn: item<{ deadline: string; note: string }>('settlement'), onSuccess }),
    verification: useMutation({ mutationFn: item<{ accept: boolean; note?: string; reason?: string }>('verification'), onSuccess }),
    report: useMutation({ mutationFn: item<{ note?: string }>('report'), onSuccess }),
    evidence: useMutation({
      mutationFn: ({ itemId, file, type }: { itemId: string; file: File; type: string }) =>
        api.upload(`${one}/items/${itemId}/evidence`, file, type, { fileName: file.name }),
      onSuccess,
    }),
    performersOrder: useMutation({
      mutationFn: (b: { number: string; orderDate: string }) => api.post(`${one}/performers-order`, b),
      onSuccess,
    }),
    cancel: useMutation({
      mutationFn: (b: { number: string; orderDate: string; reason: string }) => api.post<Instruction>(`${one}/cancel`, b),
      onSuccess,
    }),
  };
}

export function useRecordMonthlyCheck(orgId: string) {
  const api = useApi();
  const onSuccess = useInvalidatePc(orgId);
  return useMutation({
    mutationFn: (b: {
      month: string;
      summary: string;
      lines: { violationId: string; note: string; escalatedTo: EscalationStep | null }[];
    }) => api.post<MonthlyCheck>(`${pcBase(orgId)}/monthly-checks`, b),
    onSuccess,
  });
}

export const instructionPdfUrl = (orgId: string, id: string, lang: 'kk' | 'ru') =>
  `${pcBase(orgId)}/instructions/${id}/instruction.pdf?lang=${lang}`;
export const actPdfUrl = (orgId: string, actId: string, lang: 'kk' | 'ru') => `${pcBase(orgId)}/acts/${actId}/act.pdf?lang=${lang}`;
export const orderPdfUrl = (orgId: string, orderId: string, lang: 'kk' | 'ru') =>
  `${pcBase(orgId)}/orders/${orderId}/order.pdf?lang=${lang}`;
export const evidenceUrl = (orgId: string, id: string, itemId: string, attachmentId: string) =>
  `${pcBase(orgId)}/instructions/${id}/items/${itemId}/evidence/${attachmentId}`;
