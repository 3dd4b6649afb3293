import type { InstanceKey } from '../../platform/keys/instance-key.ts';
import { readSmallObject } from '../../platform/storage/read-object.ts';
import type { BlobStore } from '../../platform/storage/storage.ts';
import { safeFileName } from '../../platform/safe-file-name.ts';
import type { PackageRecording, PackageSources } from './package-sources.ts';

/** docs/court-package.md: the format every verifier reads. */
export const PACKAGE_FORMAT = 'baqylau-package-v1';
export const CUSTODY_PATH = 'custody.json';
export const COVER_LETTER_LANGS = ['kk', 'ru'] as const;

export interface Stored {
  sha256: string;
  size: number;
}

export type ManifestFile = Stored & { path: string; kind: 'original' | 'excerpt' | 'material' | 'cover_letter' } & Record<string, unknown>;

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  packageId: string;
  number: string;
  createdAt: string;
  createdBy: { id: string; name: string; role: 'responsible' | 'head' };
  organisation: { id: string; name: string; bin: string };
  recipient: { kind: 'court' | 'authority'; name: string; caseNumber: string };
  purpose: string;
  instanceKey: { algorithm: 'Ed25519'; publicKeyRaw: string; fingerprint: string };
  custody: Stored & { path: string };
  files: ManifestFile[];
}

/** A built package's signed manifest, read back from the store (retention and backup need the parts it names). */
export async function readStoredManifest(store: BlobStore, sha256: string): Promise<Manifest> {
  return JSON.parse((await readSmallObject(store, sha256)).toString('utf8')) as Manifest;
}

const pad = (n: number) => String(n).padStart(2, '0');
const stem = (name: string) => name.replace(/\.[^.]*$/, '') || 'recording';

export const originalPath = (position: number, originalName: string) =>
  `recordings/${pad(position)}-${safeFileName(originalName, 'recording')}`;
export const excerptPath = (position: number, originalName: string, from: number, to: number) =>
  `excerpts/${pad(position)}-${stem(safeFileName(originalName, 'recording'))}_${from}-${to}s.mp4`;
export const materialPath = (position: number, fileName: string) => `materials/${pad(position)}-${safeFileName(fileName, 'material.pdf')}`;
export const coverLetterPath = (lang: string) => `cover-letter-${lang}.pdf`;

/** An original with its provenance: capture times and offset, recorder, inspector, journal entry, activity, ingest. */
export function originalEntry(r: PackageRecording): ManifestFile {
  const { rec, entry, activity } = r;
  return {
    path: originalPath(r.item.position, rec.originalName),
    kind: 'original',
    sha256: rec.sha256,
    size: rec.size,
    recordingId: rec.id,
    originalName: rec.originalName,
    capture: {
      deviceStartedAt: rec.deviceStartedAt.toISOString(),
      startedAt: rec.startedAt.toISOString(),
      clockOffsetSeconds: rec.clockOffsetSeconds,
      durationMs: rec.durationMs,
    },
    recorder: { inventoryNumber: r.inventoryNumber },
    inspector: entry ? { id: entry.inspectorId, name: entry.inspectorName } : null,
    journalEntry: entry ? { id: entry.id, number: entry.number } : null,
    activity: activity
      ? {
          id: activity.id,
          type: activity.type,
          referenceNumber: activity.referenceNumber,
          subjectBin: activity.subjectBin,
          subjectName: activity.subjectName,
        }
      : null,
    ingestedAt: rec.ingestedAt.toISOString(),
  };
}

export function excerptEntry(r: PackageRecording, stored: Stored): ManifestFile {
  const from = r.item.excerptFromSeconds!;
  const to = r.item.excerptToSeconds!;
  return {
    path: excerptPath(r.item.position, r.rec.originalName, from, to),
    kind: 'excerpt',
    ...stored,
    excerptOf: { recordingId: r.rec.id, sha256: r.rec.sha256, fromSeconds: from, toSeconds: to },
  };
}

export function materialEntry(m: PackageSources['materials'][number]): ManifestFile {
  return {
    path: materialPath(m.item.position, m.material.fileName),
    kind: 'material',
    sha256: m.material.sha256,
    size: m.material.size,
    materialId: m.material.id,
    title: m.material.title,
  };
}

/** The manifest as the exact text that is signed and shipped (pretty JSON, UTF-8). */
export function manifestText(s: PackageSources, key: InstanceKey, custody: Stored, files: ManifestFile[]): string {
  const m: Manifest = {
    format: PACKAGE_FORMAT,
    packageId: s.pkg.id,
    number: s.pkg.number,
    createdAt: s.pkg.createdAt.toISOString(),
    createdBy: { id: s.pkg.createdBy, name: s.authorName, role: s.pkg.createdByRole },
    organisation: { id: s.org.id, name: s.org.nameKk, bin: s.org.bin },
    recipient: { kind: s.pkg.recipientKind, name: s.pkg.recipientName, caseNumber: s.pkg.caseNumber },
    purpose: s.pkg.purpose,
    instanceKey: { algorithm: 'Ed25519', publicKeyRaw: key.publicKeyRaw, fingerprint: key.fingerprint },
    custody: { path: CUSTODY_PATH, ...custody },
    files,
  };
  return `${JSON.stringify(m, null, 2)}\n`;
}
