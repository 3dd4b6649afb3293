import type { Config } from '../config/config.ts';
import { openBlobStore } from '../platform/storage/open-store.ts';
import { openDatabase, type Database } from '../db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import { createTranslator } from '../platform/i18n/i18n.ts';
import { loadOrCreateInstanceKey } from '../platform/keys/instance-key.ts';
import { signAllCheckpoints } from '../platform/ledger/checkpoints.ts';
import { createWorker } from '../platform/jobs/worker.ts';
import { scheduleRecurring } from '../platform/jobs/scheduler.ts';
import { createEmailNotificationHandler } from '../kernel/notifications/notifications.email.ts';
import { assertNoUnfinishedRestore } from '../kernel/backup/restore-marker.ts';
import { SEAL_ACCESS_REFUSALS, sealAccessRefusals } from '../kernel/audit/access-refusals.ts';
import type { Logger } from '../kernel/rule-set.ts';
import { RULE_SETS, ruleSetRecords } from './rule-sets.ts';

/** Opens the database, applies migrations and builds the dependencies every entry point shares. */
export async function buildRuntime(config: Config): Promise<{ deps: AppDeps; database: Database }> {
  // A half-restored or unverified DATA_DIR must not take new evidence on top of it.
  assertNoUnfinishedRestore(config.dataDir);
  const database = await openDatabase(config);
  let store;
  try {
    store = await openBlobStore(config);
    await database.migrate();
    for (const r of RULE_SETS) await r.prepare?.(database.db, config);
  } catch (e) {
    await database.close();
    throw e;
  }
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    instanceKey: loadOrCreateInstanceKey(config.dataDir),
    store,
    translator: await createTranslator(),
    records: ruleSetRecords(),
    now: () => new Date(),
  };
  return { deps, database };
}

/** The background worker: the kernel's job kinds, then each rule set's. */
export function buildWorker(deps: AppDeps, log?: Logger) {
  const everyMs = deps.config.checkpointIntervalMinutes * 60_000;
  const ruleSetJobs = RULE_SETS.flatMap((r) => (r.jobs ? [r.jobs(deps, log)] : []));
  const worker = createWorker(deps.db, {
    log,
    handlers: Object.assign(
      {
        'ledger.checkpoint': async () => {
          await deps.db.transaction((tx) => signAllCheckpoints(tx, deps.instanceKey, deps.now()));
        },
        'notification.email': createEmailNotificationHandler(deps),
        [SEAL_ACCESS_REFUSALS]: (job: { payload: unknown }) => sealAccessRefusals(deps, (job.payload as { id: string }).id),
      },
      ...ruleSetJobs.map((j) => j.handlers),
    ),
  });
  let timer: NodeJS.Timeout | undefined;
  const schedule = () =>
    scheduleRecurring(deps.db, [{ kind: 'ledger.checkpoint', everyMs }, ...ruleSetJobs.flatMap((j) => j.recurring)], deps.now()).catch(
      (e) => log?.error({ err: e }, 'scheduling failed'),
    );
  return {
    worker,
    async start() {
      await schedule();
      timer = setInterval(schedule, Math.min(everyMs, 60_000));
      worker.start();
    },
    async stop() {
      clearInterval(timer);
      await worker.stop();
    },
  };
}
