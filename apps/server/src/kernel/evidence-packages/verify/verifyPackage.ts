import { openPackage } from './node-hosts.ts';
import { normaliseFingerprint, verifyPackage as verifyWith } from './verify-core.js';
import type { VerifyProgress, VerifyReport } from './verify-core.js';

export { UnreadableInputError } from './node-hosts.ts';

export interface NodeVerifyReport extends VerifyReport {
  /** Set when a fingerprint was pinned (--key): whether the package's key is that one. */
  keyPinned?: { expected: string; matches: boolean };
  /** How the ZIP's names were read when not marked UTF-8 (see PackageSource.zipNames). */
  zipNames?: 'utf8_unmarked' | 'not_utf8';
}

/**
 * Verifies a court package (a ZIP, or the folder it was unzipped to) exactly as verify.html does,
 * streaming every file through node:crypto. Throws UnreadableInputError when the input is no package.
 */
export async function verifyPackageAt(
  input: string,
  opts: { key?: string; onProgress?: (p: VerifyProgress) => void } = {},
): Promise<NodeVerifyReport> {
  const source = await openPackage(input);
  try {
    const report: NodeVerifyReport = await verifyWith(source, { onProgress: opts.onProgress });
    if (source.zipNames) report.zipNames = source.zipNames;
    if (opts.key !== undefined) {
      const expected = normaliseFingerprint(opts.key);
      const matches = report.fingerprint !== null && report.fingerprint === expected;
      report.keyPinned = { expected, matches };
      report.ok = report.ok && matches;
    }
    return report;
  } finally {
    await source.close();
  }
}
