import fs from 'node:fs';
import path from 'node:path';

/** A file on the recorder's storage that names it, written by the device or by the responsible person once. */
export const ID_FILE = 'baqylau-recorder.json';

export interface DockedRecorder {
  folder: string;
  inventoryNumber: string;
  /** The device clock when the folder was read, if the device reports it. */
  deviceTime?: string;
}

/** Identifies a docked recorder: the ID file on the device, else the mapping (folder name → inventory number). */
export function identifyRecorder(folder: string, mapping: Record<string, string>): DockedRecorder | undefined {
  const idFile = path.join(folder, ID_FILE);
  if (fs.existsSync(idFile)) {
    try {
      const j = JSON.parse(fs.readFileSync(idFile, 'utf8')) as { inventoryNumber?: string; deviceTime?: string };
      if (j.inventoryNumber) return { folder, inventoryNumber: j.inventoryNumber, deviceTime: j.deviceTime };
    } catch {
      /* unreadable ID file: fall back to the mapping */
    }
  }
  const mapped = mapping[path.basename(folder)];
  return mapped ? { folder, inventoryNumber: mapped } : undefined;
}

const VIDEO = /\.(mp4|mov|avi|mkv|mts|m4v|3gp|wav|mp3)$/i;

/** Recordings on the device, oldest first (recursive; the ID file and hidden files are skipped). */
export function listRecordings(folder: string): { name: string; file: string; size: number; mtimeMs: number }[] {
  const out: { name: string; file: string; size: number; mtimeMs: number }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (VIDEO.test(e.name)) {
        const st = fs.statSync(file);
        out.push({ name: e.name, file, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  walk(folder);
  return out.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
}
