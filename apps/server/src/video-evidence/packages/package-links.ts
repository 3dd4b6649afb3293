import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/format.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { countLinkUse, findLinkByTokenHash, findPackage, insertLink, sealedRef, type PackageRow } from './packages.repository.ts';
import { checkSealedPackage } from '../../kernel/evidence-packages/checkSealedPackage.ts';
import { recordDamage } from '../../kernel/object-integrity/recordDamage.ts';

async function readyPackage(deps: AppDeps, organisationId: string, packageId: string) {
  const pkg = await findPackage(deps.db, organisationId, packageId);
  if (!pkg) throw new AppError('package.not_found');
  if (pkg.state !== 'ready') throw new AppError('package.not_ready', { number: pkg.number });
  return pkg;
}

/**
 * R444-21: a download link that expires (PACKAGE_LINK_TTL_HOURS). Only the
 * token's hash is kept; the token is shown once. Logged in the ledger.
 */
export async function createDownloadLink(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, packageId: string) {
  const pkg = await readyPackage(deps, organisationId, packageId);
  const token = newSecret('bqp_');
  const now = deps.now();
  const row = {
    id: randomUUID(),
    organisationId,
    packageId,
    tokenHash: hashSecret(token),
    expiresAt: new Date(now.getTime() + deps.config.packageLinkTtlHours * 3_600_000),
    createdBy: actor.id,
    createdAt: now,
  };
  await deps.db.transaction(async (tx) => {
    await insertLink(tx, row);
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'package.link_created',
        subjectType: 'package',
        subjectId: packageId,
        payload: { linkId: row.id, number: pkg.number, expiresAt: row.expiresAt.toISOString() },
      },
      now,
    );
  });
  return { id: row.id, token, expiresAt: row.expiresAt };
}

/**
 * The download needs both a head's or responsible person's session (the
 * route's rule) and a valid, unexpired link for this package. Every download
 * is a ledger entry and counts on the link.
 */
export async function authoriseDownload(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  packageId: string,
  token: string,
) {
  const pkg = await findPackage(deps.db, organisationId, packageId);
  if (!pkg) throw new AppError('package.not_found');
  const link = await findLinkByTokenHash(deps.db, hashSecret(token));
  if (!link || link.packageId !== pkg.id || link.organisationId !== organisationId) throw new AppError('package.link_invalid');
  const now = deps.now();
  if (link.expiresAt <= now) {
    const org = await findOrganisation(deps.db, organisationId);
    throw new AppError('package.link_expired', { expiredAt: formatDateTime(link.expiresAt, org?.timeZone) });
  }
  if (pkg.state !== 'ready') throw new AppError('package.not_ready', { number: pkg.number });
  // A recording deleted after its hold was lifted has no bytes left: refuse before logging a download that would break.
  const gone = await deps.db.execute(sql`
    SELECT r.original_name AS "name" FROM evidence_package_items i JOIN recordings r ON r.id = i.recording_id
     WHERE i.package_id = ${pkg.id} AND r.organisation_id = ${organisationId} AND r.deleted_at IS NOT NULL LIMIT 1`);
  const [deleted] = (gone as unknown as { rows: { name: string }[] }).rows;
  if (deleted) throw new AppError('retention.already_deleted', { recording: deleted.name });
  await refuseDamagedPackage(deps, actor, pkg, link.id);
  await deps.db.transaction(async (tx) => {
    await countLinkUse(tx, link.id);
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'package.downloaded',
        subjectType: 'package',
        subjectId: pkg.id,
        payload: { linkId: link.id, number: pkg.number, manifestSha256: pkg.manifestSha256, purpose: pkg.purpose },
      },
      now,
    );
  });
  return pkg;
}

/**
 * R444-13/R444-14: the package is checked against its manifest before a download is served and
 * logged. A part that differs is recorded as damaged (with notices to the head and the responsible
 * person), the refused attempt is in the ledger, and the download is refused with a coded error.
 */
async function refuseDamagedPackage(deps: AppDeps, actor: Actor & { id: string }, pkg: PackageRow, linkId: string) {
  const check = await checkSealedPackage(deps.store, sealedRef(pkg));
  if (check.ok) return;
  const owners = await deps.records.objectOwners(deps.db, check.sha256);
  if (!owners.some((o) => o.subjectId === pkg.id))
    owners.push({
      organisationId: pkg.organisationId,
      subjectType: 'package',
      subjectId: pkg.id,
      label: `package ${pkg.number}: ${check.path}`,
    });
  await recordDamage(deps, { sha256: check.sha256, found: check.found, detectedBy: 'package_download' }, owners);
  await appendLedgerEntry(
    deps.db,
    {
      organisationId: pkg.organisationId,
      actor,
      action: 'package.download_refused',
      subjectType: 'package',
      subjectId: pkg.id,
      payload: {
        linkId,
        number: pkg.number,
        reason: 'damaged',
        file: check.path,
        sha256: check.sha256,
        foundSha256: check.found?.sha256 ?? null,
      },
    },
    deps.now(),
  );
  throw new AppError('package.damaged', { number: pkg.number, file: check.path });
}
