import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../../src/platform/jobs/queue.ts';
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
