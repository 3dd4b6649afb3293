import path from 'node:path';
import lockfile from 'proper-lockfile';
import { BackupError } from './backup.manifest.ts';

/** One backup or restore at a time per backup folder; a crashed run's lock goes stale. */
export async function lockBackupFolder(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, { stale: 15_000, update: 5_000, realpath: false, lockfilePath: path.join(dir, '.lock') });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new BackupError(`Another backup or restore is using ${dir}. Wait for it to finish.`, 2);
    }
    throw e;
  }
}
