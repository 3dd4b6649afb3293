import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { findLedgerBinding } from '../../kernel/evidence-packages/ledger-binding.ts';
import { sealPackage } from '../../kernel/evidence-packages/sealPackage.ts';
import { rehashStored, StoredBytesChanged } from '../../kernel/evidence-packages/stored-bytes.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { filesOfRequest, findRequest, type AccessRequestRow, type RequestFileRow } from '../access-requests/access-requests.repository.ts';
import { recordCctvEvent } from '../cctv-ledger.ts';
import { listPlaces } from '../premises/premises.repository.ts';
import { placePath } from '../premises/place-tree.ts';
import { CLIP_ADDED, DISCLOSURE_PURPOSE, REQUEST_SUBJECT, disclosurePackageContent } from './disclosure-package-content.ts';
import { findDisclosurePackage, insertDisclosurePackage, nextPackageSeq } from './disclosure-packages.repository.ts';

/** Every clip of the application, re-hashed from the store and bound to the ledger entry that added it. */
async function verifiedClips(deps: AppDeps, r: AccessRequestRow) {
  const files = (await filesOfRequest(deps.db, r.id)).filter((f) => f.kind === 'clip');
  if (!files.length) throw new AppError('cctv.request_no_clips', { number: r.number });
  const out: { file: RequestFileRow; binding: NonNullable<Awaited<ReturnType<typeof findLedgerBinding>>> }[] = [];
  for (const file of files) {
    try {
      await rehashStored(deps, file, { name: file.fileName, fileId: file.id });
    } catch (e) {
      if (e instanceof StoredBytesChanged) throw new AppError('cctv.package_clip_changed', { number: r.number, fileName: file.fileName });
      throw e;
    }
    const binding = await findLedgerBinding(
      deps.db,
      r.organisationId,
      { action: CLIP_ADDED, subjectType: REQUEST_SUBJECT, subjectId: r.id },
      (p) => p.id === file.id && p.sha256 === file.sha256,
    );
    if (!binding) throw new Error(`clip ${file.id} of application ${r.number} has no ${CLIP_ADDED} entry in the ledger`);
    out.push({ file, binding });
  }
  return out;
}

/**
 * R335-3: the package of the clips handed to a deceased patient's family, once the head granted
 * the application (and again after more clips, or after they were handed over). Every clip is
 * re-hashed from the store (a changed byte refuses the package, naming the clip); the kernel seals
 * it with the custody of the application; the package and its ledger entry commit together.
 */
export async function buildDisclosurePackage(
  deps: AppDeps,
  actor: Actor & { id: string },
  role: 'head' | 'cctv_officer',
  organisationId: string,
  requestId: string,
) {
  const r = await findRequest(deps.db, organisationId, requestId);
  if (!r) throw new AppError('cctv.request_not_found');
  if (r.state !== 'granted' && r.state !== 'provided')
    throw new AppError('cctv.request_state_invalid', { number: r.number, state: r.state });
  const clips = await verifiedClips(deps, r);
  const [org, author, places] = await Promise.all([
    findOrganisation(deps.db, organisationId),
    findUserById(deps.db, actor.id),
    listPlaces(deps.db, organisationId),
  ]);
  if (!org) throw new AppError('organisation.not_found');
  const byId = new Map(places.map((p) => [p.id, p]));
  const seq = await nextPackageSeq(deps.db, r.id);
  const row = {
    id: randomUUID(),
    organisationId,
    requestId: r.id,
    number: `CCTV-${r.number}-${seq}`,
    seq,
    clips: clips.length,
    createdBy: actor.id,
    createdAt: deps.now(),
  };
  const sealed = await sealPackage(
    deps,
    disclosurePackageContent({
      packageId: row.id,
      number: row.number,
      createdAt: row.createdAt,
      request: r,
      clips,
      org,
      author: { id: actor.id, name: author?.fullName ?? '', role },
      places: r.placeIds.map((id) => ({ id, name: placePath(byId, id) })),
    }),
    row.createdAt,
  );
  const built = {
    ...row,
    manifestSha256: sealed.manifest.sha256,
    manifestSize: sealed.manifest.size,
    manifestSignature: sealed.signature,
    verifyHtmlSha256: sealed.verifyHtml.sha256,
    verifyHtmlSize: sealed.verifyHtml.size,
  };
  await deps.db.transaction(async (tx) => {
    // Two builds of one application at once took the same number: the later one is told to build again.
    await insertDisclosurePackage(tx, built).catch((e: { code?: string; cause?: { code?: string } }) => {
      if ((e.code ?? e.cause?.code) === '23505') throw new AppError('cctv.package_build_conflict', { number: r.number });
      throw e;
    });
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.package_built',
      subjectType: REQUEST_SUBJECT,
      subjectId: r.id,
      payload: {
        packageId: row.id,
        number: row.number,
        manifestSha256: built.manifestSha256,
        clips: clips.map((c) => ({ fileId: c.file.id, sha256: c.file.sha256, size: c.file.size })),
        keyFingerprint: deps.instanceKey.fingerprint,
      },
    });
  });
  return built;
}

/** Each download of a package is a ledger entry on the application: to whom it goes, the day, and why. */
export async function recordPackageDownload(deps: AppDeps, actor: Actor, organisationId: string, requestId: string, packageId: string) {
  const p = await findDisclosurePackage(deps.db, organisationId, requestId, packageId);
  const r = p && (await findRequest(deps.db, organisationId, requestId));
  if (!p || !r) throw new AppError('cctv.package_not_found');
  const org = await findOrganisation(deps.db, organisationId);
  await deps.db.transaction((tx) =>
    recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.package_downloaded',
      subjectType: REQUEST_SUBJECT,
      subjectId: r.id,
      payload: {
        packageId: p.id,
        number: p.number,
        manifestSha256: p.manifestSha256,
        recipient: { name: r.applicantName, iin: r.applicantIin, relationship: r.relationship },
        date: dateInZone(deps.now(), org?.timeZone),
        purpose: DISCLOSURE_PURPOSE,
      },
    }),
  );
  return p;
}
