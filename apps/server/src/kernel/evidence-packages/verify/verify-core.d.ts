// Types of verify-core.js (a plain ES module so verify.html can inline it unchanged).

/** What the host (browser or Node) found for one file. */
export type HashResult =
  | { sha256: string; size: number }
  /** The host could not hash the file (e.g. too large for a browser); `reason` says why. */
  | { skipped: 'too_large'; size: number };

export interface VerifyHost {
  /** Bytes of a small file of the package (manifest, signature, custody), or null when it is missing. */
  readBytes(path: string): Promise<Uint8Array | null>;
  /** UTF-8 text of a small file, or null when it is missing. */
  readText(path: string): Promise<string | null>;
  /** Streams one file; null when it is missing. May throw when the file cannot be read. */
  hashFile(path: string, onProgress?: (bytesDone: number) => void): Promise<HashResult | null>;
  /** Every file of the package, relative to the package folder, forward slashes (directories excluded). */
  listFiles(): Promise<string[]>;
  /** SHA-256 hex; strings are hashed as UTF-8. */
  sha256(data: string | Uint8Array): Promise<string>;
  ed25519Verify(publicKeyRawBase64: string, message: string | Uint8Array, signatureBase64: string): Promise<boolean>;
}

/** The rule set's kinds (original, excerpt, material, clip…) and the verifier's own. */
export type FileKind = string;

export type FileReason =
  | 'missing'
  | 'size_mismatch'
  | 'hash_mismatch'
  | 'unreadable'
  | 'too_large_for_browser'
  | 'bad_path'
  | 'duplicate_path'
  | 'not_in_manifest';

export interface FileResult {
  path: string;
  kind: FileKind;
  ok: boolean;
  reason?: FileReason;
  expected?: { sha256: string; size: number };
  actual?: { sha256: string | null; size: number };
  /** The name the file was found under: its UTF-8 name read in `nameEncoding` by the tool that unzipped it. */
  foundAs?: string;
  nameEncoding?: 'cp437' | 'cp866';
}

export type SignatureReason = 'signature_missing' | 'signature_invalid' | 'public_key_invalid' | 'fingerprint_mismatch';

export interface SignatureResult {
  ok: boolean;
  reason?: SignatureReason;
}

export type CustodyReason =
  | 'custody_unreadable'
  | 'custody_format'
  | 'empty_segment'
  | 'seq_not_consecutive'
  | 'prev_hash_mismatch'
  | 'entry_hash_mismatch'
  | 'payload_hash_mismatch'
  | 'checkpoint_missing'
  | 'checkpoint_seq_mismatch'
  | 'checkpoint_hash_mismatch'
  | 'checkpoint_key_mismatch'
  | 'checkpoint_signature_invalid';

export interface CustodyFailure {
  /** The ledger entry (or checkpoint) seq the failure is about; null for the whole custody file. */
  seq: number | null;
  reason: CustodyReason;
}

export interface SegmentResult {
  checkpointSeq: number;
  ok: boolean;
  entries: number;
  failures: CustodyFailure[];
}

export type BindingReason =
  | 'no_custody_entries'
  | 'seq_not_verified'
  | 'payload_missing'
  | 'payload_unreadable'
  | 'ingest_entry_missing'
  | 'ingest_sha256_mismatch'
  | 'ingest_size_mismatch';

export interface RecordingBinding {
  recordingId: string;
  path: string;
  ok: boolean;
  reason?: BindingReason;
  seq?: number;
  /** The seqs custody.json lists for this recording. */
  seqs: number[];
}

export type FileBindingReason =
  | 'seq_not_verified'
  | 'payload_missing'
  | 'payload_unreadable'
  | 'binding_entry_mismatch'
  | 'entry_sha256_mismatch'
  | 'entry_size_mismatch';

/** A file the manifest binds to the ledger entry that recorded it (`ledgerEntry`). */
export interface FileBinding {
  path: string;
  /** The entry's seq, as the manifest names it. */
  seq: number | null;
  ok: boolean;
  reason?: FileBindingReason;
}

export type SubjectReason = 'no_custody_entries' | 'seq_not_verified' | 'payload_missing' | 'subject_mismatch';

/** A ledger subject whose custody the package carries (custody.json `subjects`). */
export interface SubjectCustody {
  subjectType: string;
  subjectId: string;
  ok: boolean;
  reason?: SubjectReason;
  seq?: number;
  seqs: number[];
}

export interface CustodyResult {
  ok: boolean;
  failures: CustodyFailure[];
  segments: SegmentResult[];
  /** Originals bound to their ingest entries (custody.json `recordings`). */
  recordings: RecordingBinding[];
  files: FileBinding[];
  subjects: SubjectCustody[];
}

export type FatalReason = 'manifest_missing' | 'manifest_invalid' | 'format_unknown';

export interface VerifyReport {
  ok: boolean;
  /** False when a file could not be checked here at all (too large for a browser); ok is then false too. */
  complete: boolean;
  /** Set when the package cannot be read as a package (nothing else was checked). */
  fatal?: FatalReason;
  /** SHA-256 (hex) of the public key's raw bytes, computed here — the value to compare with the cover letter. */
  fingerprint: string | null;
  package: {
    number: string | null;
    packageId: string | null;
    createdAt: string | null;
    organisation: string | null;
    recipient: string | null;
    caseNumber: string | null;
  };
  signature: SignatureResult;
  custody: CustodyResult;
  files: FileResult[];
}

export interface VerifyProgress {
  path: string;
  /** 1-based position of the file being hashed, and how many files will be hashed. */
  index: number;
  count: number;
  bytesDone: number;
  bytesTotal: number;
}

export const FORMAT: 'baqylau-package-v1';
export const CUSTODY_FORMAT: 'baqylau-custody-v1';
export const ALWAYS_PRESENT: readonly string[];
export const BROWSER_MAX_BYTES: number;

export function verifyPackage(host: VerifyHost, opts?: { onProgress?: (p: VerifyProgress) => void }): Promise<VerifyReport>;
export function normaliseFingerprint(s: string): string;
export function formatFingerprint(hex: string): string;
export function isSafePath(p: string): boolean;
export function base64ToBytes(b64: string): Uint8Array | null;

export function decodeUtf8Strict(bytes: number[]): string | null;
export function utf8NamesMisreadAs(name: string): { name: string; encoding: 'cp437' | 'cp866' }[];
export function decodeCodePage(bytes: number[], encoding: 'cp437' | 'cp866'): string;
