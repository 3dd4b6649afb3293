import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import type { Db } from '../../db/database.ts';
import { registry } from './metrics.ts';

/** The database the queue gauges read; the last server started in this process (one, outside tests). */
let queueDb: Db | undefined;

async function readyJobs() {
  if (!queueDb) return [];
  const res = await queueDb.execute(sql`
    SELECT kind, count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM (now() - min(run_at))), 0)::float8 AS age
      FROM jobs WHERE state = 'queued' AND run_at <= now() GROUP BY kind`);
  return (res as unknown as { rows: { kind: string; n: number; age: number }[] }).rows;
}

new Gauge({
  name: 'baqylau_jobs_queued',
  help: 'Jobs ready to run and not yet claimed, by kind',
  labelNames: ['kind'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const r of await readyJobs()) this.set({ kind: r.kind }, r.n);
  },
});
new Gauge({
  name: 'baqylau_jobs_oldest_ready_seconds',
  help: 'How long the oldest ready job of each kind has waited to be claimed',
  labelNames: ['kind'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const r of await readyJobs()) this.set({ kind: r.kind }, r.age);
  },
});

/**
 * GET /metrics on its own port, apart from the app. Bound to loopback by default (METRICS_HOST=127.0.0.1): only
 * Prometheus or its agent on the same host reaches it. Bound elsewhere, the configuration requires a token
 * (METRICS_TOKEN) and every scrape must send it as `Authorization: Bearer …`. Returns the server to close.
 */
export async function startMetricsServer(db: Db, port: number, opts: { host?: string; token?: string } = {}) {
  queueDb = db;
  const expected = opts.token ? Buffer.from(`Bearer ${opts.token}`) : undefined;
  const server = http.createServer((req, res) => {
    if (expected && !sameSecret(req.headers.authorization, expected))
      return void res.writeHead(401, { 'www-authenticate': 'Bearer realm="baqylau-metrics"' }).end();
    if (req.method !== 'GET' || req.url !== '/metrics') return void res.writeHead(404).end();
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (e: Error) => res.writeHead(500).end(e.message),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, opts.host ?? '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
function sameSecret(given: string | undefined, expected: Buffer) {
  const g = Buffer.from(given ?? '');
  return g.length === expected.length && timingSafeEqual(g, expected);
}
