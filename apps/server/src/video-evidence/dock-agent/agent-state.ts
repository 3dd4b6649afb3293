import fs from 'node:fs';
import path from 'node:path';

export interface FileState {
  uploadUrl?: string;
  sha256?: string;
  recordingId?: string;
  confirmedAt?: string;
  deletedAt?: string;
}

/**
 * The agent's own small memory: which device files are confirmed, and the tus
 * URL of those in flight, so a restart neither re-uploads confirmed files nor
 * starts a partial one from zero. Written atomically (temp + rename).
 */
export class AgentState {
  private files: Record<string, FileState>;
  constructor(private readonly file: string) {
    this.files = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')).files ?? {}) : {};
  }
  get(key: string): FileState {
    return this.files[key] ?? {};
  }
  set(key: string, patch: FileState) {
    this.files[key] = { ...this.get(key), ...patch };
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ files: this.files }, null, 1));
    fs.renameSync(tmp, this.file);
  }
}

/** A device file is the same file while its name, size and modification time are. */
export const fileKey = (inventoryNumber: string, name: string, size: number, mtimeMs: number) =>
  `${inventoryNumber}/${name}:${size}:${Math.round(mtimeMs)}`;
