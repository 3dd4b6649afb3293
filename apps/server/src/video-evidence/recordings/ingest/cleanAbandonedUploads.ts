import fs from 'node:fs';
import path from 'node:path';

/**
 * Job: removes uploads (and their tus metadata) untouched for longer than the
 * configured age: partial ones, and finished ones the agent never confirmed
 * (their last byte is their last touch). A confirmed upload is committed to
 * the store and removed from here at once.
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
