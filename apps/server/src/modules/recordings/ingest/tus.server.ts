import path from 'node:path';
import { Server, type ServerOptions } from '@tus/server';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../../platform/deps.ts';
import { findRecorderByInventory } from '../../recorders/recorders.repository.ts';
import { ingestRecording } from '../ingestRecording.ts';
import { uploadsInProgress } from '../recordings.table.ts';
import { HashingFileStore } from './hashing-file-store.ts';

/** Set by the Fastify route from the authenticated dock token; never taken from the client. */
export const ORG_HEADER = 'x-baqylau-organisation';
export const TOKEN_HEADER = 'x-baqylau-token-id';
export const UPLOADS_PATH = '/api/v1/dock/uploads';

type TusError = { status_code: number; body: string };
const refuse = (status_code: number, code: string, message: string): TusError => ({
  status_code,
  body: JSON.stringify({ error: { code, message } }),
});

export interface UploadMetadata {
  filename: string;
  inventoryNumber: string;
  modifiedAt: string;
  sha256: string;
}

function readMetadata(m: Record<string, string | null> | undefined): UploadMetadata | undefined {
  const filename = m?.filename ?? '';
  const inventoryNumber = m?.inventoryNumber ?? '';
  const modifiedAt = m?.modifiedAt ?? '';
  const sha256 = m?.sha256 ?? '';
  if (!filename || filename.length > 255 || /[/\\]/.test(filename)) return undefined; // never trust client paths
  if (!inventoryNumber || Number.isNaN(Date.parse(modifiedAt)) || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  return { filename, inventoryNumber, modifiedAt, sha256 };
}

/**
 * The tus endpoint for dock agents. Uploads are named "<organisation>.<random>"
 * and every request is checked against the token's organisation. The server's
 * own SHA-256 (computed while streaming) must equal the agent's; only then is
 * the original committed and the recording written.
 */
export function createTusServer(deps: AppDeps) {
  const datastore = new HashingFileStore(path.join(deps.store.stagingDir, 'tus'));
  const orgOf = (req: { headers: Headers }) => req.headers.get(ORG_HEADER) ?? '';

  const finish: NonNullable<ServerOptions['onUploadFinish']> = async (req, upload) => {
    const organisationId = orgOf(req);
    const meta = readMetadata(upload.metadata)!;
    const size = upload.size ?? upload.offset;
    const sha256 = await datastore.digest(upload.id, size);
    if (sha256 !== meta.sha256) {
      await datastore.remove(upload.id);
      throw refuse(460, 'ingest.checksum_mismatch', `SHA-256 ${sha256} differs from the agent's ${meta.sha256}`);
    }
    const rec = await ingestRecording(
      deps,
      { kind: 'token', id: req.headers.get(TOKEN_HEADER) },
      {
        organisationId,
        uploadId: upload.id,
        stagedPath: datastore.filePath(upload.id),
        size,
        sha256,
        inventoryNumber: meta.inventoryNumber,
        originalName: meta.filename,
        deviceModifiedAt: new Date(meta.modifiedAt),
      },
    );
    await datastore.remove(upload.id);
    return { headers: { 'Baqylau-Recording-Id': rec.id, 'Baqylau-Sha256': sha256 } };
  };

  const server = new Server({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    maxSize: deps.config.ingestMaxBytes,
    namingFunction: (req) => `${orgOf(req)}.${randomUUID()}`,
    async onIncomingRequest(req, uploadId) {
      if (!uploadId.startsWith(`${orgOf(req)}.`)) throw refuse(403, 'auth.forbidden', 'upload of another organisation');
    },
    async onUploadCreate(req, upload) {
      const meta = readMetadata(upload.metadata);
      if (!meta) throw refuse(400, 'ingest.metadata_invalid', 'filename, inventoryNumber, modifiedAt (ISO) and sha256 (hex) are required');
      const recorder = await findRecorderByInventory(deps.db, orgOf(req), meta.inventoryNumber);
      if (!recorder) throw refuse(400, 'recorder.not_found', `no recorder ${meta.inventoryNumber} in this subdivision`);
      await deps.db
        .insert(uploadsInProgress)
        .values({ uploadId: upload.id, organisationId: orgOf(req), recorderId: recorder.id, createdAt: deps.now() })
        .onConflictDoNothing();
      return {};
    },
    onUploadFinish: finish,
  });

  /**
   * Finishes an upload whose bytes all arrived but whose recording was not
   * written (crash in between), in the name of the dock token asking for it.
   */
  async function completeIfFinished(organisationId: string, tokenId: string, uploadId: string) {
    if (!uploadId.startsWith(`${organisationId}.`)) return undefined; // another organisation's upload: not found
    let upload;
    try {
      upload = await datastore.getUpload(uploadId);
    } catch {
      return undefined;
    }
    if (upload.size === undefined || upload.offset !== upload.size) return undefined;
    const headers = new Headers({ [ORG_HEADER]: organisationId, [TOKEN_HEADER]: tokenId });
    await finish({ headers } as never, upload);
    return true;
  }

  return { server, datastore, completeIfFinished };
}
