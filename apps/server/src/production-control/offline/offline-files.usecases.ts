import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { evidenceType, storeEvidence } from '../pc-files.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { attachToFinding } from '../violations/attachments.usecases.ts';
import { assertFieldRecordAccepted, fingerprint, lockInspection, priorReceipt, type User } from './field-guard.ts';
import { issueReceipt, within, type FieldMeta } from './offline-sync.usecases.ts';
import { acknowledgementOf, insertAcknowledgement, receiptOf } from './offline.repository.ts';

const SHA256 = /^[0-9a-f]{64}$/;

/** A replayed upload's body is read to its end and dropped: the object is already stored by its hash. */
async function drain(body: AsyncIterable<Buffer>) {
  for await (const _chunk of body);
}

interface Upload {
  body: AsyncIterable<Buffer>;
  contentType: string | undefined;
}

/** The receipt of an earlier upload with this client id, or undefined (read before the body is stored). */
async function replayOf(deps: AppDeps, organisationId: string, inspectionId: string, clientId: string, print: string) {
  return deps.db.transaction(async (tx) => {
    await lockInspection(tx, organisationId, inspectionId);
    return priorReceipt(tx, organisationId, inspectionId, clientId, print);
  });
}

/** The file into the store through the checked upload (type, size, content); its hash must be the one the device computed. */
async function storeChecked(deps: AppDeps, u: Upload, claimed: string, fileName: string) {
  if (!SHA256.test(claimed)) throw new AppError('pc.offline_hash_mismatch', { claimed, actual: '—' });
  const stored = await storeEvidence(deps, u.body, evidenceType(u.contentType), fileName);
  if (stored.sha256 !== claimed) throw new AppError('pc.offline_hash_mismatch', { claimed, actual: stored.sha256 });
  return stored;
}

export interface FieldPhoto extends FieldMeta {
  /** The client id of the answer (a finding) the photo shows. */
  answerClientId: string;
  sha256: string;
  fileName: string;
}

/**
 * A finding's photo taken in the field, content-addressed: the device computed its SHA-256, the
 * server stores it through the checked upload (type, size) and compares. The finding must be synced
 * first (its answer's receipt names the violation); the online rules are checked again.
 */
export async function syncPhoto(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  inspectionId: string,
  clientId: string,
  p: FieldPhoto,
  u: Upload,
) {
  const print = fingerprint('photo', { answerClientId: p.answerClientId, sha256: p.sha256, fileName: p.fileName });
  const prior = await replayOf(deps, organisationId, inspectionId, clientId, print);
  if (prior) {
    await drain(u.body);
    return { receipt: prior, replayed: true };
  }
  const recordedAt = new Date(p.recordedAt);
  const findingOf = async (tx: Parameters<typeof lockInspection>[0]) => {
    const i = await lockInspection(tx, organisationId, inspectionId);
    await assertFieldRecordAccepted(tx, deps, actor, i, recordedAt);
    const answer = await receiptOf(tx, organisationId, p.answerClientId);
    if (!answer || answer.inspectionId !== i.id) throw new AppError('pc.offline_finding_not_synced', { answerClientId: p.answerClientId });
    if (!answer.violationId) throw new AppError('pc.offline_photo_not_finding');
    return answer.violationId;
  };
  // The rules before the bytes are stored, and again in the transaction that attaches them.
  await deps.db.transaction(findingOf);
  const stored = await storeChecked(deps, u, p.sha256, p.fileName);
  return deps.db.transaction(async (tx) => {
    const again = await priorReceipt(tx, organisationId, inspectionId, clientId, print);
    if (again) return { receipt: again, replayed: true };
    const violationId = await findingOf(tx);
    const attachment = await attachToFinding(within(deps, tx), actor, organisationId, violationId, stored);
    const receipt = await issueReceipt(tx, deps, actor, {
      organisationId,
      inspectionId,
      clientId,
      kind: 'photo',
      fingerprint: print,
      subjectId: attachment.id,
      violationId,
      sha256: stored.sha256,
      deviceId: p.deviceId,
      recordedAt,
    });
    return { receipt, replayed: false };
  });
}

export interface FieldAcknowledgement extends FieldMeta {
  signerName: string;
  signerPosition: string;
  sha256: string;
}

/**
 * The unit head's acknowledgement of the findings, signed on the official's device: name, position
 * and the drawn signature (PNG, content-addressed like a photo). One per inspection: a second one
 * from another device is a conflict naming who signed first.
 */
export async function syncAcknowledgement(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  inspectionId: string,
  clientId: string,
  a: FieldAcknowledgement,
  u: Upload,
) {
  const signerName = a.signerName.trim();
  const signerPosition = a.signerPosition.trim();
  if (signerName.length < 3 || signerPosition.length < 2) throw new AppError('pc.offline_signer_required');
  const print = fingerprint('acknowledgement', { signerName, signerPosition, sha256: a.sha256 });
  const prior = await replayOf(deps, organisationId, inspectionId, clientId, print);
  if (prior) {
    await drain(u.body);
    return { receipt: prior, replayed: true };
  }
  const recordedAt = new Date(a.recordedAt);
  const check = async (tx: Parameters<typeof lockInspection>[0]) => {
    const i = await lockInspection(tx, organisationId, inspectionId);
    await assertFieldRecordAccepted(tx, deps, actor, i, recordedAt);
    const first = await acknowledgementOf(tx, i.id);
    if (first) throw new AppError('pc.offline_acknowledgement_conflict', { signer: first.signerName, at: first.signedAt.toISOString() });
  };
  await deps.db.transaction(check);
  const stored = await storeChecked(deps, u, a.sha256, 'signature.png');
  return deps.db.transaction(async (tx) => {
    const again = await priorReceipt(tx, organisationId, inspectionId, clientId, print);
    if (again) return { receipt: again, replayed: true };
    await check(tx);
    const row = {
      id: randomUUID(),
      organisationId,
      inspectionId,
      signerName,
      signerPosition,
      signatureSha256: stored.sha256,
      signatureMime: stored.mime,
      signatureSize: stored.size,
      signedAt: recordedAt,
      recordedBy: actor.id,
      receivedAt: deps.now(),
    };
    await insertAcknowledgement(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.findings_acknowledged',
      subjectType: 'pc_inspection',
      subjectId: inspectionId,
      payload: { ...row, receivedAt: undefined, signedAt: recordedAt.toISOString() },
    });
    const receipt = await issueReceipt(tx, deps, actor, {
      organisationId,
      inspectionId,
      clientId,
      kind: 'acknowledgement',
      fingerprint: print,
      subjectId: row.id,
      violationId: null,
      sha256: stored.sha256,
      deviceId: a.deviceId,
      recordedAt,
    });
    return { receipt, replayed: false };
  });
}
