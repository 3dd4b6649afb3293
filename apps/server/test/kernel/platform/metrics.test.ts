import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../../src/platform/jobs/queue.ts';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';
import { startMetricsServer } from '../../../src/platform/metrics/metrics-server.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

let ctx: TestContext;
let metrics: Awaited<ReturnType<typeof startMetricsServer>>;
beforeAll(async () => {
  ctx = await createTestContext();
  metrics = await startMetricsServer(ctx.deps.db, 0);
});
afterAll(async () => {
  await metrics.close();
  await ctx.close().catch(() => undefined); // the database was closed by the last test
});

const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');
const TOKEN = 'm'.repeat(16) + 'etrics-token-of-32-chars';

describe('operations: the metrics port is loopback-only or authenticated', () => {
  it('binds 127.0.0.1 by default; any other address without METRICS_TOKEN is refused, naming the setting', () => {
    expect(loadConfig({ METRICS_PORT: '9464' })).toMatchObject({ metricsHost: '127.0.0.1', metricsToken: undefined });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '::1' }).metricsHost).toBe('::1');
    for (const host of ['0.0.0.0', '10.0.0.5', '::']) {
      const attempt = () => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: host });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(`METRICS_HOST=${host} is not a loopback address, so METRICS_TOKEN must be set`);
    }
    expect(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', METRICS_TOKEN: 'short' })).toThrow(
      'METRICS_TOKEN="short" must be at least 32 characters long',
    );
    expect(() => loadConfig({ METRICS_HOST: 'metrics.local' })).toThrow('METRICS_HOST="metrics.local" must be an IP address');
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
  });

  it('the server refuses to start on a non-loopback metrics address without a token, in the CLI language (kk by default)', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' };
    delete env.BAQYLAU_LANG;
    const kk = await promisify(execFile)('node', [BIN, 'serve'], { env }).catch((e) => e);
    expect(kk.code).toBe(2);
    expect(kk.stderr).toContain('config.metrics_token_missing: Баптау жарамсыз: METRICS_HOST=0.0.0.0 кері тұзақ (loopback)');
    expect(kk.stderr).toContain('METRICS_TOKEN берілуі керек');
    const ru = await promisify(execFile)('node', [BIN, 'serve'], { env: { ...env, BAQYLAU_LANG: 'ru' } }).catch((e) => e);
    expect(ru.stderr).toContain('METRICS_HOST=0.0.0.0 — не адрес обратной петли (loopback), поэтому нужно задать METRICS_TOKEN');
  });

  it('bound to every address with a token: a scrape without the bearer token, or with another, gets 401', async () => {
    const open = await startMetricsServer(ctx.deps.db, 0, { host: '0.0.0.0', token: TOKEN });
    try {
      const url = `http://127.0.0.1:${open.port}/metrics`;
      const none = await fetch(url);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN.replace(/.$/, 'X')}` } })).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: TOKEN } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('# TYPE baqylau_ledger_appends_total');
    } finally {
      await open.close();
    }
  });
});

describe('operations: metrics on a loopback port, readiness', () => {
  it('serves Prometheus text on 127.0.0.1 only: request latency by route, ledger appends, queue depth and age, uploads, storage errors', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await enqueueJob(ctx.deps.db, 'storage.scrub', {}, { runAt: new Date(Date.now() - 5_000) });
    const res = await fetch(`http://127.0.0.1:${metrics.port}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/baqylau_http_request_duration_seconds_count\{method="GET",route="\/readyz",status="200"\} [1-9]/);
    expect(text).toMatch(/baqylau_jobs_queued\{kind="storage.scrub"\} 1/);
    expect(text).toMatch(/baqylau_jobs_oldest_ready_seconds\{kind="storage.scrub"\} [4-9]/);
    for (const name of [
      'baqylau_ledger_appends_total',
      'baqylau_uploads_in_flight',
      'baqylau_upload_bytes_total',
      'baqylau_storage_errors_total',
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect((await fetch(`http://127.0.0.1:${metrics.port}/`)).status).toBe(404);
  });

  it('readiness fails (503) when the store cannot be reached, naming which check failed', async () => {
    const objects = path.join(ctx.deps.config.dataDir, 'blobs', 'objects');
    fs.renameSync(objects, `${objects}.away`);
    const r = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ status: 'unready', database: 'ok', storage: 'unreachable' });
    expect(await (await fetch(`http://127.0.0.1:${metrics.port}/metrics`)).text()).toMatch(
      /baqylau_storage_errors_total\{operation="ping"\} [1-9]/,
    );
    fs.renameSync(`${objects}.away`, objects);
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('readiness fails (503) when the database cannot be reached', async () => {
    await ctx.database.close();
    const r = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ status: 'unready', database: 'unreachable' });
  });
});
