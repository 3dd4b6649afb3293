import { inArray } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { AppDeps } from '../../platform/deps.ts';
import { activityMaterials } from '../activities/materials.table.ts';
import { recordings } from '../recordings/recordings.table.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { itemsOfPackages, linksOfPackage, listPackages, type PackageItemRow, type PackageRow } from './packages.repository.ts';

function summary(p: PackageRow, createdByName: string, items: PackageItemRow[], t: TFunction) {
  const recs = items.filter((i) => i.kind === 'recording');
  return {
    id: p.id,
    number: p.number,
    recipient: { kind: p.recipientKind, name: p.recipientName, caseNumber: p.caseNumber },
    purpose: p.purpose,
    createdBy: { id: p.createdBy, fullName: createdByName, role: p.createdByRole },
    createdAt: p.createdAt,
    state: p.state,
    progress: { bytesDone: p.bytesDone, bytesTotal: p.bytesTotal },
    error: p.error
      ? { code: p.error.code, message: t(`errors:${p.error.code}`, p.error.details ?? {}), details: p.error.details ?? {} }
      : null,
    manifestSha256: p.manifestSha256,
    builtAt: p.builtAt,
    counts: {
      recordings: recs.length,
      excerpts: recs.filter((i) => i.excerptFromSeconds !== null).length,
      materials: items.length - recs.length,
    },
  };
}

/** The package list (newest first) with progress, for head, responsible person and auditor. */
export async function packageList(deps: AppDeps, organisationId: string, t: TFunction) {
  const rows = await listPackages(deps.db, organisationId);
  const items = await itemsOfPackages(
    deps.db,
    rows.map((r) => r.pkg.id),
  );
  return rows.map((r) =>
    summary(
      r.pkg,
      r.createdByName,
      items.filter((i) => i.packageId === r.pkg.id),
      t,
    ),
  );
}

/** One package: what it holds, its progress or result, and its links (never their tokens). */
export async function packageDetail(deps: AppDeps, p: PackageRow, t: TFunction) {
  const items = await itemsOfPackages(deps.db, [p.id]);
  const author = await findUserById(deps.db, p.createdBy);
  const recIds = items.filter((i) => i.recordingId).map((i) => i.recordingId!);
  const matIds = items.filter((i) => i.materialId).map((i) => i.materialId!);
  const recs = new Map(
    (recIds.length ? await deps.db.select().from(recordings).where(inArray(recordings.id, recIds)) : []).map((r) => [r.id, r]),
  );
  const mats = new Map(
    (matIds.length ? await deps.db.select().from(activityMaterials).where(inArray(activityMaterials.id, matIds)) : []).map((m) => [
      m.id,
      m,
    ]),
  );
  const now = deps.now();
  return {
    ...summary(p, author?.fullName ?? '', items, t),
    keyFingerprint: deps.instanceKey.fingerprint,
    recordings: items
      .filter((i) => i.kind === 'recording')
      .map((i) => {
        const r = recs.get(i.recordingId!)!;
        return {
          position: i.position,
          recordingId: r.id,
          originalName: r.originalName,
          sha256: r.sha256,
          size: r.size,
          excerpt: i.excerptFromSeconds === null ? null : { fromSeconds: i.excerptFromSeconds, toSeconds: i.excerptToSeconds! },
        };
      }),
    materials: items
      .filter((i) => i.kind === 'material')
      .map((i) => {
        const m = mats.get(i.materialId!)!;
        return { position: i.position, materialId: m.id, title: m.title, fileName: m.fileName, size: m.size };
      }),
    links: (await linksOfPackage(deps.db, p.id)).map(({ link, createdByName }) => ({
      id: link.id,
      createdBy: { id: link.createdBy, fullName: createdByName },
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      expired: link.expiresAt <= now,
      usedCount: link.usedCount,
    })),
  };
}
