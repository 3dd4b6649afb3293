import { createHash } from 'node:crypto';
import { hashStoredObject, readSmallObject } from '../../platform/storage/read-object.ts';
import type { BlobStore } from '../../platform/storage/storage.ts';
import type { Manifest } from './package-manifest.ts';
import type { SealedPackageRef } from './package-zip.ts';

export type SealedPackageCheck =
  { ok: true; bytes: number } | { ok: false; path: string; sha256: string; found: { sha256: string; size: number } | null };

/**
 * R444-13/R444-14: re-reads every object of a built package — the manifest, verify.html, custody
 * and every file the manifest lists — and compares it with the manifest's hash and size, before a
 * download is served. The first part that differs (or is gone) is named. Costs one read of the
 * package, as the download itself does; never skipped, since the bytes may change at any time.
 */
export async function checkSealedPackage(store: BlobStore, pkg: SealedPackageRef): Promise<SealedPackageCheck> {
  const bytes = await readSmallObject(store, pkg.manifestSha256).catch(() => null);
  const manifestHash = bytes && createHash('sha256').update(bytes).digest('hex');
  if (!bytes || manifestHash !== pkg.manifestSha256) {
    return { ok: false, path: 'manifest.json', sha256: pkg.manifestSha256, found: bytes && { sha256: manifestHash!, size: bytes.length } };
  }
  const manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  const parts = [...(pkg.verifyHtml ? [{ path: 'verify.html', ...pkg.verifyHtml }] : []), manifest.custody, ...manifest.files];
  let total = bytes.length;
  for (const part of parts) {
    const found = await hashStoredObject(store, part.sha256).catch(() => null);
    if (!found || found.sha256 !== part.sha256 || found.size !== part.size)
      return { ok: false, path: part.path, sha256: part.sha256, found };
    total += found.size;
  }
  return { ok: true, bytes: total };
}
