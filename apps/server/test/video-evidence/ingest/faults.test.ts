import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomFillSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { DataDirInUseError } from '../../../src/db/data-dir-lock.ts';
import { openPglite } from '../../../src/db/database.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo, seedDemoRecords } from '../../../src/composition/demo.ts';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { createApiToken } from '../../../src/kernel/tokens/tokens.usecases.ts';
import { unusedTotpCode } from '../../support/totp.ts';
import { buildRuntime } from '../../../src/composition/runtime.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { withDatabase } from '../../support/global-setup.ts';
import { freePort } from '../../support/free-port.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

/*
 * Fault tests of the evidence path (R444-11, R444-13): the server process is
 * SIGKILLed in the middle of a 1 GiB upload, and a recorder is unplugged in the
 * middle of a file. Real processes (`baqylau serve`, `baqylau dock`) on
 * loopback; a small TCP relay between agent and server counts the bytes that
 * reach the server and can hold the stream still for a moment.
 */

const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');
const MiB = 1 << 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- processes

interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
  alive: () => boolean;
}
const procs = new Set<Proc>();

function startBaqylau(args: string[], env: Record<string, string | undefined> = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let alive = true;
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code, signal) => {
      alive = false;
      out += `\n[exited: code ${code}, signal ${signal}]\n`;
      r(code ?? (signal ? -1 : null));
    }),
  );
  const p = { child, out: () => out, exited, alive: () => alive };
  procs.add(p);
  return p;
}

async function kill(p: Proc | undefined, signal: NodeJS.Signals = 'SIGKILL') {
  if (!p?.alive()) return;
  p.child.kill(signal);
  await Promise.race([p.exited, sleep(10_000)]);
  if (p.alive()) p.child.kill('SIGKILL');
  await p.exited;
}

async function until<T>(
  what: string | (() => string),
  probe: () => T | Promise<T>,
  timeoutMs: number,
  everyMs = 20,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(everyMs);
  }
}

/** Waits for `re` in what the process printed after position `from`. */
const waitForOutput = (p: Proc, re: RegExp, timeoutMs: number, from = 0) =>
  until(
    () => `${re} in the output of ${p.child.spawnargs.slice(2, 3).join(' ')}:\n${p.out().slice(-3000)}`,
    () => {
      const m = re.exec(p.out().slice(from));
      if (m) return m;
      if (!p.alive()) throw new Error(`process exited before ${re}:\n${p.out().slice(-3000)}`);
      return undefined;
    },
    timeoutMs,
  );

// ---------------------------------------------------------------- relay

/**
 * agent ⇄ relay ⇄ server. Counts, per server generation, the bytes actually
 * written to the server's socket; `hold()` stops reading from the agent (the
 * upload stalls mid-request), `release()` lets it go on; `cutNextRequest`
 * loses one request on the way.
 */
