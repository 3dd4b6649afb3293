import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { safeFileName } from '../../platform/safe-file-name.ts';

/** What the signed document's first bytes say it is: the same three kinds the checked upload accepts. */
const KINDS: [string, (h: Buffer) => boolean][] = [
  ['application/pdf', (h) => h.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['image/png', (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff],
];

/**
 * A version names the document uploaded before it (`.../document`, the checked upload) by its SHA-256.
 * Its size and type are read back from the store, never taken from the request.
 */
export async function storedDocument(deps: AppDeps, ref: { sha256: string; fileName: string }) {
  const stat = /^[0-9a-f]{64}$/.test(ref.sha256) ? await deps.store.stat(ref.sha256) : undefined;
  if (!stat) throw new AppError('pc.plan_document_missing', { field: 'document' });
  const chunks: Buffer[] = [];
  for await (const c of await deps.store.get(ref.sha256, { start: 0, end: Math.min(stat.size, 16) - 1 })) chunks.push(c as Buffer);
  const head = Buffer.concat(chunks);
  const kind = KINDS.find(([, test]) => test(head));
  if (!kind) throw new AppError('pc.plan_document_missing', { field: 'document' });
  return { fileSha256: ref.sha256, fileMime: kind[0], fileSize: stat.size, fileName: safeFileName(ref.fileName, 'plan') };
}
