import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from '../../db/database.ts';
import type { StoredObjectRef } from '../../platform/records.ts';

export const MANIFEST = 'backup.json';
export const FORMAT = 'baqylau-backup';
export const FORMAT_VERSION = 1;
export const KEY_FILE = 'keys/instance-ed25519.pem';

/** A failure the operator can act on: the CLI prints the message and exits with `exitCode`. */
export class BackupError extends Error {
  constructor(
    message: string,
    public exitCode = 1,
  ) {
    super(message);
  }
}

export type { StoredObjectRef };

/** The kernel's row counts and each rule set's own, by name. */
export type RowCounts = { organisations: number; ledgerEntries: number } & Record<string, number>;

export interface BackupManifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: Engine;
  /** Relative path of the database dump, and the tool versions that made it. */
  database: { file: string; serverVersion: string; dumpTool: string };
  /** Migrations applied in the backed-up database: how many, and the last one's tag. */
  migrations: { applied: number; last: string | null };
  /** Kernel counts, plus each rule set's own (Order 444: recordings, deletedRecordings). */
  counts: RowCounts & { objects: number };
  /** SHA-256 of every file in the backup except the objects. */
  files: Record<string, string>;
  /** Every object under blobs/objects/<ab>/<cd>/<sha256>: its SHA-256 is its name. */
  objects: StoredObjectRef[];
  /** Objects the database refers to that were missing or damaged in the store when the backup was made. */
  /** Objects the store could not give intact; `earlierCopyKept` when the backup still holds an intact copy from before. */
  unreadableObjects: { sha256: string; problem: string; earlierCopyKept?: boolean }[];
}

export const objectRelPath = (sha256: string) => path.posix.join('blobs', 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist: ${dir} is not a Baqylau backup folder.`);
  let m: BackupManifest;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  } catch (e) {
    throw new BackupError(`${file} is not valid JSON (${(e as Error).message}).`);
  }
  if (m.format !== FORMAT) throw new BackupError(`${file} is not a Baqylau backup manifest.`);
  if (m.formatVersion > FORMAT_VERSION) {
    throw new BackupError(
      `${file} has format version ${m.formatVersion}; this Baqylau reads up to ${FORMAT_VERSION}. Upgrade Baqylau first.`,
    );
  }
  return m;
}

/** Writes the manifest atomically: a reader sees the old one or the new one, never half of either. */
export async function writeManifest(dir: string, m: BackupManifest) {
  const tmp = path.join(dir, `.${MANIFEST}.${randomUUID()}`);
  await writeDurably(tmp, JSON.stringify(m, null, 2) + '\n');
  await fsp.rename(tmp, path.join(dir, MANIFEST));
  await fsyncDir(dir);
}

export async function writeDurably(file: string, data: string | Buffer, mode = 0o600) {
  const fh = await fsp.open(file, 'wx', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function fsyncDir(dir: string) {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** "2 recordings, 0 deleted recordings, 120 ledger entries, 4 organisations": every count but the objects. */
export const describeCounts = (counts: RowCounts) =>
  Object.entries(counts)
    .filter(([k]) => k !== 'objects')
    .map(([k, v]) => `${v} ${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`)
    .join(', ');
