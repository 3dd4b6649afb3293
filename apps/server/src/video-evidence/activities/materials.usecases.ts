import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { OrgRole } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { safeFileName } from '../../platform/safe-file-name.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findActivity } from './activities.repository.ts';
import { findMaterial, insertMaterial } from './materials.repository.ts';

const PDF_MAGIC = Buffer.from('%PDF-');

/** Passes the body through unchanged, refusing it as soon as it is not a PDF or grows past the limit. */
async function* checkedPdf(body: AsyncIterable<Buffer>, maxBytes: number) {
  let head = Buffer.alloc(0);
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new AppError('material.too_large', { max: maxBytes, maxMb: Number((maxBytes / 2 ** 20).toFixed(2)) });
    if (head.length < PDF_MAGIC.length) {
      head = Buffer.concat([head, chunk]);
      if (head.length < PDF_MAGIC.length) continue;
      if (!head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) throw new AppError('material.not_pdf');
      yield head;
      continue;
    }
    yield chunk;
  }
  if (head.length < PDF_MAGIC.length) throw new AppError('material.not_pdf');
}

/** The client's name as a safe single segment ending in .pdf. */
export function materialFileName(raw: string): string {
  const base = safeFileName(raw, 'material');
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/** Head and responsible person for any activity; an inspector only for an activity they are assigned to. */
async function activityForUploader(deps: AppDeps, organisationId: string, activityId: string, userId: string, roles: Set<OrgRole>) {
  const activity = await findActivity(deps.db, organisationId, activityId);
  const allowed = activity && (roles.has('head') || roles.has('responsible') || activity.inspectorIds.includes(userId));
  if (!allowed) throw new AppError('activity.not_found');
  return activity;
}

export interface NewMaterial {
  title: string;
  fileName: string;
  declaredSize?: number;
}

/**
 * R444-14, R444-18: an act, protocol or instruction drawn up in the activity,
 * as a PDF in the write-once store beside the recordings; it goes into court
 * packages with them. The bytes are checked as they stream (never buffered).
 */
export async function addActivityMaterial(
  deps: AppDeps,
  actor: Actor & { id: string },
  roles: Set<OrgRole>,
  organisationId: string,
  activityId: string,
  input: NewMaterial,
  body: AsyncIterable<Buffer>,
) {
  await activityForUploader(deps, organisationId, activityId, actor.id, roles);
  const max = deps.config.materialMaxBytes;
  if (input.declaredSize !== undefined && input.declaredSize > max)
    throw new AppError('material.too_large', { max, maxMb: Number((max / 2 ** 20).toFixed(2)) });
  const stored = await deps.store.put(Readable.from(checkedPdf(body, max)));
  const row = {
    id: randomUUID(),
    organisationId,
    activityId,
    title: input.title.trim(),
    fileName: materialFileName(input.fileName),
    sha256: stored.sha256,
    size: stored.size,
    uploadedBy: actor.id,
    uploadedAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await insertMaterial(tx, row);
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'activity.material_added',
        subjectType: 'activity',
        subjectId: activityId,
        payload: { materialId: row.id, title: row.title, fileName: row.fileName, sha256: row.sha256, size: row.size },
      },
      row.uploadedAt,
    );
  });
  return row;
}

/** R444-21: every download of a material is in the ledger. */
export async function downloadActivityMaterial(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  activityId: string,
  materialId: string,
) {
  const m = await findMaterial(deps.db, organisationId, materialId);
  if (!m || m.activityId !== activityId) throw new AppError('material.not_found');
  await deps.db.transaction((tx) =>
    appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'activity.material_downloaded',
        subjectType: 'activity',
        subjectId: activityId,
        payload: { materialId: m.id, sha256: m.sha256 },
      },
      deps.now(),
    ),
  );
  return m;
}
