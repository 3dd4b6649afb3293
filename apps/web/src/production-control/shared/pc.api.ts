import { useQueryClient } from '@tanstack/react-query';

/** Every Order 315 route lives under the organisation's /production-control. */
export const pcBase = (orgId: string) => `/api/v1/organisations/${orgId}/production-control`;

/** One key prefix for the rule set: a change anywhere shows on the dashboard at once. */
export const pcKey = (orgId: string) => ['organisations', orgId, 'production-control'] as const;

export function useInvalidatePc(orgId: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: pcKey(orgId) });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
