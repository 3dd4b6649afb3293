import fs from 'node:fs';
import path from 'node:path';
import { KEY_FILE, objectRelPath, sha256OfFile, type BackupManifest } from './backup.manifest.ts';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Re-hashes every file the manifest lists (the database dump, the key, every
 * object — whose name is its hash) before anything is restored. Returns one
 * line per problem, naming the file; empty when the backup is whole.
 */
export async function checkBackup(dir: string, m: BackupManifest, onProgress?: (done: number, size?: number) => void) {
  const problems: string[] = [];
  if (!m.files[m.database.file]) problems.push(`${m.database.file}: the database dump is not listed with a hash`);
  if (!m.files[KEY_FILE]) problems.push(`${KEY_FILE}: the instance signing key is not listed with a hash`);
  let done = 0;
  for (const [rel, expected] of Object.entries(m.files)) {
    if (path.isAbsolute(rel) || path.normalize(rel).startsWith('..')) {
      problems.push(`${rel}: a path outside the backup folder`);
      continue;
    }
    problems.push(...(await checkFile(dir, rel, expected)));
    onProgress?.(++done);
  }
  for (const o of m.objects) {
    if (!SHA256.test(o.sha256)) {
      problems.push(`${o.sha256}: not a SHA-256 object name`);
      continue;
    }
    problems.push(...(await checkFile(dir, objectRelPath(o.sha256), o.sha256, o.size)));
    onProgress?.(++done, o.size);
  }
  return problems;
}

async function checkFile(dir: string, rel: string, expected: string, size?: number): Promise<string[]> {
  const file = path.join(dir, rel);
  const st = await fs.promises.stat(file).catch(() => undefined);
  if (!st) return [`${rel}: missing`];
  if (size !== undefined && st.size !== size) return [`${rel}: ${st.size} bytes, the manifest says ${size}`];
  const actual = await sha256OfFile(file);
  return actual === expected ? [] : [`${rel}: content hashes to ${actual}, the manifest says ${expected}`];
}
