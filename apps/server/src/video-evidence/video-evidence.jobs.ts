import path from 'node:path';
import { lt } from 'drizzle-orm';
import type { AppDeps } from '../platform/deps.ts';
import { extendJobLease } from '../platform/jobs/queue.ts';
import type { Logger, RuleSet } from '../kernel/rule-set.ts';
import { checkContinuity } from './continuity/continuity.usecases.ts';
import { scrubStore } from './recordings/scrubStore.ts';
import { deriveRecording } from './recordings/deriveRecording.ts';
import { buildCourtPackage } from './packages/buildCourtPackage.ts';
import { BUILD_JOB } from './packages/createCourtPackage.ts';
import { cleanAbandonedUploads } from './recordings/ingest/cleanAbandonedUploads.ts';
import { reviewRetention } from './retention/reviewRetention.ts';
import { purgeDeletedObjects } from './retention/purgeDeletedObjects.ts';
import { uploadsInProgress } from './recordings/recordings.table.ts';
import { PROTECT_JOB, protectOriginal } from './retention/protectOriginal.ts';

const HOUR = 3_600_000;

/** Order 444's background work: derivatives, continuity, packages, retention, scrub, abandoned uploads. */
export const videoEvidenceJobs: NonNullable<RuleSet['jobs']> = (deps: AppDeps, log?: Logger) => ({
  handlers: {
    'recording.derive': async (job) => {
      await deriveRecording(deps, (job.payload as { recordingId: string }).recordingId);
    },
    'uploads.cleanup': async () => {
      const maxAgeMs = deps.config.uploadExpiryHours * HOUR;
      cleanAbandonedUploads(path.join(deps.store.stagingDir, 'tus'), maxAgeMs);
      await deps.db.delete(uploadsInProgress).where(lt(uploadsInProgress.createdAt, new Date(deps.now().getTime() - maxAgeMs)));
    },
    'storage.scrub': async () => {
      const r = await scrubStore(deps);
      if (r.damagedObjects.length) log?.error({ damaged: r.damagedObjects }, 'storage scrub found damaged objects');
    },
    'retention.review': async () => {
      await reviewRetention(deps);
    },
    [PROTECT_JOB]: async (job) => {
      await protectOriginal(deps, (job.payload as { sha256: string }).sha256);
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
  recurring: [
    { kind: 'storage.scrub', everyMs: 7 * 24 * HOUR },
    { kind: 'uploads.cleanup', everyMs: HOUR },
    { kind: 'retention.review', everyMs: 24 * HOUR },
  ],
});
