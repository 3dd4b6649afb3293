import fs from 'node:fs';
import path from 'node:path';

export interface FileState {
  uploadUrl?: string;
  sha256?: string;
  recordingId?: string;
  confirmedAt?: string;
  deletedAt?: string;
}

/** A docking as the agent measured it: the device time it read then, and the id its uploads carry. */
export interface DockingState {
  dockingId: string;
  deviceTime: string;
  /** Set once the server recorded the docking: it is never reported again (R444-17). */
  offsetSeconds?: number;
}

/**
 * The agent's own small memory: which device files are confirmed, and the tus
 * URL of those in flight, so a restart neither re-uploads confirmed files nor
 * starts a partial one from zero. Written atomically (temp + rename).
 */
export class AgentState {
  private files: Record<string, FileState>;
  private dockings: Record<string, DockingState>;
  constructor(private readonly file: string) {
    const saved = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    this.files = saved.files ?? {};
    this.dockings = saved.dockings ?? {};
  }
  docking(key: string): DockingState | undefined {
    return this.dockings[key];
  }
  setDocking(key: string, d: DockingState) {
    this.dockings[key] = d;
    this.save();
  }
  get(key: string): FileState {
    return this.files[key] ?? {};
  }
  set(key: string, patch: FileState) {
    this.files[key] = { ...this.get(key), ...patch };
    this.save();
  }
  private save() {
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ files: this.files, dockings: this.dockings }, null, 1));
    fs.renameSync(tmp, this.file);
  }
}

/**
 * A docking is known by the device time the device wrote when it was docked: the same time read
 * again (a restarted agent, a re-plug without a new time) is the same docking, not a new measurement.
 */
export const dockingKey = (inventoryNumber: string, deviceTime: string) => `${inventoryNumber}@${deviceTime}`;

/** A device file is the same file while its name, size and modification time are. */
export const fileKey = (inventoryNumber: string, name: string, size: number, mtimeMs: number) =>
  `${inventoryNumber}/${name}:${size}:${Math.round(mtimeMs)}`;
