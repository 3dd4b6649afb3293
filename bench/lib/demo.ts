/**
 * The real Baqylau as child processes for the end-to-end benchmarks: `baqylau demo` on loopback (seeded
 * subdivision, recorder ВР-001, the `responsible` account), a signed-in session (password + TOTP), a dock token,
 * and `baqylau dock --once` runs with their timings.
 */
// The seeding below pulls in server modules that augment Fastify's types; nothing else here imports Fastify.
/// <reference types="fastify" />
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/server/src/composition/demo.ts';
import { unusedTotpCode } from '../../apps/server/test/support/totp.ts';
import { BENCH_DIR } from './common.ts';
import { freePort, sleep, spawnProc, type Proc } from './procs.ts';

export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
/** The compiled server and CLI, as `npm start` runs them; built once per benchmark process by {@link serverBin}. */
const COMPILED_BIN = path.join(REPO_ROOT, 'apps/server/dist/baqylau.mjs');
/** The sources through tsx: profiled runs use them, so a CPU profile names the repository's own files and folders. */
const SOURCE_BIN = path.join(REPO_ROOT, 'apps/server/bin/baqylau.mjs');
let built = false;

/** Builds the server from the sources of this checkout (well under a second), then names its entry. */
export function serverBin(): string {
  if (!built) {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'apps/server/scripts/build.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`building the server failed (exit ${r.status ?? r.signal})`);
    built = true;
  }
  return COMPILED_BIN;
}

