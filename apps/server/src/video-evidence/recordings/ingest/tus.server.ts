import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ServerOptions } from '@tus/server';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireReserve } from '../../../platform/storage/free-space.ts';
import { findRecorderByInventory } from '../../recorders/recorders.repository.ts';
import { ingestRecording } from '../ingestRecording.ts';
import { recordingOfUpload } from '../recordings.repository.ts';
import { uploadsInProgress } from '../recordings.table.ts';
import { codedTusServer } from './coded-tus-server.ts';
import { HashingFileStore } from './hashing-file-store.ts';
import { useUncopiedBody } from './request-body.ts';

/** Set by the Fastify route from the authenticated dock token; never taken from the client. */
export const ORG_HEADER = 'x-baqylau-organisation';
export const TOKEN_HEADER = 'x-baqylau-token-id';
export const UPLOADS_PATH = '/api/v1/dock/uploads';

/** Headers of ours that a browser-based dock may read (CORS), beside the protocol's own. */
export const EXPOSED_HEADERS = ['Baqylau-Sha256', 'Baqylau-Recording-Id', 'Upload-Expires'];

export interface UploadMetadata {
  filename: string;
  inventoryNumber: string;
  modifiedAt: string;
  /**
   * The agent's SHA-256, known before the upload (agents that hash first). Without it the
   * agent hashes while uploading, and the finished upload waits for its confirmation.
   */
  sha256?: string;
  /** The agent's id of the docking this file was read in; its clock report may come later (R444-17). */
  dockingId?: string;
}

const SHA256 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant whose every field is real: 2026-02-30 or 24:00 is refused, never rolled over
 * into another day the way Date.parse does (a file's time is evidence).
 */
export function isExactInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  const dayOk = y >= 1970 && day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
  const offsetOk = m[8] === 'Z' || (Number(m[9]) <= 14 && Number(m[10]) < 60);
  return dayOk && h < 24 && mi < 60 && se < 60 && offsetOk;
}

function readMetadata(m: Record<string, string | null> | undefined): UploadMetadata | undefined {
  const filename = m?.filename ?? '';
  const inventoryNumber = m?.inventoryNumber ?? '';
  const modifiedAt = m?.modifiedAt ?? '';
  const sha256 = m?.sha256 ?? '';
  const dockingId = m?.dockingId ?? '';
  if (!filename || filename.length > 255 || /[/\\]/.test(filename)) return undefined; // never trust client paths
  if (!inventoryNumber || !isExactInstant(modifiedAt) || (sha256 && !SHA256.test(sha256))) return undefined;
  if (dockingId && !UUID.test(dockingId)) return undefined;
  return { filename, inventoryNumber, modifiedAt, ...(sha256 ? { sha256 } : {}), ...(dockingId ? { dockingId } : {}) };
}

class ChecksumMismatch extends Error {
  constructor(
    readonly server: string,
    readonly agent: string,
  ) {
    super(`SHA-256 ${server} differs from the agent's ${agent}`);
  }
}
const mismatchError = (e: ChecksumMismatch) => new AppError('ingest.checksum_mismatch', { serverSha256: e.server, agentSha256: e.agent });

type StagedUpload = Awaited<ReturnType<HashingFileStore['getUpload']>>;

/**
 * The tus endpoint for dock agents. Uploads are named "<organisation>.<random>"
 * and every request is checked against the token's organisation. The server's
 * own SHA-256 (computed while streaming) must equal the agent's; only then is
 * the original committed and the recording written. An agent that sent its
 * SHA-256 in the creation metadata gets that at the last PATCH; an agent that
 * hashes while uploading sends it afterwards (`confirm`), and until then the
 * finished upload stays staged, with the server's digest noted, and is no recording.
 */
