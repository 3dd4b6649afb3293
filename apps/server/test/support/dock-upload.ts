import { createHash } from 'node:crypto';

const b64 = (v: string) => Buffer.from(v).toString('base64');

/**
 * A whole upload by raw tus 1.0.0 HTTP with the SHA-256 in the metadata, as a dock does: committed at
 * the last byte. Answers the upload id and the server's recording id (the last PATCH's header).
 */
export async function dockUpload(
  server: string,
  token: string,
  bytes: Buffer,
  o: { name: string; inventoryNumber: string; modifiedAt: Date; dockingId?: string },
) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const meta = [
    `filename ${b64(o.name)}`,
    `inventoryNumber ${b64(o.inventoryNumber)}`,
    `modifiedAt ${b64(o.modifiedAt.toISOString())}`,
    `sha256 ${b64(sha256)}`,
    ...(o.dockingId ? [`dockingId ${b64(o.dockingId)}`] : []),
  ].join(',');
  const headers = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${server}/api/v1/dock/uploads`, {
    method: 'POST',
    headers: { ...headers, 'upload-length': String(bytes.length), 'upload-metadata': meta },
  });
  if (created.status !== 201) throw new Error(`tus creation ${created.status}: ${await created.text()}`);
  const url = new URL(created.headers.get('location')!, server);
  const patch = await fetch(url, {
    method: 'PATCH',
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: bytes,
  });
  if (patch.status !== 204) throw new Error(`tus PATCH ${patch.status}: ${await patch.text()}`);
  return { uploadId: url.pathname.split('/').pop()!, recordingId: patch.headers.get('baqylau-recording-id')!, sha256 };
}
