import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppDeps } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { SYSTEM_ACTOR } from '../../platform/ledger/ledger.types.ts';
import { renderExcerpt } from '../../platform/media/ffmpeg.ts';
import type { ManifestFile } from '../../kernel/evidence-packages/package-manifest.ts';
import { sealPackage } from '../../kernel/evidence-packages/sealPackage.ts';
import { progressTracker, rehashStored, StoredBytesChanged } from '../../kernel/evidence-packages/stored-bytes.ts';
import { recordDamage } from '../../kernel/object-integrity/recordDamage.ts';
import { courtPackageContent } from './court-package-content.ts';
import { excerptEntry, materialEntry, originalEntry } from './court-package-files.ts';
import { loadPackageSources, type PackageSources } from './package-sources.ts';
import { updateBuildingPackage } from './packages.repository.ts';

/**
 * Job `package.build` (R444-14): re-hashes every original and material from
 * the store (a changed byte fails the package, naming the recording), renders
 * excerpts as new objects, then the kernel seals it: custody.json against a
 * signed checkpoint, the kk/ru cover letters, the signed manifest and
 * verify.html. Everything the ZIP needs is then in the store, so a download
 * only streams. Safe to run again.
 */
export interface BuildOptions {
  /** The job's last attempt: an unexpected error then fails the package instead of retrying. */
  lastAttempt?: boolean;
  /** Called every 30 s or so while hashing, to keep the job's claim on a long build. */
  heartbeat?: () => Promise<void>;
}

export async function buildCourtPackage(deps: AppDeps, packageId: string, o: BuildOptions = {}) {
  const s = await loadPackageSources(deps, packageId);
  if (!s || s.pkg.state !== 'building') return;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-package-'));
  try {
    await updateBuildingPackage(deps.db, packageId, { bytesDone: 0, error: null });
    const files = await collectFiles(deps, s, work, o.heartbeat);
    const builtAt = deps.now();
    const { manifest: stored, signature, verifyHtml, files: listed } = await sealPackage(deps, courtPackageContent(s, files), builtAt);
    await deps.db.transaction(async (tx) => {
      // A second worker that took over a lapsed lease may have finished first: then this run records nothing.
      const [done] = await updateBuildingPackage(tx, packageId, {
        state: 'ready',
        bytesDone: s.pkg.bytesTotal,
        manifestSha256: stored.sha256,
        manifestSize: stored.size,
        manifestSignature: signature,
        verifyHtmlSha256: verifyHtml.sha256,
        verifyHtmlSize: verifyHtml.size,
        builtAt,
      });
      if (!done) return;
      await appendLedgerEntry(
        tx,
        {
          organisationId: s.pkg.organisationId,
          actor: SYSTEM_ACTOR,
          action: 'package.built',
          subjectType: 'package',
          subjectId: packageId,
          payload: {
            number: s.pkg.number,
            manifestSha256: stored.sha256,
            files: listed.length,
            keyFingerprint: deps.instanceKey.fingerprint,
          },
        },
        builtAt,
      );
    });
  } catch (e) {
    if (e instanceof StoredBytesChanged) {
      if (e.expectedSha256) {
        const found = e.actual?.sha256 ? { sha256: e.actual.sha256, size: e.actual.size ?? 0 } : null;
        await recordDamage(deps, { sha256: e.expectedSha256, found, detectedBy: 'package_build' });
      }
      await failPackage(deps, s, 'package.original_mismatch', {
        recording: e.what.name,
        ...(e.what.recordingId ? { recordingId: e.what.recordingId } : {}),
        ...(e.what.materialId ? { materialId: e.what.materialId } : {}),
        actualSha256: e.actual?.sha256 ?? null,
      });
      return;
    }
    if (o.lastAttempt) {
      await failPackage(deps, s, 'package.build_failed', { reason: (e as Error).message.slice(0, 500) });
      return;
    }
    throw e;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Originals (re-hashed), their excerpts (rendered from the verified copy) and the materials, in manifest order. */
async function collectFiles(deps: AppDeps, s: PackageSources, work: string, heartbeat?: () => Promise<void>): Promise<ManifestFile[]> {
  const progress = progressTracker((bytesDone) => updateBuildingPackage(deps.db, s.pkg.id, { bytesDone }), heartbeat);
  const originals: ManifestFile[] = [];
  const excerpts: ManifestFile[] = [];
  for (const r of s.recordings) {
    const { excerptFromSeconds: from, excerptToSeconds: to } = r.item;
    const copy = from !== null && to !== null ? path.join(work, `original-${r.item.position}`) : undefined;
    await rehashStored(deps, r.rec, { recordingId: r.rec.id, name: r.rec.originalName }, progress, copy);
    originals.push(originalEntry(r));
    if (copy) {
      const out = path.join(work, `excerpt-${r.item.position}.mp4`);
      await renderExcerpt(copy, out, from!, to!);
      excerpts.push(excerptEntry(r, await deps.store.put(fs.createReadStream(out), { kind: 'derived' })));
      fs.rmSync(copy, { force: true });
      fs.rmSync(out, { force: true });
    }
  }
  const materials: ManifestFile[] = [];
  for (const m of s.materials) {
    await rehashStored(deps, m.material, { materialId: m.material.id, name: m.material.fileName }, progress);
    materials.push(materialEntry(m));
  }
  return [...originals, ...excerpts, ...materials];
}

async function failPackage(deps: AppDeps, s: PackageSources, code: string, details: Record<string, unknown>) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [done] = await updateBuildingPackage(tx, s.pkg.id, { state: 'failed', error: { code, details } });
    if (!done) return;
    await appendLedgerEntry(
      tx,
      {
        organisationId: s.pkg.organisationId,
        actor: SYSTEM_ACTOR,
        action: 'package.failed',
        subjectType: 'package',
        subjectId: s.pkg.id,
        payload: { number: s.pkg.number, code, details },
      },
      now,
    );
  });
}
