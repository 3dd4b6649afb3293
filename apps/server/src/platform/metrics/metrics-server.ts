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
 * GET /metrics on its own port, bound to 127.0.0.1 only: Prometheus (or its agent) on the same host scrapes it,
 * nothing else can reach it, and it needs no account. Returns the server to close.
 */
export async function startMetricsServer(db: Db, port: number, host = '127.0.0.1') {
  queueDb = db;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') return void res.writeHead(404).end();
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (e: Error) => res.writeHead(500).end(e.message),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
