import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findInspection } from '../inspections/inspections.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { attachmentsOf, findViolation, insertAttachment } from './violations.repository.ts';

type User = Actor & { id: string };

/** A finding's photos and documents are added by the inspection's official while the inspection is in progress. */
export async function assertFindingTakesFile(db: DbOrTx, actor: User, organisationId: string, violationId: string) {
  const v = await findViolation(db, organisationId, violationId);
  if (!v) throw new AppError('pc.violation_not_found');
  const i = await findInspection(db, organisationId, v.inspectionId);
  if (!i || i.status !== 'in_progress') throw new AppError('pc.inspection_completed');
  if (i.officialId !== actor.id) throw new AppError('pc.not_inspection_official');
  return v;
}

export async function attachToFinding(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  violationId: string,
  file: { sha256: string; size: number; mime: string; fileName: string },
) {
  return deps.db.transaction(async (tx) => {
    const v = await assertFindingTakesFile(tx, actor, organisationId, violationId);
    const row = {
      id: randomUUID(),
      organisationId,
      violationId: v.id,
      purpose: 'finding' as const,
      ...file,
      uploadedBy: actor.id,
      uploadedAt: deps.now(),
    };
    await insertAttachment(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.finding_file_added',
      subjectType: 'pc_violation',
      subjectId: v.id,
      payload: { ...row, uploadedAt: undefined },
    });
    return row;
  });
}

/** A download of evidence is logged (who fetched which object). */
export async function logAttachmentDownload(deps: AppDeps, actor: User, organisationId: string, violationId: string, attachmentId: string) {
  const a = (await attachmentsOf(deps.db, violationId)).find((x) => x.id === attachmentId && x.organisationId === organisationId);
  if (!a) throw new AppError('pc.attachment_not_found');
  await deps.db.transaction((tx) =>
    recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.attachment_downloaded',
      subjectType: 'pc_violation',
      subjectId: violationId,
      payload: { attachmentId: a.id, sha256: a.sha256 },
    }),
  );
  return a;
}
