import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import type { ApiClient } from '../support/world.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { SETTINGS, loadConfig } from '../../src/config/config.ts';
import { checkOrganisation } from '../../src/kernel/audit/audit.usecases.ts';
import { openPostgres, type Database } from '../../src/db/database.ts';
import type { AppDeps } from '../../src/platform/deps.ts';
import { enqueueJob } from '../../src/platform/jobs/queue.ts';
import { createWorker } from '../../src/platform/jobs/worker.ts';
import { openBlobStore } from '../../src/platform/storage/open-store.ts';
import { listRecordings } from '../../src/video-evidence/recordings/recordings.repository.ts';
import { seedJournalWorld } from '../support/journal-world.ts';
import { startNginxInFront, type RunningNginx } from '../support/nginx.ts';
import { s3Bucket } from '../support/s3.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

// Two server instances on one PostgreSQL database and one bucket, with a shared staging folder, behind nginx
// round-robin (the site `baqylau nginx-site` prints). Needs PostgreSQL: the tier runs under with-postgres.mjs.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let bucket: Awaited<ReturnType<typeof s3Bucket>>;
let second: { database: Database; deps: AppDeps; app: FastifyInstance };
let urls: [string, string];
let nginx: RunningNginx;
let token: string;
let uploaded: { id: string; size: number };
const HOT_READ_MS = SETTINGS.hotReadCacheMs.default;
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-shared-staging-'));

