import type { OfflineReceipt } from '@baqylau/contracts';
import type { ApiClient } from '../../kernel/api/client.ts';
import { ApiError } from '../../kernel/api/errors.ts';
import { pcBase } from '../shared/pc.api.ts';
import { deviceId, recordsOf, saveRecord, type FieldRecord } from './field.db.ts';

/** Answers first (a photo needs its finding's receipt), then photos, then the acknowledgement. */
const ORDER: Record<FieldRecord['kind'], number> = { answer: 0, photo: 1, acknowledgement: 2 };

async function send(api: ApiClient, device: string, r: FieldRecord): Promise<OfflineReceipt> {
  const base = `${pcBase(r.orgId)}/inspections/${r.inspectionId}/offline`;
  const meta = { deviceId: device, recordedAt: r.recordedAt };
  switch (r.kind) {
    case 'answer':
      return api.put(`${base}/answers/${r.clientId}`, {
        ...meta,
        itemId: r.itemId,
        outcome: r.outcome,
        ...(r.note ? { note: r.note } : {}),
        ...(r.description ? { description: r.description } : {}),
        ...(r.dangerous ? { dangerous: true } : {}),
      });
    case 'photo':
      return api.upload(
        `${base}/photos/${r.clientId}`,
        r.blob,
        r.type,
        { ...meta, answerClientId: r.answerClientId, sha256: r.sha256, fileName: r.fileName },
        'PUT',
      );
    case 'acknowledgement':
      return api.upload(
        `${base}/acknowledgement/${r.clientId}`,
        r.blob,
        'image/png',
        { ...meta, signerName: r.signerName, signerPosition: r.signerPosition, sha256: r.sha256 },
        'PUT',
      );
  }
}

export interface SyncOutcome {
  sent: number;
  problems: number;
  /** The network or the session failed: the rest waits for the next sync (it resumes where this one stopped). */
  interrupted: boolean;
}

/**
 * Sends every record of the inspection that has no receipt yet, one at a time, keeping each receipt
 * on the device as it arrives. A refusal (conflict, rule) is kept with the record; a lost network
 * stops the sync, and the next one sends the rest — the server answers a record it already has with
 * the same receipt, so nothing is doubled.
 */
export async function syncInspection(api: ApiClient, inspectionId: string): Promise<SyncOutcome> {
  const out: SyncOutcome = { sent: 0, problems: 0, interrupted: false };
  const waiting = (await recordsOf(inspectionId)).filter((r) => !r.receipt).sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  if (!waiting.length) return out;
  const device = await deviceId();
  try {
    // The session's CSRF token (and whether the session still stands) before the first write.
    api.setCsrfToken((await api.get<{ csrfToken: string }>('/api/v1/me')).csrfToken);
  } catch {
    return { ...out, interrupted: true };
  }
  for (const r of waiting) {
    try {
      const receipt = await send(api, device, r);
      await saveRecord({ ...r, receipt, problem: undefined });
      out.sent++;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500) return { ...out, interrupted: true };
      await saveRecord({ ...r, problem: { code: e.code, message: e.message } });
      out.problems++;
    }
  }
  return out;
}
