import lockfile from 'proper-lockfile';

export class DataDirInUseError extends Error {}

/**
 * PGlite takes no cross-process lock, and two processes writing one folder
 * corrupt it. proper-lockfile keeps an mtime-refreshed lock beside the folder,
 * so a crashed process's lock goes stale instead of blocking for ever.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, { stale: 15_000, update: 5_000, realpath: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirInUseError(
        `The database folder ${dir} is in use by another Baqylau process. Stop it first, or point DATA_DIR elsewhere.`,
      );
    }
    throw e;
  }
}