beforeAll(async () => {
  bucket = await s3Bucket();
  // The documented staleness between instances: HOT_READ_CACHE_MS at its default (2 s) on both.
  const env = { ...bucket.env, S3_STAGING_DIR: staging, HOT_READ_CACHE_MS: String(HOT_READ_MS) };
  ctx = await createTestContext(env);
  if (!ctx.databaseUrl) throw new Error('two instances need PostgreSQL: run through scripts/with-postgres.mjs');
  w = await seedJournalWorld(ctx);
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
  const database = await openPostgres(ctx.databaseUrl, 5);
  const config = loadConfig({ ...env, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-second-')) });
  const deps: AppDeps = { ...ctx.deps, db: database.db, config, store: await openBlobStore(config) };
  second = { database, deps, app: await createApp(deps, { webDist: undefined }) };
  urls = [await ctx.app.listen({ port: 0, host: '127.0.0.1' }), await second.app.listen({ port: 0, host: '127.0.0.1' })];
  nginx = await startNginxInFront(
    urls.map((u) => u.replace('http://', '')),
    ctx.deps.config.dataDir,
    ctx.deps.config.mediaOffloadPrefix,
  );
}, 120_000);

afterAll(async () => {
  await nginx?.close();
  await second?.app.close();
  await second?.database.close();
  await ctx.close();
  fs.rmSync(staging, { recursive: true, force: true });
});

/** A request straight to one instance as a signed-in client (its cookie, and its CSRF token on changes). */
const on = (i: 0 | 1, c: ApiClient, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${urls[i]}${url}`, {
    method,
    headers: {
      cookie: c.cookie!,
      'accept-language': 'en',
      ...(method === 'GET' ? {} : { 'x-csrf-token': c.csrf!, 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const tus = () => ({ authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' });
const b64 = (v: string) => Buffer.from(v).toString('base64');

describe('R444-11 R444-13 R444-21 two instances, one PostgreSQL, one bucket, nginx round-robin', () => {
  it('R444-11 an upload started on one instance resumes on the other, and its original lands in the bucket, held', async () => {
    const bytes = randomBytes(5 * 2 ** 20 + 321);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta = [
      `filename ${b64('20260302_101500_0003.mp4')}`,
      `inventoryNumber ${b64('ВР-001')}`,
      `modifiedAt ${b64('2026-03-02T05:30:00Z')}`,
      `sha256 ${b64(sha256)}`,
    ].join(',');
    const created = await fetch(`${urls[0]}/api/v1/dock/uploads`, {
      method: 'POST',
      headers: { ...tus(), 'upload-length': String(bytes.length), 'upload-metadata': meta },
    });
    expect(created.status).toBe(201);
    const uploadPath = new URL(created.headers.get('location')!, urls[0]).pathname;
    const half = 2 * 2 ** 20 + 7;
    const first = await fetch(`${urls[0]}${uploadPath}`, {
      method: 'PATCH',
      headers: { ...tus(), 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: bytes.subarray(0, half),
    });
    expect(first.status).toBe(204);
    // The first instance is gone from the agent's view; the other one knows where the upload stands.
    const offset = await fetch(`${urls[1]}${uploadPath}`, { method: 'HEAD', headers: tus() });
    expect(offset.headers.get('upload-offset')).toBe(String(half));
    const rest = await fetch(`${urls[1]}${uploadPath}`, {
      method: 'PATCH',
      headers: { ...tus(), 'upload-offset': String(half), 'content-type': 'application/offset+octet-stream' },
      body: bytes.subarray(half),
    });
    expect(rest.status, await rest.text()).toBe(204);
    const recs = await listRecordings(ctx.deps.db, w.org);
    expect(recs.map((r) => r.sha256)).toContain(sha256);
    uploaded = { id: recs.find((r) => r.sha256 === sha256)!.id, size: bytes.length };
    const h = await bucket.client.send(
      new HeadObjectCommand({ Bucket: bucket.bucket, Key: `originals/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}` }),
    );
    expect(h.ContentLength).toBe(bytes.length);
    expect(h.Metadata?.sha256).toBe(sha256);
    expect(h.ObjectLockLegalHoldStatus).toBe('ON');
  });

  it('R444-13 a session made on one instance is valid on both and through nginx; its end is seen by the other within HOT_READ_CACHE_MS', async () => {
    const head = await w.world.as('head');
    for (const base of [...urls, nginx.url, nginx.url, nginx.url]) {
      const me = await fetch(`${base}/api/v1/me`, { headers: { cookie: head.cookie! } });
      expect(me.status, base).toBe(200);
    }
    // The second instance now holds the principal in its hot-read cache; the sign-out goes through the first.
    // (The client forgets its cookie at sign-out; the old cookie is what a stale cache would still accept.)
    const old = { cookie: head.cookie, csrf: head.csrf } as ApiClient;
    expect((await on(1, old, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await head.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const signedOut = performance.now();
    expect((await on(0, old, 'GET', '/api/v1/me')).status).toBe(401); // the instance that made the change: at once
    let seenAfter = Infinity;
    while (performance.now() - signedOut < HOT_READ_MS + 3_000) {
      if ((await on(1, old, 'GET', '/api/v1/me')).status === 401) {
        seenAfter = performance.now() - signedOut;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    // The documented bound (README: "a change made elsewhere within HOT_READ_CACHE_MS"), plus a request's time;
    // without the bound (a cache that never expires) the other instance would accept the old session for ever.
    expect(seenAfter).toBeLessThan(HOT_READ_MS + 500);
    for (const base of [...urls, nginx.url, nginx.url]) {
      expect((await fetch(`${base}/api/v1/me`, { headers: { cookie: old.cookie! } })).status, base).toBe(401);
    }
  });

  it('R444-21 a purpose stated through one instance is honoured by the other; without one, the other refuses the media', async () => {
    const head = await w.world.as('head');
    const media = w.api(`/recordings/${uploaded.id}/media`);
    const refused = await on(1, head, 'GET', media, undefined, { range: 'bytes=0-15' });
    expect(refused.status).toBe(428);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('evidence.purpose_required');
    const stated = await on(0, head, 'POST', w.api('/access-purposes'), { purpose: 'activity_review', note: '№ 27-ТП материалдары' });
    expect(stated.status, await stated.clone().text()).toBe(200);
    const played = await on(1, head, 'GET', media, undefined, { range: 'bytes=0-15' });
    expect(played.status).toBe(206);
    expect(played.headers.get('content-range')).toBe(`bytes 0-15/${uploaded.size}`);
    const logged = await ctx.sql(
      `SELECT payload::jsonb->>'purpose' AS purpose FROM ledger_entries WHERE action = 'recording.viewed' AND subject_id = $1`,
      [uploaded.id],
    );
    expect(logged.rows).toEqual([{ purpose: 'activity_review' }]);
  });

  it('R444-13 a ledger appended from both instances at once verifies', async () => {
    const head = await w.world.as('head');
    expect(
      (await on(1, head, 'POST', w.api('/access-purposes'), { purpose: 'court_or_authority_request', note: '№ 2-345/2026' })).status,
    ).toBe(200);
    const before = await ctx.sql(`SELECT count(*)::int AS n FROM ledger_entries WHERE organisation_id = $1`, [w.org]);
    // Every download is a ledger entry: 16 at once, alternating instances, each appending to the one chain.
    const downloads = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        on((i % 2) as 0 | 1, head, 'GET', `${w.api(`/recordings/${uploaded.id}/media`)}?download=true`, undefined, {
          range: `bytes=${i}-${i + 7}`,
        }).then(async (r) => ({ status: r.status, body: Buffer.from(await r.arrayBuffer()).length })),
      ),
    );
    expect(downloads).toEqual(Array.from({ length: 16 }, () => ({ status: 206, body: 8 })));
    const after = await ctx.sql(`SELECT count(*)::int AS n FROM ledger_entries WHERE organisation_id = $1`, [w.org]);
    expect(Number(after.rows[0]!.n) - Number(before.rows[0]!.n)).toBe(16);
    for (const deps of [ctx.deps, second.deps]) {
      const verdict = await checkOrganisation(deps, w.org);
      expect({ ok: verdict.ok, chainOk: verdict.chainOk, firstBad: verdict.firstBad ?? null }).toEqual({
        ok: true,
        chainOk: true,
        firstBad: null,
      });
    }
  });

  it('R444-13 a job is run once while workers on both instances compete for it', async () => {
    const ran: number[] = [];
    const handlers = {
      'test.once': async (job: { id: number }) => {
        ran.push(job.id);
      },
    };
    for (let i = 0; i < 20; i++) await enqueueJob(ctx.deps.db, 'test.once', { i }, { runAt: new Date(Date.now() - 1000) });
    const a = createWorker(ctx.deps.db, { handlers });
    const b = createWorker(second.deps.db, { handlers });
    // Both drain at once (the first test's derive and protect jobs are claimed too, and fail here: no handler).
    await Promise.all([a.drain(), b.drain()]);
    expect(ran).toHaveLength(20);
    expect(new Set(ran).size).toBe(20);
  });
});
