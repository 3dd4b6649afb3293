import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeOldRecording } from '../retention/retention-fixtures.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { startNginxInFront, type RunningNginx } from '../../support/nginx.ts';
import { createTestContext } from '../../support/test-app.ts';
import type { ApiClient } from '../../support/world.ts';

/**
 * Playback's hot path: a player's Range requests reuse the principal and the
 * recording row for HOT_READ_CACHE_MS, and with MEDIA_OFFLOAD=x-accel nginx
 * sends the bytes. Neither may let a revoked user keep watching.
 */
async function worldWithRecording(env: Record<string, string>) {
  const ctx = await createTestContext(env);
  const w = await seedJournalWorld(ctx);
  const entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id as string;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-play-')), '20260302_101000_0001.mp4');
  const original = randomBytes(3 * 2 ** 20 + 17);
  fs.writeFileSync(file, original);
  const rec = await storeOldRecording(ctx, {
    organisationId: w.org,
    recorderId: w.recorders[0]!.id,
    journalEntryId: entryId,
    startedAt: ctx.clock.now,
    name: path.basename(file),
    file,
  });
  fs.rmSync(path.dirname(file), { recursive: true });
  const watching = async (login: 'head' | 'responsible') => {
    const c = await w.world.as(login);
    const stated = await c.post(w.api('/access-purposes'), { purpose: 'activity_review', note: '№ 27-ТП тексерісінің материалдары' });
    expect(stated.statusCode).toBe(200);
    return c;
  };
  return { ctx, w, rec, original, media: w.api(`/recordings/${rec.id}/media`), watching };
}

const range = (c: ApiClient, url: string, r: string) => c.request('GET', url, undefined, { range: r });

describe('R444-13 R444-21 playback reuses recent reads, and a change made through the server stops it at once', () => {
  let t: Awaited<ReturnType<typeof worldWithRecording>>;
  // A long cache: whatever is refused below is refused by invalidation, not by expiry.
  beforeAll(async () => {
    t = await worldWithRecording({ HOT_READ_CACHE_MS: '60000' });
  }, 120_000);
  afterAll(() => t.ctx.close());

  it('R444-13 the head plays ranges; after signing out, the same cookie is refused on the next request', async () => {
    const head = await t.watching('head');
    const a = await range(head, t.media, 'bytes=0-1023');
    expect(a.statusCode).toBe(206);
    expect(Buffer.compare(a.rawPayload, t.original.subarray(0, 1024))).toBe(0);
    const b = await range(head, t.media, 'bytes=2097152-2098175');
    expect(b.statusCode).toBe(206);
    expect(Buffer.compare(b.rawPayload, t.original.subarray(2097152, 2098176))).toBe(0);
    const cookie = head.cookie!;
    expect((await head.post('/api/v1/auth/logout')).statusCode).toBe(200);
    head.cookie = cookie; // a copy kept by the player (or a thief)
    const after = await range(head, t.media, 'bytes=0-1023');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.unauthenticated');
  });

  it('R444-13 a session that expired by the application clock is not served from the cache', async () => {
    const resp = await t.watching('responsible');
    expect((await range(resp, t.media, 'bytes=0-99')).statusCode).toBe(206);
    t.ctx.clock.advance((t.ctx.deps.config.sessionTtlHours + 1) * 3_600_000);
    expect((await range(resp, t.media, 'bytes=0-99')).statusCode).toBe(401);
  });
  it('R444-13 a role revoked by the platform administrator stops media at the next request', async () => {
    const head = await t.watching('head');
    expect((await range(head, t.media, 'bytes=0-99')).statusCode).toBe(206);
    const admin = await t.w.world.as('admin');
    const revoked = await admin.request('DELETE', `/api/v1/organisations/${t.w.org}/members/${t.w.world.userIds.get('head')}/roles/head`);
    expect(revoked.statusCode).toBe(200);
    const after = await range(head, t.media, 'bytes=0-99');
    expect(after.statusCode).toBe(403);
    expect(after.json().error.code).toBe('auth.forbidden');
  });
});

