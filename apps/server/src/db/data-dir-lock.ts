import fs from 'node:fs';
import os from 'node:os';
import lockfile from 'proper-lockfile';

export class DataDirInUseError extends Error {}

const OPTIONS = { stale: 60_000, update: 10_000, realpath: false } as const;

/** Who holds the lock, written beside it: a dead owner on this host is recognised at once. */
const ownerFile = (dir: string) => `${dir}.owner`;

function ownerIsDeadHere(dir: string): boolean {
  try {
    const owner = JSON.parse(fs.readFileSync(ownerFile(dir), 'utf8')) as { pid: number; host: string };
    if (owner.host !== os.hostname() || owner.pid === process.pid) return false;
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * PGlite takes no cross-process lock, and two processes writing one folder
 * corrupt it. proper-lockfile keeps an mtime-refreshed lock beside the folder.
 * PGlite's first start (initdb in WebAssembly) blocks the event loop, so the
 * refresh can pause for many seconds on a loaded machine: the stale limit is
 * generous. A crashed process on this host is not waited for: its PID is
 * recorded, and a dead owner's lock is taken over at once.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, OPTIONS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    if (!ownerIsDeadHere(dir)) throw inUse(dir);
    // proper-lockfile only unlocks its own locks; the dead owner's lock folder is removed by hand.
    fs.rmSync(`${dir}.lock`, { recursive: true, force: true });
    release = await lockfile.lock(dir, OPTIONS).catch((again) => {
      throw (again as NodeJS.ErrnoException).code === 'ELOCKED' ? inUse(dir) : again;
    });
  }
  fs.writeFileSync(ownerFile(dir), JSON.stringify({ pid: process.pid, host: os.hostname() }));
  return async () => {
    fs.rmSync(ownerFile(dir), { force: true });
    await release();
  };
}

const inUse = (dir: string) =>
  new DataDirInUseError(`The database folder ${dir} is in use by another Baqylau process. Stop it first, or point DATA_DIR elsewhere.`);
