import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './backup.manifest.ts';

export interface PgTool {
  bin: string;
  major: number;
  /** As the tool prints it: "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)". */
  version: string;
}

export const majorOf = (version: string) => Number(/\(PostgreSQL\)\s+(\d+)/.exec(version)?.[1] ?? /^(\d+)/.exec(version)?.[1] ?? NaN);

/** Every installed copy of the tool: Debian keeps one per major in /usr/lib/postgresql/<major>/bin, plus the one on PATH. */
function candidates(name: 'pg_dump' | 'pg_restore'): PgTool[] {
  const bins: string[] = [];
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) for (const v of fs.readdirSync(debian)) bins.push(path.join(debian, v, 'bin', name));
  bins.push(name); // after the versioned ones: Debian's /usr/bin wrapper picks its version by cluster
  const found: PgTool[] = [];
  for (const bin of bins) {
    try {
      const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
      found.push({ bin, major: majorOf(version), version });
    } catch {
      // not installed there
    }
  }
  return found;
}

/**
 * pg_dump refuses a server newer than itself, and pg_restore an archive from a
 * newer pg_dump: pick the installed copy of the same major, else the newest
 * newer one, else say exactly what to install.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore', minMajor: number, why: string): PgTool {
  const all = candidates(name);
  const fit = all.filter((t) => t.major >= minMajor).sort((a, b) => a.major - b.major);
  const same = fit.find((t) => t.major === minMajor);
  if (same ?? fit.at(-1)) return (same ?? fit.at(-1))!;
  const have = all.length ? `found only ${[...new Set(all.map((t) => t.version))].join(', ')}` : `${name} is not installed`;
  throw new BackupError(
    `${why} needs ${name} of PostgreSQL ${minMajor} or newer; ${have}. ` +
      `Install the PostgreSQL ${minMajor} client tools (Debian: apt-get install postgresql-client-${minMajor}, ` +
      `from the PostgreSQL apt repository when Debian's release does not ship it).`,
    2,
  );
}

/** The URL without its password (which goes in PGPASSWORD, so it never shows in the process list). */
export function connectionFor(databaseUrl: string) {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  // Not a setting: the child gets this process's environment (PATH, PGSSL*, locale) plus the password.
  // eslint-disable-next-line no-restricted-properties
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: u.toString(), env };
}

export function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => reject(new BackupError(`${tool.bin} could not start: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${path.basename(tool.bin)} failed (exit ${code}):\n${stderr.trim()}`));
    });
  });
}
