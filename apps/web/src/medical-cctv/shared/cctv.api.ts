import { useQueryClient } from '@tanstack/react-query';

/** Every DSM-335 route lives under the organisation's /cctv. */
export const cctvBase = (orgId: string) => `/api/v1/organisations/${orgId}/cctv`;

/** One key prefix for the whole rule set: a change to one register shows in the compliance picture at once. */
export const cctvKey = (orgId: string) => ['organisations', orgId, 'cctv'] as const;

/** After any write: the registers, the compliance report, the applications and the notices are read again. */
export function useInvalidateCctv(orgId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: cctvKey(orgId) });
    void qc.invalidateQueries({ queryKey: ['organisations', orgId, 'notifications'] });
  };
}

/** The media type the server expects for an uploaded file (the browser's guess, or the name's extension). */
export function fileType(file: File, allowed: Record<string, string>): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (file.type && Object.values(allowed).includes(file.type)) return file.type;
  return (ext && allowed[ext]) || null;
}

export const PLAN_FILES = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
export const PHOTO_FILES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
export const DOCUMENT_FILES = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
export const CLIP_FILES = { mp4: 'video/mp4', m4v: 'video/mp4' };
export const SHEET_FILES = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