async function startRelay(target: () => number) {
  let generation = 1;
  let held = false;
  let cutOnce: RegExp | undefined;
  const clients = new Set<net.Socket>();
  const upstreams: { gen: number; socket: net.Socket }[] = [];
  const server = net.createServer((c) => {
    clients.add(c);
    const u = net.connect(target(), '127.0.0.1');
    upstreams.push({ gen: generation, socket: u });
    c.on('data', (d: Buffer) => {
      if (cutOnce?.test(d.subarray(0, 200).toString('latin1'))) {
        cutOnce = undefined;
        c.destroy();
        u.destroy();
        return;
      }
      if (!u.write(d)) c.pause();
    });
    u.on('drain', () => {
      if (!held) c.resume();
    });
    u.pipe(c);
    c.on('end', () => u.end());
    const drop = () => {
      c.destroy();
      u.destroy();
      clients.delete(c);
    };
    c.on('error', drop);
    u.on('error', drop);
    c.on('close', drop);
    u.on('close', drop);
    if (held) c.pause();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    /** Connections opened from now on belong to the next server process. */
    nextGeneration: () => ++generation,
    bytesToServer: (gen: number) => upstreams.filter((x) => x.gen === gen).reduce((n, x) => n + x.socket.bytesWritten, 0),
    /** The next request whose start matches is lost: the connection drops before it reaches the server. */
    cutNextRequest(re: RegExp) {
      cutOnce = re;
    },
    hold() {
      held = true;
      for (const c of clients) c.pause();
    },
    release() {
      held = false;
      for (const c of clients) c.resume();
    },
    async close() {
      for (const c of clients) c.destroy();
      for (const u of upstreams) u.socket.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

// ---------------------------------------------------------------- files

/**
 * A file ffprobe flags unreadable; returns its SHA-256. Random bytes, but the
 * first 16 MiB are zeros after a 16-byte random salt: ffprobe guesses the
 * format from the head, and random bytes there were now and then taken for a
 * media stream (the file then counted as readable).
 */
function randomFile(file: string, size: number, mtime = new Date()) {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(16 * MiB);
  const fd = fs.openSync(file, 'w');
  try {
    for (let left = size; left > 0;) {
      const n = Math.min(left, buf.length);
      const part = buf.subarray(0, n);
      randomFillSync(part);
      if (left === size) part.fill(0, 16);
      hash.update(part);
      fs.writeSync(fd, part);
      left -= n;
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.utimesSync(file, mtime, mtime);
  return hash.digest('hex');
}

async function sha256File(file: string) {
  const hash = createHash('sha256');
  for await (const c of fs.createReadStream(file, { highWaterMark: 4 * MiB })) hash.update(c as Buffer);
  return hash.digest('hex');
}

const objectPath = (dataDir: string, sha: string) => path.join(dataDir, 'blobs', 'objects', sha.slice(0, 2), sha.slice(2, 4), sha);

/** The tus upload being staged (the data file, not its .json description), with its size. */
function staged(dataDir: string) {
  const dir = path.join(dataDir, 'blobs', 'staging', 'tus');
  if (!fs.existsSync(dir)) return undefined;
  const name = fs.readdirSync(dir).find((n) => !n.endsWith('.json'));
  if (!name) return undefined;
  try {
    return { name, size: fs.statSync(path.join(dir, name)).size };
  } catch {
    return undefined;
  }
}

/** A docked recorder: <watch>/<folder>/baqylau-recorder.json names it, the clip lies in DCIM/. */
function makeDevice(watch: string, folder: string, inventoryNumber: string) {
  const device = path.join(watch, folder);
  fs.mkdirSync(path.join(device, 'DCIM'), { recursive: true });
  fs.writeFileSync(path.join(device, 'baqylau-recorder.json'), JSON.stringify({ inventoryNumber }));
  return path.join(device, 'DCIM');
}

const progressLines = (out: string) =>
  [...out.matchAll(/: (\d+)% \((\d+)\/(\d+) bytes\)/g)].map((m) => ({ pct: Number(m[1]), sent: Number(m[2]) }));

const tmpDirs: string[] = [];
const tmpDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
};

afterAll(async () => {
  for (const p of procs) await kill(p);
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

// ---------------------------------------------------------------- 1. server killed

describe('R444-11 R444-13 the server is killed in the middle of a 1 GiB upload', () => {
  const SIZE = 1024 * MiB;
  const CHUNK = 64 * MiB;
  const KILL_AT = 320 * MiB;
  const templateUrl = inject('pgTemplateUrl');
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let org: string;
  let token: string;
  let port: number;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let watch: string;
  let clip: string;
  let sourceSha: string;
  let server: Proc | undefined;
  let agent: Proc | undefined;
  let tokenId: string;
  let responsible: Awaited<ReturnType<typeof login>>;

  const serverEnv = () => ({ WORKER: 'false', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, HOST: '127.0.0.1' });
  const base = () => `http://127.0.0.1:${port}`;

  /** `baqylau serve` on the data folder; after a SIGKILL (PGlite) it is refused until the dead server's lock goes stale. */
  async function startServer(env: Record<string, string> = {}) {
    return until(
      'a server to start on the data folder',
      async () => {
        const p = startBaqylau(['serve', '--port', String(port), '--data-dir', dataDir], { ...serverEnv(), ...env });
        for (;;) {
          if (!p.alive()) {
            if (/is in use by another Baqylau process/.test(p.out())) return undefined;
            throw new Error(`serve exited: ${p.out()}`);
          }
          if (
            await fetch(`${base()}/api/v1/auth/me`).then(
              () => true,
              () => false,
            )
          )
            return p;
          await sleep(200);
        }
      },
      60_000,
      1000,
    );
  }

  /** Opens the database while no server runs (PGlite: once the killed server's lock has gone stale). */
  async function withDatabaseOffline<T>(fn: (deps: Awaited<ReturnType<typeof buildRuntime>>['deps']) => Promise<T>) {
    const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
    const runtime = await until(
      'the data folder lock of the killed server to go stale',
      () =>
        buildRuntime(config).catch((e) => {
          if (e instanceof DataDirInUseError) return undefined;
          throw e;
        }),
      40_000,
      1000,
    );
    try {
      return await fn(runtime.deps);
    } finally {
      await runtime.database.close();
    }
  }

  async function login(login: string) {
    const jar = new Map<string, string>();
    const keep = (res: Response) => {
      for (const c of res.headers.getSetCookie()) {
        const [kv] = c.split(';');
        const [k, v] = kv!.split('=');
        jar.set(k!, v!);
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${res.status}: ${await res.text()}`);
    keep(res);
    const { status, csrfToken } = (await res.json()) as { status: string; csrfToken: string };
    if (status === 'totp_required') {
      const r2 = await fetch(`${base()}/api/v1/auth/totp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie(), 'x-csrf-token': csrfToken },
        body: JSON.stringify({ code: await unusedTotpCode(DEMO_USERS.find((u) => u.login === login)!.totp!) }),
      });
      if (!r2.ok) throw new Error(`totp ${r2.status}: ${await r2.text()}`);
      keep(r2);
    }
    return async (method: 'GET' | 'POST', p: string) => {
      const r = await fetch(`${base()}${p}`, {
        method,
        headers: { cookie: cookie(), 'x-csrf-token': csrfToken, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<unknown>;
    };
  }
  type Listed = { id: string; sha256: string; size: number; state: string; inventoryNumber: string }[];
  // ВР-001's recordings: the demo's own docked clips (ВР-004) are not this test's.
  const listed = async () =>
    ((await responsible('GET', `/api/v1/organisations/${org}/recordings`)) as Listed).filter((r) => r.inventoryNumber === 'ВР-001');

  beforeAll(async () => {
    dataDir = tmpDir('baqylau-fault-srv-');
    // The engine under test: a clone of the migrated template on PostgreSQL, else PGlite in the data folder.
    if (templateUrl) {
      const template = new URL(templateUrl).pathname.slice(1);
      const name = `${template.replace('_tpl_', '_t_')}_kill_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      await admin.end();
      databaseUrl = withDatabase(templateUrl, name);
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
    } else {
      const db = await openPglite(path.join(dataDir, 'pgdata'), new Blob([fs.readFileSync(inject('pgliteDump'))]));
      await db.close();
    }
    // The demo subdivision with ВР-001 issued to inspector1, and a dock token — through the use cases.
    ({ org, token, tokenId } = await withDatabaseOffline(async (deps) => {
      const { orgIds, userIds } = await seedDemo(deps);
      await seedDemoRecords(deps, { orgIds, userIds }, ['video-evidence']);
      const organisation = orgIds.get('subdivision')!;
      const t = await createApiToken(deps, { kind: 'user', id: userIds.get('responsible')! }, organisation, 'Док-станция, 12-бөлме');
      return { org: organisation, token: t.secret, tokenId: t.id };
    }));
    port = await freePort();
    relay = await startRelay(() => port);
    watch = tmpDir('baqylau-fault-dock-');
    clip = path.join(makeDevice(watch, 'usb-1', 'ВР-001'), '20260302_101000_0001.mp4');
    sourceSha = randomFile(clip, SIZE);
  }, 120_000);

  afterAll(async () => {
    await kill(agent);
    await kill(server, 'SIGTERM');
    await relay?.close();
    await dropDatabase?.();
  });

  it('R444-11 the agent resumes from the server offset after a restart; the stored original is byte-identical; R444-13 no recording exists until the object is committed', async () => {
    const t0 = Date.now();
    server = await startServer();
    responsible = await login('responsible');

    agent = startBaqylau([
      'dock',
      '--server',
      relay.url,
      '--token',
      token,
      '--watch',
      watch,
      '--chunk-size',
      String(CHUNK),
      '--parallel',
      '1',
    ]);

    // Observe the recordings list while the bytes arrive: a row may only ever be seen with the whole object in place.
    const seen: { rows: number; objectComplete: boolean }[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const rows = await listed().catch(() => undefined);
        if (rows) {
          const st = fs.statSync(objectPath(dataDir, sourceSha), { throwIfNoEntry: false });
          seen.push({ rows: rows.length, objectComplete: st?.size === SIZE });
        }
        await sleep(100);
      }
    })();

    try {
      await until('the server to stage a few hundred MB', () => (staged(dataDir)?.size ?? 0) >= KILL_AT, 60_000, 5);
      server.child.kill('SIGKILL');
      await server.exited;
      const tKill = Date.now();
      const atKill = staged(dataDir)!;
      expect(atKill.size).toBeGreaterThanOrEqual(KILL_AT);
      expect(atKill.size).toBeLessThan(SIZE);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.rows === 0)).toBe(true);
      const outBeforeRestart = agent.out().length;

      // The server is down: the partial upload is on disk, no recording and no object exist.
      const offline = await withDatabaseOffline(async (deps) =>
        (await listRecordings(deps.db, org)).filter((r) => r.inventoryNumber === 'ВР-001'),
      );
      expect(offline).toEqual([]);
      expect(fs.existsSync(objectPath(dataDir, sourceSha))).toBe(false);
      expect(staged(dataDir)).toEqual(atKill);
      await waitForOutput(agent, /will retry/, 30_000, outBeforeRestart);

      const outAtRestart = agent.out().length;
      relay.nextGeneration();
      server = await startServer();
      const tRestart = Date.now();
      const verified = await waitForOutput(agent, /verified \(sha256 ([0-9a-f]{16})…\), recording ([0-9a-f-]{36})/, 90_000);
      const tDone = Date.now();
      expect(verified[1]).toBe(sourceSha.slice(0, 16));

      // Resumed, not restarted: the first progress after the restart starts at the kill offset, and
      // the server received only the missing bytes (plus HTTP headers).
      const after = progressLines(agent.out().slice(outAtRestart));
      expect(after[0]!.pct).toBeGreaterThanOrEqual(Math.floor((atKill.size / SIZE) * 100));
      expect(after[0]!.sent).toBeGreaterThanOrEqual(atKill.size);
      const resent = relay.bytesToServer(2);
      expect(resent).toBeGreaterThanOrEqual(SIZE - atKill.size);
      expect(resent).toBeLessThan(SIZE - atKill.size + MiB);

      // The stored object is the source, byte for byte, read-only; the staging file is gone.
      const obj = objectPath(dataDir, sourceSha);
      expect(fs.statSync(obj).size).toBe(SIZE);
      expect(fs.statSync(obj).mode & 0o222).toBe(0);
      expect(await sha256File(obj)).toBe(sourceSha);
      expect(staged(dataDir)).toBeUndefined();

      const rows = await listed();
      expect(rows).toEqual([expect.objectContaining({ id: verified[2], sha256: sourceSha, size: SIZE, state: 'unreadable' })]);
      watching = false;
      await watcher;
      expect(seen.filter((s) => s.rows > 0).every((s) => s.objectComplete)).toBe(true);
      expect(seen.every((s) => s.rows <= 1)).toBe(true);
      console.info(
        `server-kill: killed at ${(atKill.size / MiB).toFixed(0)} MiB after ${tKill - t0} ms; restarted after ${tRestart - tKill} ms; ` +
          `done ${tDone - tRestart} ms later; ${(resent / MiB).toFixed(1)} MiB sent after the restart; ${seen.length} list polls`,
      );
    } finally {
      watching = false;
      await watcher;
    }
  }, 150_000);

  it("R444-11 R444-13 killed after the last byte but before the recording was written: the agent's confirmation finishes the upload, once", async () => {
    const SIZE2 = 256 * MiB;
    // The next server gets every byte, then hangs in ffprobe — before the commit and before the row.
    const fakeBin = tmpDir('baqylau-fault-ffprobe-');
    const pids = path.join(fakeBin, 'pids');
    fs.writeFileSync(path.join(fakeBin, 'ffprobe'), `#!/bin/sh\necho $$ >> '${pids}'\nexec sleep 120\n`, { mode: 0o755 });
    const stuckProbes = () => (fs.existsSync(pids) ? fs.readFileSync(pids, 'utf8').split('\n').filter(Boolean).map(Number) : []);
    try {
      await kill(server, 'SIGTERM');
      server = await startServer({ PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` });
      responsible = await login('responsible');
      const clip2 = path.join(path.dirname(clip), '20260302_101500_0002.mp4');
      const sha2 = randomFile(clip2, SIZE2);

      await until('the server to probe the finished upload', () => stuckProbes().length > 0, 60_000, 20);
      expect(staged(dataDir)?.size).toBe(SIZE2);
      expect(fs.existsSync(objectPath(dataDir, sha2))).toBe(false);
      expect((await listed()).map((r) => r.sha256)).toEqual([sourceSha]);
      const outAtKill = agent!.out().length;
      server.child.kill('SIGKILL');
      await server.exited;
      for (const pid of stuckProbes()) process.kill(pid, 'SIGKILL');

      const gen = relay.nextGeneration();
      server = await startServer();
      const verified = await waitForOutput(
        agent!,
        new RegExp(`0002\\.mp4: verified \\(sha256 ${sha2.slice(0, 16)}…\\), recording ([0-9a-f-]{36})`),
        60_000,
        outAtKill,
      );
      // Nothing was sent again: the agent found the offset at the end, asked for the receipt, then confirmed.
      expect(relay.bytesToServer(gen)).toBeLessThan(64 * 1024);
      expect(progressLines(agent!.out().slice(outAtKill)).every((x) => x.pct === 100)).toBe(true);

      responsible = await login('responsible');
      const rows = await listed();
      expect(rows.filter((r) => r.sha256 === sha2)).toEqual([
        expect.objectContaining({ id: verified[1], size: SIZE2, state: 'unreadable' }),
      ]);
      expect(rows).toHaveLength(2);
      expect(await sha256File(objectPath(dataDir, sha2))).toBe(sha2);
      expect(staged(dataDir)).toBeUndefined();

      // R444-13: the ingest is in the ledger under the dock token that delivered it, and the chain verifies after two crashes.
      const auditor = await login('auditor');
      const ingested = (await auditor('GET', `/api/v1/organisations/${org}/ledger?action=recording.ingested`)) as {
        subjectId: string;
        actorKind: string;
        actorId: string | null;
      }[];
      const docked = ingested.filter((e) => e.actorKind === 'token'); // the demo's own clips were taken in by the responsible person
      expect(docked).toHaveLength(2);
      for (const e of docked) expect(e).toMatchObject({ actorKind: 'token', actorId: tokenId });
      expect(docked.map((e) => e.subjectId).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(await auditor('POST', `/api/v1/organisations/${org}/ledger/verify`)).toMatchObject({ ok: true });
    } finally {
      for (const pid of stuckProbes()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
  }, 120_000);
});

// ---------------------------------------------------------------- 2. unplugged

describe('R444-11 a recorder is unplugged in the middle of a file and plugged back', () => {
  const SIZE = 300 * MiB;
  const CHUNK = 16 * MiB;
  let ctx: TestContext;
  let w: Awaited<ReturnType<typeof seedJournalWorld>>;
  let token: string;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let watch: string;
  let clip: string;
  let sourceSha: string;
  let agent: Proc | undefined;

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await seedJournalWorld(ctx);
    token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
    const url = new URL(await ctx.app.listen({ port: 0, host: '127.0.0.1' }));
    relay = await startRelay(() => Number(url.port));
    watch = tmpDir('baqylau-fault-usb-');
    clip = path.join(makeDevice(watch, 'usb-1', 'ВР-001'), '20260302_101000_0001.mp4');
    sourceSha = randomFile(clip, SIZE, new Date('2026-03-02T05:20:00Z'));
  }, 60_000);

  afterAll(async () => {
    await kill(agent);
    await relay?.close();
    await ctx?.close();
  });

  it('R444-11 the agent logs a retry instead of crashing, and resumes the same upload when the device is back', async () => {
    const t0 = Date.now();
    const device = path.join(watch, 'usb-1');
    const unplugged = path.join(tmpDir('baqylau-fault-unplugged-'), 'usb-1');
    agent = startBaqylau(['dock', '--server', relay.url, '--token', token, '--watch', watch, '--chunk-size', String(CHUNK)]);

    // Hold the stream mid-request so the device disappears while a chunk is in flight.
    await until('the upload to be under way', () => (staged(ctx.deps.config.dataDir)?.size ?? 0) >= 3 * CHUNK, 30_000, 5);
    relay.hold();
    const atUnplug = staged(ctx.deps.config.dataDir)!;
    fs.renameSync(device, unplugged);
    const outAtUnplug = agent.out().length;
    relay.release();

    await waitForOutput(agent, /ВР-001 20260302_101000_0001\.mp4: will retry/, 20_000);
    await sleep(2500); // a scan or two with the device gone
    expect(agent.alive()).toBe(true);
    expect(await listRecordings(ctx.deps.db, w.org)).toEqual([]);
    const whileAway = staged(ctx.deps.config.dataDir)!;
    expect(whileAway.name).toBe(atUnplug.name);
    expect(whileAway.size).toBeLessThan(SIZE);

    fs.renameSync(unplugged, device);
    const tPlug = Date.now();
    const verified = await waitForOutput(agent, /verified \(sha256 ([0-9a-f]{16})…\), recording ([0-9a-f-]{36})/, 60_000);
    const tDone = Date.now();
    expect(verified[1]).toBe(sourceSha.slice(0, 16));
    expect(agent.alive()).toBe(true);

    // The same upload went on from where the server stood; the first progress after the re-plug is not 0 %.
    const afterPlug = progressLines(agent.out().slice(outAtUnplug));
    const resumedAt = afterPlug.find((p) => p.sent > 0 && p.sent >= whileAway.size);
    expect(resumedAt).toBeDefined();
    expect(afterPlug.some((p) => p.pct === 0)).toBe(false);

    const recs = await listRecordings(ctx.deps.db, w.org);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ id: verified[2], sha256: sourceSha, size: SIZE, originalName: '20260302_101000_0001.mp4' });
    expect(await sha256File(objectPath(ctx.deps.config.dataDir, sourceSha))).toBe(sourceSha);
    expect(fs.existsSync(clip)).toBe(true); // no --delete-after-confirm: the device keeps its file
    console.info(
      `unplug: unplugged at ${(whileAway.size / MiB).toFixed(0)} MiB, ${tPlug - t0} ms after start; done ${tDone - tPlug} ms after the re-plug`,
    );
  }, 90_000);

  it('R444-11 the network drops the confirmation of a finished upload: the agent confirms that upload, it does not send the file again', async () => {
    expect(agent?.alive()).toBe(true); // still running from the previous test, watching the device
    const clip2 = path.join(path.dirname(clip), '20260302_102000_0002.mp4');
    // The agent confirms its SHA-256 after the last byte; the receipt comes back as the answer.
    relay.cutNextRequest(/^POST \/api\/v1\/dock\/uploads\/[^/ ]+\/confirm /);
    const from = agent!.out().length;
    const sentBefore = relay.bytesToServer(1);
    // Written under a dot-name (the agent skips those) and renamed in whole: a scan that caught the file
    // half-written would (rightly) abandon that upload and send the file again — not what this test is about.
    const writing = path.join(path.dirname(clip), '.20260302_102000_0002.mp4.writing');
    const sha2 = randomFile(writing, 8 * MiB, new Date('2026-03-02T05:21:00Z'));
    fs.renameSync(writing, clip2);
    await waitForOutput(agent!, /0002\.mp4: will retry/, 30_000, from);
    const verified = await waitForOutput(agent!, /0002\.mp4: verified \(sha256 ([0-9a-f]{16})…\), recording ([0-9a-f-]{36})/, 30_000, from);
    expect(verified[1]).toBe(sha2.slice(0, 16));
    // The 8 MiB went over once: the next attempt found the upload finished and only confirmed it.
    expect(relay.bytesToServer(1) - sentBefore).toBeLessThan(8 * MiB + 64 * 1024);
    const recs = (await listRecordings(ctx.deps.db, w.org)).filter((r) => r.sha256 === sha2);
    expect(recs.map((r) => r.id)).toEqual([verified[2]]);
    expect(await listRecordings(ctx.deps.db, w.org)).toHaveLength(2);
  }, 60_000);
});
