import path from 'node:path';
import type { Config } from '../config/config.ts';
import { createFsBlobStore } from '../platform/storage/fs-store.ts';
import { openDatabase, type Database } from '../db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import { createTranslator } from '../platform/i18n/i18n.ts';
import { loadOrCreateInstanceKey } from '../platform/keys/instance-key.ts';
import { signAllCheckpoints } from '../platform/ledger/checkpoints.ts';
import { createWorker } from '../platform/jobs/worker.ts';
import { extendJobLease } from '../platform/jobs/queue.ts';
import { scheduleRecurring } from '../platform/jobs/scheduler.ts';
import { createEmailNotificationHandler } from '../kernel/notifications/notifications.email.ts';
import { checkContinuity } from '../video-evidence/continuity/continuity.usecases.ts';
import { scrubStore } from '../video-evidence/recordings/scrubStore.ts';
import { deriveRecording } from '../video-evidence/recordings/deriveRecording.ts';
import { buildCourtPackage } from '../video-evidence/packages/buildCourtPackage.ts';
import { BUILD_JOB } from '../video-evidence/packages/createCourtPackage.ts';
import { cleanAbandonedUploads } from '../video-evidence/recordings/ingest/cleanAbandonedUploads.ts';
import { assignMissingRetention } from '../video-evidence/retention/assignMissingRetention.ts';
import { reviewRetention } from '../video-evidence/retention/reviewRetention.ts';
import { purgeDeletedObjects } from '../video-evidence/retention/purgeDeletedObjects.ts';
import { uploadsInProgress } from '../video-evidence/recordings/recordings.table.ts';
import { assertNoUnfinishedRestore } from '../kernel/backup/restore-marker.ts';
import { lt } from 'drizzle-orm';

/** Opens the database, applies migrations and builds the dependencies every entry point shares. */
export async function buildRuntime(config: Config): Promise<{ deps: AppDeps; database: Database }> {
  // A half-restored or unverified DATA_DIR must not take new evidence on top of it.
  assertNoUnfinishedRestore(config.dataDir);
  const database = await openDatabase(config);
  try {
    await database.migrate();
    await assignMissingRetention(database.db, config);
  } catch (e) {
    await database.close();
    throw e;
  }
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    instanceKey: loadOrCreateInstanceKey(config.dataDir),
    store: createFsBlobStore(path.join(config.dataDir, 'blobs')),
    translator: await createTranslator(),
    now: () => new Date(),
  };
  return { deps, database };
}

/** The background worker with the platform's job kinds; modules add theirs here. */
export function buildWorker(deps: AppDeps, log?: { error(o: unknown, m?: string): void }) {
  const everyMs = deps.config.checkpointIntervalMinutes * 60_000;
  const worker = createWorker(deps.db, {
    log,
    handlers: {
      'ledger.checkpoint': async () => {
        await deps.db.transaction((tx) => signAllCheckpoints(tx, deps.instanceKey, deps.now()));
      },
      'notification.email': createEmailNotificationHandler(deps),
      'recording.derive': async (job) => {
        await deriveRecording(deps, (job.payload as { recordingId: string }).recordingId);
      },
      'uploads.cleanup': async () => {
        const maxAgeMs = deps.config.uploadExpiryHours * 3_600_000;
        cleanAbandonedUploads(path.join(deps.store.stagingDir, 'tus'), maxAgeMs);
        await deps.db.delete(uploadsInProgress).where(lt(uploadsInProgress.createdAt, new Date(deps.now().getTime() - maxAgeMs)));
      },
      'storage.scrub': async () => {
        const r = await scrubStore(deps);
        if (r.damaged.length) log?.error({ damaged: r.damaged }, 'storage scrub found damaged originals');
      },
      'retention.review': async () => {
        await reviewRetention(deps);
      },
      'retention.purge': async (job) => {
        await purgeDeletedObjects(deps, (job.payload as { actId: string }).actId);
      },
      [BUILD_JOB]: async (job) => {
        const { packageId } = job.payload as { packageId: string };
        await buildCourtPackage(deps, packageId, {
          lastAttempt: job.attempts >= job.maxAttempts,
          heartbeat: () => extendJobLease(deps.db, job.id, new Date(deps.now().getTime() + 5 * 60_000)),
        });
      },
      'continuity.check': async (job) => {
        const { organisationId, journalEntryId } = job.payload as { organisationId: string; journalEntryId: string };
        await checkContinuity(deps, organisationId, journalEntryId);
      },
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const schedule = () =>
    scheduleRecurring(
      deps.db,
      [
        { kind: 'ledger.checkpoint', everyMs },
        { kind: 'storage.scrub', everyMs: 7 * 24 * 3_600_000 },
        { kind: 'uploads.cleanup', everyMs: 3_600_000 },
        { kind: 'retention.review', everyMs: 24 * 3_600_000 },
      ],
      deps.now(),
    ).catch((e) => log?.error({ err: e }, 'scheduling failed'));
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
