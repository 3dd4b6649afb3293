import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { base64ToBytes, isSafePath } from './verify-core.js';
import type { HashResult, VerifyHost } from './verify-core.js';

/** The input is not a package we can open at all (exit code 2), as opposed to a package that fails. */
export class UnreadableInputError extends Error {}

export interface PackageSource extends VerifyHost {
  close(): Promise<void>;
}

const nfc = (p: string) => p.normalize('NFC');
/** Reads of manifest, signature and custody: generous, but never a video by mistake. */
const SMALL_FILE_MAX = 256 * 2 ** 20;

/** Hash, verify and list shared by both sources; only opening a file differs. */
function nodeHost(
  paths: () => string[],
  open: (p: string) => Promise<{ stream: Readable; size: number } | null>,
): Omit<PackageSource, 'close'> {
  const readBytes = async (p: string) => {
    const f = await open(p);
    if (!f) return null;
    if (f.size > SMALL_FILE_MAX) {
      f.stream.destroy();
      throw new UnreadableInputError(`${p} is ${f.size} bytes, too large for a package control file`);
    }
    const chunks: Buffer[] = [];
    for await (const c of f.stream) chunks.push(c as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  };
  return {
    readBytes,
    readText: async (p) => {
      const b = await readBytes(p);
      return b ? Buffer.from(b).toString('utf8') : null;
    },
    async hashFile(p, onProgress): Promise<HashResult | null> {
      const f = await open(p);
      if (!f) return null;
      const hash = createHash('sha256');
      let size = 0;
      let reported = 0;
      for await (const c of f.stream) {
        hash.update(c as Buffer);
        size += (c as Buffer).length;
        if (size - reported >= 64 * 2 ** 20) onProgress?.((reported = size));
      }
      onProgress?.(size);
      return { sha256: hash.digest('hex'), size };
    },
    listFiles: async () => paths(),
    sha256: async (data) => createHash('sha256').update(data).digest('hex'),
    async ed25519Verify(keyB64, message, sigB64) {
      const raw = base64ToBytes(keyB64);
      const sig = base64ToBytes(sigB64);
      if (!raw || raw.length !== 32 || !sig) return false;
      const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
      return verify(null, typeof message === 'string' ? Buffer.from(message) : message, key, sig);
    },
  };
}

/** Finds the package folder: the folder itself, or the one sub-folder holding manifest.json (unzipped into a parent). */
function packageRoot(dir: string) {
  if (fs.existsSync(path.join(dir, 'manifest.json'))) return dir;
  const inside = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'manifest.json')));
  if (inside.length === 1) return path.join(dir, inside[0]!.name);
  throw new UnreadableInputError(`${dir} holds no manifest.json: not a court package folder`);
}

export function openFolder(dir: string): PackageSource {
  const root = packageRoot(dir);
  const files = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    for (const d of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, d.name);
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(a, r);
      // Symbolic links are followed to files only (their bytes are what gets hashed), never into folders.
      else if (d.isFile() || (d.isSymbolicLink() && fs.statSync(a, { throwIfNoEntry: false })?.isFile())) files.set(nfc(r), a);
    }
  };
  walk(root, '');
  const host = nodeHost(
    () => [...files.keys()],
    async (p) => {
      const abs = isSafePath(p) ? files.get(nfc(p)) : undefined;
      if (!abs) return null;
      const size = (await fs.promises.stat(abs)).size;
      return { stream: fs.createReadStream(abs, { highWaterMark: 2 ** 20 }), size };
    },
  );
  return { ...host, close: async () => {} };
}

export async function openZip(file: string): Promise<PackageSource> {
  let zip: yauzl.ZipFile;
  const entries: yauzl.Entry[] = [];
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
    for await (const e of zip.eachEntry()) if (!e.fileName.endsWith('/')) entries.push(e);
  } catch (e) {
    throw new UnreadableInputError(`${file} is not a readable ZIP: ${(e as Error).message}`);
  }
  // The package folder is where the shallowest manifest.json sits ("<number>/" by the format).
  const manifests = entries.filter((e) => e.fileName === 'manifest.json' || e.fileName.endsWith('/manifest.json'));
  const top = manifests.sort((a, b) => a.fileName.split('/').length - b.fileName.split('/').length)[0];
  if (!top) {
    zip.close();
    throw new UnreadableInputError(`${file} holds no manifest.json: not a court package`);
  }
  const prefix = top.fileName.slice(0, -'manifest.json'.length);
  const byPath = new Map<string, yauzl.Entry>();
  for (const e of entries) {
    const key = nfc(e.fileName.startsWith(prefix) ? e.fileName.slice(prefix.length) : `../${e.fileName}`);
    // Two entries under one name: a verifier would check one and an unzip tool might show the other.
    if (byPath.has(key)) {
      zip.close();
      throw new UnreadableInputError(`${file} holds two entries named ${e.fileName}: refused, a package names each file once`);
    }
    byPath.set(key, e);
  }
  const host = nodeHost(
    () => [...byPath.keys()],
    async (p) => {
      const e = isSafePath(p) ? byPath.get(nfc(p)) : undefined;
      if (!e) return null;
      return { stream: await zip.openReadStreamPromise(e), size: e.uncompressedSize };
    },
  );
  return { ...host, close: async () => zip.close() };
}

export async function openPackage(input: string): Promise<PackageSource> {
  const st = fs.statSync(input, { throwIfNoEntry: false });
  if (!st) throw new UnreadableInputError(`${input} does not exist`);
  if (st.isDirectory()) return openFolder(input);
  return openZip(input);
}