describe('R444-13 R444-21 MEDIA_OFFLOAD=x-accel: the server authorises and logs, nginx sends the bytes', () => {
  let t: Awaited<ReturnType<typeof worldWithRecording>>;
  let nginx: RunningNginx;
  beforeAll(async () => {
    t = await worldWithRecording({ MEDIA_OFFLOAD: 'x-accel', HOT_READ_CACHE_MS: '300' });
    const server = new URL(await t.ctx.app.listen({ port: 0, host: '127.0.0.1' }));
    nginx = await startNginxInFront(server.host, t.ctx.deps.config.dataDir, t.ctx.deps.config.mediaOffloadPrefix);
  }, 120_000);
  afterAll(async () => {
    await nginx?.close();
    await t.ctx.close();
  });

  const viaNginx = (c: ApiClient, url: string, headers: Record<string, string> = {}) =>
    fetch(nginx.url + url, { headers: { ...(c.cookie ? { cookie: c.cookie } : {}), 'accept-language': c.lang, ...headers } });

  it('R444-13 ranges and the whole file come from nginx, byte for byte, with the type and the download name set by the server', async () => {
    const head = await t.watching('head');
    const part = await viaNginx(head, t.media, { range: 'bytes=1000-1048575' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1048575/${t.original.length}`);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('x-accel-redirect')).toBeNull();
    expect(Buffer.compare(Buffer.from(await part.arrayBuffer()), t.original.subarray(1000, 1048576))).toBe(0);
    const whole = await viaNginx(head, t.media);
    expect(whole.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await whole.arrayBuffer()), t.original)).toBe(0);
    const etag = whole.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await viaNginx(head, t.media, { 'if-none-match': etag })).status).toBe(304);
    const dl = await viaNginx(head, `${t.media}?download=true`);
    expect(dl.headers.get('content-disposition')).toContain('20260302_101000_0001.mp4');
    await dl.arrayBuffer();
  });

  it('R444-21 the viewing and the download are in the ledger once each, with the purpose', async () => {
    const head = await t.w.world.as('head');
    const viewed = (await head.get(t.w.api('/ledger?action=recording.viewed'))).json();
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ subjectId: t.rec.id, payload: { purpose: 'activity_review', range: 'bytes=1000-1048575' } });
    expect((await head.get(t.w.api('/ledger?action=recording.downloaded'))).json()).toHaveLength(1);
  });

  it('R444-13 a request that reaches the server without nginx still gets the bytes, not an empty redirect', async () => {
    const head = await t.watching('head');
    const res = await range(head, t.media, 'bytes=10-19');
    expect(res.statusCode).toBe(206);
    expect(res.headers['x-accel-redirect']).toBeUndefined();
    expect(Buffer.compare(res.rawPayload, t.original.subarray(10, 20))).toBe(0);
  });

  it('R444-13 the inspector and the auditor get the coded 403 through nginx; nobody reaches the objects location directly', async () => {
    for (const login of ['inspector1', 'auditor'] as const) {
      const c = await t.w.world.as(login);
      c.lang = 'ru';
      const res = await viaNginx(c, t.media, { range: 'bytes=0-99' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('auth.forbidden');
    }
    const objectUrl = `${t.ctx.deps.config.mediaOffloadPrefix}${t.rec.sha256.slice(0, 2)}/${t.rec.sha256.slice(2, 4)}/${t.rec.sha256}`;
    const direct = await fetch(nginx.url + objectUrl);
    expect(direct.status).not.toBe(200);
    await direct.arrayBuffer();
  });

  it('R444-13 a user disabled outside this server (CLI, another instance) is refused within HOT_READ_CACHE_MS', async () => {
    const head = await t.watching('head');
    expect((await viaNginx(head, t.media, { range: 'bytes=0-9' })).status).toBe(206);
    await t.ctx.sql(`UPDATE users SET disabled_at = now() WHERE login = 'head'`);
    await new Promise((r) => setTimeout(r, 400));
    const res = await viaNginx(head, t.media, { range: 'bytes=0-9' });
    expect(res.status).toBe(401);
    await res.arrayBuffer();
  });
});
