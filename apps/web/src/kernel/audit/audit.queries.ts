import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext.tsx';
import { endOfDay, startOfDay } from '../format/datetime.ts';

export interface LedgerEntry {
  seq: number;
  recordedAt: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payload: unknown;
  payloadHash: string;
  prevHash: string;
  entryHash: string;
}

export interface Verification {
  ok: boolean;
  organisationId: string;
  entries: number;
  checkpoints: number;
  headSeq: number;
  firstBad?: { seq: number; entryId?: number; checkpointId?: number; fault: string };
  /** The hash chain alone; `ok` also needs every record table to match the ledger. */
  chainOk?: boolean;
  records?: RecordCheck[];
}

/** A table whose rows must equal what the ledger recorded (e.g. the Order 444 journal). */
export interface RecordCheck {
  ok: boolean;
  table: string;
  checked: number;
  firstBad?: { number: number | null; entryId: string; field: string };
}

export interface Checkpoint {
  id: number;
  seq: number;
  entryHash: string;
  signedAt: string;
  keyFingerprint: string;
  signature: string;
}

export interface InstanceKey {
  algorithm: 'Ed25519';
  publicKeyPem: string;
  publicKeyRaw: string;
  fingerprint: string;
}

export interface LedgerFilter {
  actorId: string | null;
  action: string | null;
  /** Calendar days (yyyy-mm-dd) in the display zone, both included. */
  from: string | null;
  to: string | null;
}

export const PAGE_SIZE = 50;
const ledgerKey = (orgId: string) => ['organisations', orgId, 'ledger'] as const;

/** Newest first; "load more" asks for entries before the last sequence number shown. */
export function useLedger(orgId: string, f: LedgerFilter) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...ledgerKey(orgId), 'entries', f],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<LedgerEntry[]>(`/api/v1/organisations/${orgId}/ledger`, {
        actorId: f.actorId,
        action: f.action,
        from: f.from ? startOfDay(f.from) : undefined,
        to: f.to ? endOfDay(f.to) : undefined,
        beforeSeq: pageParam,
        limit: PAGE_SIZE,
      }),
    getNextPageParam: (last) => (last.length < PAGE_SIZE ? undefined : last.at(-1)?.seq),
  });
}

export function useVerifyLedger(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Verification>(`/api/v1/organisations/${orgId}/ledger/verify`),
    // The verification itself is recorded as a new entry.
    onSettled: () => qc.invalidateQueries({ queryKey: ledgerKey(orgId) }),
  });
}

export function useCheckpoints(orgId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ledgerKey(orgId), 'checkpoints'],
    queryFn: () => api.get<Checkpoint[]>(`/api/v1/organisations/${orgId}/ledger/checkpoints`),
  });
}

export function useSignCheckpoint(orgId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Checkpoint | null>(`/api/v1/organisations/${orgId}/ledger/checkpoints`),
    onSettled: () => qc.invalidateQueries({ queryKey: ledgerKey(orgId) }),
  });
}

export function useInstanceKey() {
  const api = useApi();
  return useQuery({
    queryKey: ['instance', 'public-key'],
    queryFn: () => api.get<InstanceKey>('/api/v1/instance/public-key'),
    staleTime: Infinity,
  });
}
