import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server package's folder (apps/server). Files the server reads at run time (migrations, the
 * verification page's scripts, the built web app) are found from here, not from the calling
 * module's own URL: in the compiled build (`dist/`, one folder of chunks) a module sits at another
 * depth than in `src/`.
 */
export const SERVER_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** A path inside the server package. */
export const serverPath = (...parts: string[]) => path.join(SERVER_ROOT, ...parts);
