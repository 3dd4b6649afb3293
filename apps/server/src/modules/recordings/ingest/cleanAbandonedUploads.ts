import fs from 'node:fs';
import path from 'node:path';

/**
 * Job: removes partial uploads (and their tus metadata) untouched for longer
 * than the configured age. Finished uploads never stay here: they are
 * committed to the store and removed at once.
 */
export function cleanAbandonedUploads(dir: string, maxAgeMs: number, now = Date.now()): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const st = fs.statSync(file);
    if (st.isFile() && now - st.mtimeMs > maxAgeMs) {
      fs.rmSync(file, { force: true });
      removed.push(name);
    }
  }
  return removed;
}
