import type { InstanceKey } from '../../platform/keys/instance-key.ts';
import { readSmallObject } from '../../platform/storage/read-object.ts';
import type { BlobStore } from '../../platform/storage/storage.ts';

/** docs/court-package.md: the format every verifier reads. */
export const PACKAGE_FORMAT = 'baqylau-package-v1';
export const CUSTODY_PATH = 'custody.json';
export const COVER_LETTER_LANGS = ['kk', 'ru'] as const;
export type CoverLetterLang = (typeof COVER_LETTER_LANGS)[number];

export interface Stored {
  sha256: string;
  size: number;
}

/**
 * The ledger entry that recorded a file's bytes when it was added (its payload carries the same
 * sha256 and size): the verifiers find it in a signed segment of custody.json and compare.
 */
export interface LedgerBinding {
  seq: number;
  action: string;
  subjectType: string;
  subjectId: string;
}

/**
 * One file of the package: where it sits, what it is (the rule set's word: original, excerpt, clip…),
 * its bytes, and the rule set's provenance fields, all signed with the manifest.
 */
export type ManifestFile = Stored & { path: string; kind: string; ledgerEntry?: LedgerBinding } & Record<string, unknown>;

/** Who made the package, for whom and why; the rule set fills it in. */
export interface PackageHeader {
  packageId: string;
  /** Also the name of the package's one top-level folder (no slashes). */
  number: string;
  createdAt: Date;
  createdBy: { id: string; name: string; role: string };
  organisation: { id: string; name: string; bin: string };
  recipient: { kind: string; name: string } & Record<string, unknown>;
  purpose: string;
  /** Further signed facts of the rule set, written after `purpose` (DSM-335: the application). */
  details?: Record<string, unknown>;
}

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  packageId: string;
  number: string;
  createdAt: string;
  createdBy: PackageHeader['createdBy'];
  organisation: PackageHeader['organisation'];
  recipient: PackageHeader['recipient'];
  purpose: string;
  instanceKey: { algorithm: 'Ed25519'; publicKeyRaw: string; fingerprint: string };
  custody: Stored & { path: string };
  files: ManifestFile[];
}

/** A built package's signed manifest, read back from the store (retention and backup need the parts it names). */
export async function readStoredManifest(store: BlobStore, sha256: string): Promise<Manifest> {
  return JSON.parse((await readSmallObject(store, sha256)).toString('utf8')) as Manifest;
}

export const coverLetterPath = (lang: string) => `cover-letter-${lang}.pdf`;

/** "01", "02", …: a file's position in its folder, so two files of the same name never clash. */
export const filePosition = (n: number) => String(n).padStart(2, '0');

/** The manifest as the exact text that is signed and shipped (pretty JSON, UTF-8). */
export function manifestText(h: PackageHeader, key: InstanceKey, custody: Stored, files: ManifestFile[]): string {
  const m = {
    format: PACKAGE_FORMAT,
    packageId: h.packageId,
    number: h.number,
    createdAt: h.createdAt.toISOString(),
    createdBy: h.createdBy,
    organisation: h.organisation,
    recipient: h.recipient,
    purpose: h.purpose,
    ...h.details,
    instanceKey: { algorithm: 'Ed25519', publicKeyRaw: key.publicKeyRaw, fingerprint: key.fingerprint },
    custody: { path: CUSTODY_PATH, ...custody },
    files,
  };
  return `${JSON.stringify(m, null, 2)}\n`;
}
