import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config/config.ts';

/**
 * Written to DATA_DIR when a restore starts and removed only when it has
 * verified: a half-restored or unverified instance must not start and write
 * new evidence on top of it.
 */
export const RESTORE_MARKER = 'RESTORE-INCOMPLETE';

export const restoreMarkerPath = (dataDir: string) => path.join(dataDir, RESTORE_MARKER);

export function writeRestoreMarker(dataDir: string, text: string) {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(restoreMarkerPath(dataDir), text.endsWith('\n') ? text : `${text}\n`);
}

export function clearRestoreMarker(dataDir: string) {
  fs.rmSync(restoreMarkerPath(dataDir), { force: true });
}

/** Called before the database is opened for serving: refuses to start on an unfinished restore. */
export function assertNoUnfinishedRestore(dataDir: string) {
  const file = restoreMarkerPath(dataDir);
  if (!fs.existsSync(file)) return;
  const marker = fs.readFileSync(file, 'utf8').trim();
  throw new ConfigError(
    'backup.restore_unfinished',
    { file, marker },
    `${file} exists: a restore into this DATA_DIR did not finish or did not verify.\n` +
      `${marker}\n` +
      `Wipe DATA_DIR (and the database) and restore again; or, to start on this data as it is, remove that file.`,
  );
}
