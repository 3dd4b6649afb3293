import { asciiFileName, attachmentDisposition } from '../../platform/http/content-disposition.ts';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { readSmallObject } from '../../platform/storage/read-object.ts';
import type { BlobStore } from '../../platform/storage/storage.ts';
import type { Manifest, Stored } from './package-manifest.ts';

/** What a rule set keeps of a built package: enough to stream its ZIP again, byte for byte. */
export interface SealedPackageRef {
  number: string;
  builtAt: Date;
  manifestSha256: string;
  manifestSignature: string;
  /** Packages built before verify.html travelled in them have none. */
  verifyHtml: Stored | null;
}

/**
 * The package ZIP (docs/court-package.md), streamed from the stored objects:
 * nothing is buffered but the manifest. Every entry is stored uncompressed
 * with the build time as its mtime, so the same package always gives the same
 * bytes and the total size is known before the first byte (Content-Length).
 */
export async function openPackageZip(store: BlobStore, pkg: SealedPackageRef): Promise<{ stream: Readable; size: number }> {
  const manifestBytes = await readSmallObject(store, pkg.manifestSha256);
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  const zip = new yazl.ZipFile();
  const folder = pkg.number;
  const base = { mtime: pkg.builtAt, mode: 0o100644, compress: false };
  const addStored = (p: string, sha256: string, size: number) =>
    zip.addReadStreamLazy(`${folder}/${p}`, { ...base, size }, (cb) => {
      store.get(sha256).then(
        (s) => cb(null, s),
        (e: unknown) => cb(e, undefined as never),
      );
    });

  if (pkg.verifyHtml) addStored('verify.html', pkg.verifyHtml.sha256, pkg.verifyHtml.size);
  zip.addBuffer(manifestBytes, `${folder}/manifest.json`, base);
  zip.addBuffer(Buffer.from(pkg.manifestSignature, 'utf8'), `${folder}/manifest.json.sig`, base);
  addStored(manifest.custody.path, manifest.custody.sha256, manifest.custody.size);
  for (const f of manifest.files) addStored(f.path, f.sha256, f.size);

  const size = await new Promise<number>((resolve) => (zip.end as (o: object, cb: (n: number) => void) => void)({}, resolve));
  const out = zip.outputStream as Readable;
  // A store read failing half-way ends the response with an error instead of hanging it.
  zip.on('error', (e: Error) => out.destroy(e));
  return { stream: out, size };
}

/** The ZIP's file name: the package number as given (UTF-8) and an ASCII fallback for old clients. */
export function zipDisposition(number: string): string {
  return attachmentDisposition(`${number}.zip`, asciiFileName(`${number.replace(/^П/, 'P')}.zip`));
}
