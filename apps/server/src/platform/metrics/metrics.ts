import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client), one registry per process: counters are bumped where the work
 * happens, gauges that need the database are read at scrape time (metrics-server.ts). Served only on the
 * loopback metrics port, never through the public app.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'baqylau_' });

export const httpDuration = new Histogram({
  name: 'baqylau_http_request_duration_seconds',
  help: 'Request latency by route (the route pattern, not the URL)',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});
export const uploadsInFlight = new Gauge({
  name: 'baqylau_uploads_in_flight',
  help: 'Dock agent upload requests (tus PATCH) being received now',
  registers: [registry],
});
export const uploadBytes = new Counter({
  name: 'baqylau_upload_bytes_total',
  help: 'Bytes of recordings received from dock agents',
  registers: [registry],
});
export const ledgerAppends = new Counter({
  name: 'baqylau_ledger_appends_total',
  help: 'Entries appended to the ledger chains (commits and rollbacks alike: attempts)',
  registers: [registry],
});
export const storageErrors = new Counter({
  name: 'baqylau_storage_errors_total',
  help: 'Failed blob store operations by operation',
  labelNames: ['operation'] as const,
  registers: [registry],
});
