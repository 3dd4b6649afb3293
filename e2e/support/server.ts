import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The compiled server and CLI (`npm run build`), the artefact `npm start` runs. */
export const SERVER_BIN = path.join(REPO_ROOT, 'apps/server/dist/baqylau.mjs');
const WEB_INDEX = path.join(REPO_ROOT, 'apps/web/dist/index.html');

export interface DemoServer {
  url: string;
  /** The server's DATA_DIR (objects under blobs/objects/), for tests that damage a stored object on purpose. */
  dataDir: string;
  /** What the server printed, for failure messages. */
  output(): string;
  /** Stops the server and removes its data folder (or first copies it into `keepDataIn`). */
  stop(o?: { keepDataIn?: string }): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`demo server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`demo server did not answer /healthz within ${timeoutMs} ms:\n${output()}`);
}

/** Today in Almaty: the demo's records are placed relative to it. */
export const almatyToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());

/** A data folder the demo was seeded into once for the whole browser tier (demo-snapshot.ts), and its day. */
export interface DemoSnapshot {
  dir: string;
  day: string;
}

/**
 * The real server as a child process, `baqylau demo` on a free port and a fresh data folder: it seeds
 * the demo organisations and accounts (or, given a snapshot seeded today, starts from a copy of it — the
 * demo command seeds only an empty folder) and serves the built SPA (apps/web/dist).
 */
export async function startDemoServer(snapshot: DemoSnapshot | null = currentSnapshot()): Promise<DemoServer> {
  if (!fs.existsSync(WEB_INDEX) || !fs.existsSync(SERVER_BIN))
    throw new Error('apps/web/dist or apps/server/dist is missing: run `npm run build` first');
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-e2e-'));
  // A snapshot from another day would show yesterday's "today": seed afresh then.
  if (snapshot && snapshot.day === almatyToday())
    fs.cpSync(snapshot.dir, dataDir, { recursive: true, filter: (src) => !path.basename(src).endsWith('.lock') });
  const env: Record<string, string | undefined> = { ...process.env, HOST: '127.0.0.1', NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  delete env.PORT;
  const child = spawn(process.execPath, [SERVER_BIN, 'demo', '--port', String(port), '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;

  const stop = async (o: { keepDataIn?: string } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (o.keepDataIn) fs.cpSync(dataDir, o.keepDataIn, { recursive: true, filter: (src) => !path.basename(src).endsWith('.lock') });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => log, 90_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, dataDir, output: () => log, stop };
}

/** The snapshot the tier's global set-up provided (none outside vitest's e2e project). */
function currentSnapshot(): DemoSnapshot | null {
  const raw = process.env.BAQYLAU_E2E_DEMO_SNAPSHOT;
  return raw ? (JSON.parse(raw) as DemoSnapshot) : null;
}
