import type { Config } from './config/config.ts';
import { createApp } from './app.ts';
import { buildRuntime, buildWorker } from './composition/runtime.ts';
import { listUsers } from './kernel/users/users.repository.ts';
import { growHeapForStreaming } from './platform/heap-growth.ts';
import { startMetricsServer } from './platform/metrics/metrics-server.ts';

/** parse config → build dependencies → migrate → listen + worker; stops cleanly on SIGINT/SIGTERM. */
export async function startServer(config: Config) {
  growHeapForStreaming();
  const { deps, database } = await buildRuntime(config);
  const app = await createApp(deps, { logger: { level: config.logLevel }, webDist: config.webDist });
  const jobs = buildWorker(deps, app.log);
  await app.listen({ port: config.port, host: config.host });
  const metrics = config.metricsPort
    ? await startMetricsServer(deps.db, config.metricsPort, { host: config.metricsHost, token: config.metricsToken })
    : undefined;
  if (config.worker) await jobs.start();
  app.log.info({ database: deps.engine, dataDir: config.dataDir, keyFingerprint: deps.instanceKey.fingerprint }, 'Baqylau is running');
  if ((await listUsers(deps.db)).length === 0) {
    // No default credentials exist: say how to create the first administrator.
    app.log.warn(
      'No accounts yet. Create the first platform administrator: npx baqylau user create --admin --login <login> --full-name "<name>" --password-stdin',
    );
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await jobs.stop();
    await app.close();
    await metrics?.close();
    await database.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop().then(() => process.exit(0)));
  return { app, deps, stop };
}