export function createTusServer(deps: AppDeps, logError: (err: unknown, requestId: string | undefined) => void = () => undefined) {
  // `expiration` is advertised, so creations and unfinished PATCHes say when the upload goes
  // (Upload-Expires); the cleanup job removes it then (its metadata file is not touched again).
  const reserveBytes = deps.config.storageReserveMb * 2 ** 20;
  const datastore = new HashingFileStore(
    path.join(deps.store.stagingDir, 'tus'),
    undefined,
    deps.config.uploadExpiryHours * 3_600_000,
    reserveBytes,
  );
  // A creation the store could not finish (a full disk) leaves no row saying "uploading" either.
  datastore.onCreateFailed = (uploadId) =>
    deps.db
      .delete(uploadsInProgress)
      .where(eq(uploadsInProgress.uploadId, uploadId))
      .then(() => undefined);
  const orgOf = (req: { headers: Headers }) => req.headers.get(ORG_HEADER) ?? '';

  // One finish, confirmation or receipt at a time per upload: two would both ingest it.
  const running = new Map<string, Promise<unknown>>();
  async function serialised<T>(uploadId: string, fn: () => Promise<T>): Promise<T> {
    const mine = (running.get(uploadId) ?? Promise.resolve()).catch(() => undefined).then(fn);
    running.set(uploadId, mine);
    try {
      return await mine;
    } finally {
      if (running.get(uploadId) === mine) running.delete(uploadId);
    }
  }

  /** Nothing of a refused upload is kept: the agent uploads the file again. */
  async function discard(uploadId: string) {
    await datastore.remove(uploadId).catch(() => undefined);
    await deps.db.delete(uploadsInProgress).where(eq(uploadsInProgress.uploadId, uploadId));
  }

  /** Commits the staged upload and writes its recording, if the server's SHA-256 is the agent's. */
  async function ingestChecked(organisationId: string, tokenId: string | null, upload: StagedUpload, sha256: string, agentSha256: string) {
    if (sha256 !== agentSha256) {
      await discard(upload.id);
      throw new ChecksumMismatch(sha256, agentSha256);
    }
    const meta = readMetadata(upload.metadata)!;
    const rec = await ingestRecording(
      deps,
      { kind: 'token', id: tokenId },
      {
        organisationId,
        uploadId: upload.id,
        stagedPath: datastore.filePath(upload.id),
        size: upload.size!,
        sha256,
        inventoryNumber: meta.inventoryNumber,
        originalName: meta.filename,
        deviceModifiedAt: new Date(meta.modifiedAt),
        dockingId: meta.dockingId?.toLowerCase(),
      },
    );
    await datastore.remove(upload.id);
    return rec;
  }

  /** Every byte arrived and no agent SHA-256 is known yet: keep the upload staged and note the digest. */
  async function park(uploadId: string, sha256: string) {
    // The digest must describe bytes that are on disk, not only in the page cache, when it is noted.
    const fh = await fsp.open(datastore.filePath(uploadId), 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await deps.db.update(uploadsInProgress).set({ sha256 }).where(eq(uploadsInProgress.uploadId, uploadId));
  }

  const finish: NonNullable<ServerOptions['onUploadFinish']> = (req, upload) =>
    serialised(upload.id, async (): Promise<{ headers: Record<string, string> }> => {
      const meta = readMetadata(upload.metadata)!;
      upload.size ??= upload.offset;
      const sha256 = await datastore.digest(upload.id, upload.size);
      if (!meta.sha256) {
        await park(upload.id, sha256);
        return { headers: { 'Baqylau-Sha256': sha256 } };
      }
      try {
        const rec = await ingestChecked(orgOf(req), req.headers.get(TOKEN_HEADER), upload, sha256, meta.sha256);
        return { headers: { 'Baqylau-Recording-Id': rec.id, 'Baqylau-Sha256': sha256 } };
      } catch (e) {
        // 409 as `confirm` answers: 460 belongs to the checksum extension, which this server does not offer.
        if (e instanceof ChecksumMismatch) throw mismatchError(e);
        throw e;
      }
    });

  const server = codedTusServer(
    {
      path: UPLOADS_PATH,
      exposedHeaders: EXPOSED_HEADERS,
      datastore,
      relativeLocation: true,
      maxSize: deps.config.ingestMaxBytes,
      namingFunction: (req) => `${orgOf(req)}.${randomUUID()}`,
      async onIncomingRequest(req, uploadId) {
        if (req.method === 'OPTIONS') return;
        if (!uploadId.startsWith(`${orgOf(req)}.`)) throw new AppError('auth.forbidden');
        useUncopiedBody(req); // a PATCH body without Node 20's per-chunk copy
      },
      async onUploadCreate(req, upload) {
        // An empty file is no recording: it stays on the device, and nothing is staged.
        if (upload.size === 0) throw new AppError('ingest.file_empty');
        // filename, inventoryNumber and modifiedAt (an ISO 8601 instant with a real date and time); sha256, if sent, is hex
        const meta = readMetadata(upload.metadata);
        if (!meta) throw new AppError('ingest.metadata_invalid');
        const recorder = await findRecorderByInventory(deps.db, orgOf(req), meta.inventoryNumber);
        if (!recorder) throw new AppError('recorder.not_found');
        // Below the reserve a new upload would only take the space the ones under way need to finish.
        await requireReserve(deps.store.stagingDir, reserveBytes);
        await deps.db
          .insert(uploadsInProgress)
          .values({ uploadId: upload.id, organisationId: orgOf(req), recorderId: recorder.id, createdAt: deps.now() })
          .onConflictDoNothing();
        return {};
      },
      onUploadFinish: finish,
    },
    deps.translator,
    logError,
  );

  /** The organisation's staged upload with every byte in place, else undefined. */
  async function finishedUpload(organisationId: string, uploadId: string) {
    if (!uploadId.startsWith(`${organisationId}.`)) return undefined; // another organisation's upload: not found
    const upload = await datastore.getUpload(uploadId).catch(() => undefined);
    return upload && { upload, complete: upload.size !== undefined && upload.offset === upload.size };
  }

  /**
   * Finishes an upload whose bytes all arrived but whose recording was not
   * written (crash in between), in the name of the dock token asking for it.
   * Only for uploads that carry the agent's SHA-256; the others wait for `confirm`.
   */
  async function completeIfFinished(organisationId: string, tokenId: string, uploadId: string) {
    return serialised(uploadId, async () => {
      if (await recordingOfUpload(deps.db, organisationId, uploadId)) return true;
      const staged = await finishedUpload(organisationId, uploadId);
      const agentSha256 = staged?.complete ? readMetadata(staged.upload.metadata)?.sha256 : undefined;
      if (!staged || !agentSha256) return undefined;
      const sha256 = await datastore.digest(uploadId, staged.upload.size!);
      try {
        await ingestChecked(organisationId, tokenId, staged.upload, sha256, agentSha256);
      } catch (e) {
        throw e instanceof ChecksumMismatch ? mismatchError(e) : e;
      }
      return true;
    });
  }

  /**
   * The agent's SHA-256 for a finished upload: commits it and writes the
   * recording if it equals the server's, else discards the upload. Idempotent:
   * an upload already ingested answers its recording (if the SHA-256 is the same).
   */
  async function confirm(organisationId: string, tokenId: string, uploadId: string, agentSha256: string) {
    if (!uploadId.startsWith(`${organisationId}.`)) throw new AppError('ingest.upload_not_found');
    return serialised(uploadId, async () => {
      const done = await recordingOfUpload(deps.db, organisationId, uploadId);
      if (done) {
        if (done.sha256 !== agentSha256) throw mismatchError(new ChecksumMismatch(done.sha256, agentSha256));
        return done;
      }
      const staged = await finishedUpload(organisationId, uploadId);
      if (!staged) throw new AppError('ingest.upload_not_found');
      const { upload, complete } = staged;
      if (!complete) throw new AppError('ingest.upload_incomplete', { offset: upload.offset, size: upload.size ?? null });
      const meta = readMetadata(upload.metadata)!;
      const [row] = await deps.db
        .select({ sha256: uploadsInProgress.sha256 })
        .from(uploadsInProgress)
        .where(eq(uploadsInProgress.uploadId, uploadId));
      // No digest noted: the server stopped between the last byte and noting it.
      const sha256 = row?.sha256 ?? (await datastore.digest(uploadId, upload.size!));
      try {
        if (meta.sha256 && meta.sha256 !== agentSha256) throw new ChecksumMismatch(meta.sha256, agentSha256);
        return await ingestChecked(organisationId, tokenId, upload, sha256, agentSha256);
      } catch (e) {
        throw e instanceof ChecksumMismatch ? mismatchError(e) : e;
      }
    });
  }

  /**
   * tus termination, for the agent that finds the file changed while it read it:
   * the staged upload goes, never a committed recording (409); an upload already gone is 404.
   */
  async function abandon(organisationId: string, uploadId: string) {
    if (!uploadId.startsWith(`${organisationId}.`)) throw new AppError('ingest.upload_not_found');
    await serialised(uploadId, async () => {
      // tus: a terminated upload answers 404 from then on; evidence is never terminated by its uploader.
      if (await recordingOfUpload(deps.db, organisationId, uploadId)) throw new AppError('ingest.upload_committed');
      if (!(await datastore.getUpload(uploadId).catch(() => undefined))) throw new AppError('ingest.upload_not_found');
      await discard(uploadId);
    });
  }

  /**
   * The recording a finished upload became, for a HEAD on its URL: a standard tus client holding
   * that URL learns the upload is complete, instead of starting the file anew (a 404 would).
   */
  async function committedRecording(organisationId: string, uploadId: string) {
    if (!uploadId.startsWith(`${organisationId}.`)) return undefined;
    return recordingOfUpload(deps.db, organisationId, uploadId);
  }

  return { server, datastore, serialised, completeIfFinished, confirm, abandon, committedRecording };
}
