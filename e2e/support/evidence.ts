import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { makeClip } from '../../apps/server/test/support/clips.ts';
import { REPO_ROOT, SERVER_BIN } from './server.ts';

const run = promisify(execFile);

export interface PageApi {
  orgId: string;
  get<T>(p: string): Promise<T>;
  post<T>(p: string, body: unknown): Promise<T>;
  /** Status and error code of a GET from this page's session, as the browser would send it. */
  status(p: string): Promise<{ status: number; code: string | null }>;
}

/** The signed-in page's own session (cookie + CSRF token) as a tiny API client; paths are under the current organisation. */
export async function pageApi(page: Page): Promise<PageApi> {
  const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
  const orgId: string = me.currentOrganisationId ?? me.organisations[0].id;
  const base = `/api/v1/organisations/${orgId}`;
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await page.evaluate(
      async ({ url, method, body, csrf }) => {
        const r = await fetch(url, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await r.text();
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // media or empty
        }
        return { status: r.status, json };
      },
      { url: base + p, method, body, csrf: me.csrfToken as string },
    );
    return res as { status: number; json: { error?: { code: string } } | null };
  };
  const ok = async <T>(method: string, p: string, body?: unknown) => {
    const r = await call(method, p, body);
    if (r.status >= 300) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json as T;
  };
  return {
    orgId,
    get: (p) => ok('GET', p),
    post: (p, body) => ok('POST', p, body),
    status: async (p) => {
      const r = await call('GET', p);
      return { status: r.status, code: r.json?.error?.code ?? null };
    },
  };
}

export interface DockedClip {
  /** Under <device>/DCIM; the recorder numbers its files, the last digits are the sequence. */
  name: string;
  /** Start by the device clock. */
  deviceStart: Date;
  seconds?: number;
}

/**
 * A docked recorder as the dock agent sees it: <watch>/<device>/baqylau-recorder.json and real ffmpeg clips
 * stamped with their device start time.
 */
export function dockFolder(watch: string, device: string, inventoryNumber: string, clips: DockedClip[], deviceTime?: Date) {
  const dir = path.join(watch, device);
  fs.mkdirSync(path.join(dir, 'DCIM'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'baqylau-recorder.json'), JSON.stringify({ inventoryNumber, deviceTime: deviceTime?.toISOString() }));
  for (const c of clips) makeClip(path.join(dir, 'DCIM', c.name), c.deviceStart, c.seconds ?? 3);
}

export const tempWatch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-e2e-dock-'));

/** `baqylau dock --once`: the real agent uploads what is docked and exits. */
export async function runDockAgent(server: string, token: string, watch: string) {
  const r = await run(process.execPath, [SERVER_BIN, 'dock', '--server', server, '--token', token, '--watch', watch, '--once'], {
    cwd: REPO_ROOT,
  });
  return r.stdout;
}
