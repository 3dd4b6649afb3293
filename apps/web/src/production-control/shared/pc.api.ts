import { useQueryClient } from '@tanstack/react-query';

/** Every Order 315 route lives under the organisation's /production-control. */
export const pcBase = (orgId: string) => `/api/v1/organisations/${orgId}/production-control`;

/** One key prefix for the rule set: an answer shows in the violation list and the proposals at once. */
export const pcKey = (orgId: string) => ['organisations', orgId, 'production-control'] as const;

export function useInvalidatePc(orgId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: pcKey(orgId) });
    void qc.invalidateQueries({ queryKey: ['organisations', orgId, 'notifications'] });
  };
}

/** The media type of an evidence file (a phone camera's JPEG/PNG, or a PDF), from the browser or the name. */
export const EVIDENCE_FILES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };
export function evidenceType(file: File): string | null {
  if (file.type && Object.values(EVIDENCE_FILES).includes(file.type)) return file.type;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (ext && EVIDENCE_FILES[ext]) || null;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