const binFor = (nodeArgs: string[] = []) => (nodeArgs.includes('--cpu-prof') ? SOURCE_BIN : serverBin());
/** The server's process environment as `npm start` and the README's deployment set it (glibc malloc's thresholds). */
export const SERVER_PROCESS_ENV = { GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=67108864:glibc.malloc.mmap_threshold=4194304' };
/** Node's flags for the server, as `npm start` passes them (a young generation of 8 MiB semi-spaces). */
export const SERVER_NODE_ARGS = ['--max-semi-space-size=8'];
/** How the recorded commands show the server's start: `GLIBC_TUNABLES=… node --max-semi-space-size=8`. */
export const SERVER_START_SHOWN = `GLIBC_TUNABLES=${SERVER_PROCESS_ENV.GLIBC_TUNABLES} node ${SERVER_NODE_ARGS.join(' ')}`;

export interface DemoServer {
  url: string;
  dataDir: string;
  proc: Proc;
  logFile: string;
}

/**
 * `baqylau demo --port P --data-dir D` on 127.0.0.1 (default settings: PGlite in D, job worker on, LOG_LEVEL=info
 * with one log line per request to a file). Seeds on first start; `extraNodeArgs` go before the script (e.g. --cpu-prof).
 */
export async function startDemo(dataDir: string, o: { extraNodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<DemoServer> {
  const port = await freePort();
  const logFile = `${dataDir}.server.log`;
  const env: Record<string, string | undefined> = {
    HOST: '127.0.0.1',
    DATABASE_URL: undefined,
    PORT: undefined,
    ...SERVER_PROCESS_ENV,
    ...o.env,
  };
  const proc = spawnProc(
    'server',
    process.execPath,
    [...SERVER_NODE_ARGS, ...(o.extraNodeArgs ?? []), binFor(o.extraNodeArgs), 'demo', '--port', String(port), '--data-dir', dataDir],
    {
      cwd: REPO_ROOT,
      env,
      logFile,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ; await sleep(250)) {
    if (!proc.alive()) throw new Error(`demo server exited:\n${proc.output()}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`demo server did not start in 120 s:\n${proc.output()}`);
    }
  }
  return { url, dataDir, proc, logFile };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  orgId: string;
  get<T>(p: string): Promise<T>;
  post<T>(p: string, body: unknown): Promise<T>;
}

/** Signs a demo account in (password, then TOTP when the account has a second factor). Paths are relative to the organisation. */
export async function login(url: string, loginName: string): Promise<Session> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const kv = c.split(';')[0]!;
      const i = kv.indexOf('=');
      jar.set(kv.slice(0, i), kv.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  keep(res);
  const first = (await res.json()) as { status: string; csrfToken: string };
  let csrfToken = first.csrfToken;
  if (first.status === 'totp_required') {
    const secret = DEMO_USERS.find((u) => u.login === loginName)!.totp!;
    const r2 = await fetch(`${url}/api/v1/auth/totp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie(), 'x-csrf-token': csrfToken },
      // A code works once per account: a second sign-in within 30 s takes the next step's code.
      body: JSON.stringify({ code: await unusedTotpCode(secret) }),
    });
    if (!r2.ok) throw new Error(`totp ${loginName}: ${r2.status} ${await r2.text()}`);
    keep(r2);
    const j = (await r2.json().catch(() => ({}))) as { csrfToken?: string };
    if (j.csrfToken) csrfToken = j.csrfToken;
  }
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${url}${p}`, {
      method,
      headers: {
        cookie: cookie(),
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  const me = await call<{ csrfToken: string; currentOrganisationId: string | null; organisations: { id: string }[] }>('GET', '/api/v1/me');
  csrfToken = me.csrfToken;
  const orgId = me.currentOrganisationId ?? me.organisations[0]!.id;
  const base = `/api/v1/organisations/${orgId}`;
  return {
    cookie: cookie(),
    csrfToken,
    orgId,
    get: (p) => call('GET', base + p),
    post: (p, body) => call('POST', base + p, body),
  };
}

export interface RecordingListed {
  id: string;
  sha256: string;
  size: number;
  originalName: string;
  state: string;
}

export const listRecordingsOf = (s: Session) => s.get<RecordingListed[]>('/recordings');

/** <watch>/<folder>/baqylau-recorder.json names the recorder; returns the folder the clips go in. */
export function makeDevice(watch: string, folder: string, inventoryNumber: string) {
  const device = path.join(watch, folder);
  fs.mkdirSync(device, { recursive: true });
  fs.writeFileSync(path.join(device, 'baqylau-recorder.json'), JSON.stringify({ inventoryNumber }));
  return device;
}

export const objectPath = (dataDir: string, sha: string) => path.join(dataDir, 'blobs', 'objects', sha.slice(0, 2), sha.slice(2, 4), sha);

/** The tus uploads being staged on the server (data files, not their .json descriptions) and their sizes so far. */
export function stagedUploads(dataDir: string): { id: string; size: number }[] {
  const dir = path.join(dataDir, 'blobs', 'staging', 'tus');
  const out: { id: string; size: number }[] = [];
  try {
    for (const id of fs.readdirSync(dir)) {
      if (id.endsWith('.json')) continue;
      try {
        out.push({ id, size: fs.statSync(path.join(dir, id)).size });
      } catch {
        /* committed and removed meanwhile */
      }
    }
  } catch {
    /* no upload yet */
  }
  return out;
}

export interface AgentLine {
  /** ms after spawn */
  t: number;
  text: string;
}

/** `baqylau dock --server URL --token T --watch DIR --once --parallel N --state FILE [--chunk-size B]`; output piped to us. */
export function spawnAgent(o: {
  url: string;
  token: string;
  watch: string;
  parallel: number;
  stateFile: string;
  chunkSize?: number;
  extraNodeArgs?: string[];
}) {
  const lines: AgentLine[] = [];
  const bin = binFor(o.extraNodeArgs);
  const args = [...(o.extraNodeArgs ?? []), bin, 'dock', '--server', o.url, '--token', o.token, '--watch', o.watch, '--once'];
  args.push('--parallel', String(o.parallel), '--state', o.stateFile);
  if (o.chunkSize) args.push('--chunk-size', String(o.chunkSize));
  let proc: Proc | undefined = undefined;
  proc = spawnProc('agent', process.execPath, args, {
    cwd: REPO_ROOT,
    onLine: (text, at) => lines.push({ t: at - (proc?.startedAt ?? at), text }),
  });
  const shown = args
    .slice((o.extraNodeArgs?.length ?? 0) + 1)
    .join(' ')
    .replace(o.token, '<token>');
  return { proc, lines, command: `node ${path.relative(REPO_ROOT, bin)} ${shown}` };
}

/**
 * `baqylau serve` on a fresh PostgreSQL database (created on BENCH_PG_URL's server, dropped by `drop`), seeded with
 * the demo accounts through the server's own use cases, as `baqylau demo` seeds PGlite. For comparing what the
 * embedded engine adds to the server process (RSS, CPU).
 */
export async function startPostgresServer(dataDir: string, dbName: string): Promise<DemoServer & { drop: () => Promise<void> }> {
  const { createTempDatabase } = await import('./common.ts');
  const { loadConfig } = await import('../../apps/server/src/config/config.ts');
  const { buildRuntime } = await import('../../apps/server/src/composition/runtime.ts');
  const { seedDemo, seedDemoRecords } = await import('../../apps/server/src/composition/demo.ts');
  const db = await createTempDatabase(dbName);
  const { deps, database } = await buildRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: db.url }));
  try {
    const { orgIds, userIds } = await seedDemo(deps);
    await seedDemoRecords(deps, { orgIds, userIds });
  } finally {
    await database.close();
  }
  const port = await freePort();
  const logFile = `${dataDir}.server.log`;
  const proc = spawnProc(
    'server',
    process.execPath,
    [...SERVER_NODE_ARGS, serverBin(), 'serve', '--port', String(port), '--data-dir', dataDir, '--database-url', db.url],
    {
      cwd: REPO_ROOT,
      env: { HOST: '127.0.0.1', PORT: undefined, ...SERVER_PROCESS_ENV },
      logFile,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ; await sleep(250)) {
    if (!proc.alive()) throw new Error(`server exited:\n${proc.output()}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`server did not start in 120 s:\n${proc.output()}`);
    }
  }
  return {
    url,
    dataDir,
    proc,
    logFile,
    drop: async () => {
      await proc.stop();
      await db.drop();
    },
  };
}
