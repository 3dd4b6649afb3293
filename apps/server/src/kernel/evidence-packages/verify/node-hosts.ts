import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { base64ToBytes, decodeCodePage, decodeUtf8Strict, isSafePath } from './verify-core.js';
import type { HashResult, VerifyHost } from './verify-core.js';

/** The input is not a package we can open at all (exit code 2), as opposed to a package that fails. */
export class UnreadableInputError extends Error {}

export interface PackageSource extends VerifyHost {
  close(): Promise<void>;
  /**
   * A ZIP whose non-ASCII names are not marked UTF-8 (re-zipped by a tool such as Debian's `zip`):
   * 'utf8_unmarked' when their bytes are UTF-8 and were read so, 'not_utf8' when some are not
   * and were read as CP437, the ZIP default (a name in another code page then matches nothing).
   */
  zipNames?: 'utf8_unmarked' | 'not_utf8';
}

/**
 * A ZIP entry's name as unzip on Linux and macOS shows it: UTF-8 when marked so, or when its bytes
 * are UTF-8 (Info-ZIP's zip on Unix stores them unmarked); else CP437. yauzl would read every
 * unmarked name as CP437, so a re-zipped package's "Акт.pdf" became "╨Р╨║╤В.pdf": missing and extra.
 */
function entryName(e: yauzl.Entry): { name: string; unmarked?: 'utf8' | 'cp437' } {
  const raw = e.fileName as unknown as Buffer;
  if (e.generalPurposeBitFlag & 0x800) return { name: raw.toString('utf8') };
  const bytes = [...raw];
  if (bytes.every((b) => b < 0x80)) return { name: raw.toString('latin1') };
  const utf8 = decodeUtf8Strict(bytes);
  return utf8 !== null ? { name: utf8, unmarked: 'utf8' } : { name: decodeCodePage(bytes, 'cp437'), unmarked: 'cp437' };
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
  const entries: (yauzl.Entry & { name: string })[] = [];
  const unmarked = new Set<string>();
  try {
    // Names as bytes: decoded here as unzip tools do (entryName), not all as CP437.
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false });
    for await (const e of zip.eachEntry()) {
      const n = entryName(e);
      // The check yauzl makes of names it decodes itself: no absolute paths, no "..", no backslashes.
      const bad = yauzl.validateFileName(n.name);
      if (bad) throw new Error(bad);
      if (n.unmarked) unmarked.add(n.unmarked);
      if (!n.name.endsWith('/')) entries.push(Object.assign(e, { name: n.name }));
    }
  } catch (e) {
    throw new UnreadableInputError(`${file} is not a readable ZIP: ${(e as Error).message}`);
  }
  // The package folder is where the shallowest manifest.json sits ("<number>/" by the format).
  const manifests = entries.filter((e) => e.name === 'manifest.json' || e.name.endsWith('/manifest.json'));
  const top = manifests.sort((a, b) => a.name.split('/').length - b.name.split('/').length)[0];
  if (!top) {
    zip.close();
    throw new UnreadableInputError(`${file} holds no manifest.json: not a court package`);
  }
  const prefix = top.name.slice(0, -'manifest.json'.length);
  const byPath = new Map<string, yauzl.Entry>();
  for (const e of entries) {
    const key = nfc(e.name.startsWith(prefix) ? e.name.slice(prefix.length) : `../${e.name}`);
    // Two entries under one name: a verifier would check one and an unzip tool might show the other.
    if (byPath.has(key)) {
      zip.close();
      throw new UnreadableInputError(`${file} holds two entries named ${e.name}: refused, a package names each file once`);
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
  const zipNames = unmarked.has('cp437') ? 'not_utf8' : unmarked.has('utf8') ? 'utf8_unmarked' : undefined;
  return { ...host, close: async () => zip.close(), ...(zipNames ? { zipNames } : {}) };
}

export async function openPackage(input: string): Promise<PackageSource> {
  const st = fs.statSync(input, { throwIfNoEntry: false });
  if (!st) throw new UnreadableInputError(`${input} does not exist`);
  if (st.isDirectory()) return openFolder(input);
  return openZip(input);
}
