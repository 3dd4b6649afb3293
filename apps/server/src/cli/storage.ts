import type { Command } from 'commander';
import { StartupError } from '../platform/errors.ts';
import { configFrom, dbOptions } from './options.ts';

export function registerStorageCommands(program: Command) {
  const storage = program.command('storage').description('Write-once evidence store');
  dbOptions(
    storage
      .command('scrub')
      .description(
        'Re-hash every stored object (originals, derivatives, materials, package manifests and parts); exit 1 naming each damaged one and the rows it concerns (R444-13)',
      ),
  ).action(async (o) => {
    const { buildRuntime } = await import('../composition/runtime.ts');
    const { scrubStore } = await import('../video-evidence/recordings/scrubStore.ts');
    const { deps, database } = await buildRuntime(configFrom(o));
    try {
      const started = performance.now();
      const r = await scrubStore(deps);
      const s = (performance.now() - started) / 1000;
      for (const d of r.damaged) {
        console.log(
          `CRITICAL recording ${d.recordingId} (${d.originalName}): expected sha256 ${d.expected}, found ${d.actual ?? 'no object'}`,
        );
      }
      for (const d of r.damagedObjects) {
        console.log(
          `CRITICAL object ${d.sha256}: found ${d.found ? `sha256 ${d.found.sha256} (${d.found.size} bytes)` : 'no object'}; used by ${d.owners.map((o) => o.label).join(', ') || 'no live row'}`,
        );
      }
      console.log(
        `${r.objects} objects (${r.checked} recordings) checked, ${(r.bytes / 2 ** 20).toFixed(1)} MiB hashed in ${s.toFixed(1)} s, ${r.damagedObjects.length} damaged.`,
      );
      process.exitCode = r.damagedObjects.length ? 1 : 0;
    } finally {
      await database.close();
    }
  });

  dbOptions(
    storage
      .command('migrate')
      .description(
        "Copy the embedded store (DATA_DIR/blobs) into the S3 bucket of the S3_* settings, verifying every hash and setting each original's Object Lock; resumable, idempotent",
      )
      .requiredOption('--to <driver>', 'target driver (s3)'),
  ).action(async (o) => {
    if (o.to !== 's3') throw new StartupError('cli.migrate_target_unknown', { target: String(o.to) }, `--to ${o.to}: only s3`);
    const { buildRuntime } = await import('../composition/runtime.ts');
    const { migrateStoreToBucket } = await import('../kernel/storage-migration/migrateStore.ts');
    const { protectOriginal } = await import('../video-evidence/retention/protectOriginal.ts');
    const config = configFrom(o);
    if (!config.s3Bucket)
      throw new StartupError(
        'cli.migrate_bucket_missing',
        {},
        'Set S3_BUCKET (and S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) to the target bucket.',
      );
    const { deps, database } = await buildRuntime({ ...config, storage: 's3' });
    try {
      const started = performance.now();
      const r = await migrateStoreToBucket(deps, { protect: (sha) => protectOriginal(deps, sha), log: (l) => console.log(l) });
      for (const f of r.failed) console.log(`FAILED ${f.sha256}: ${f.problem}`);
      console.log(
        `${r.objects} objects: ${r.copied} copied, ${r.present} already in ${config.s3Bucket}, ${(r.bytes / 2 ** 20).toFixed(1)} MiB verified in ${((performance.now() - started) / 1000).toFixed(1)} s, ${r.failed.length} failed.`,
      );
      if (!r.failed.length)
        console.log('Set STORAGE=s3 on every instance; keep DATA_DIR/blobs until `baqylau storage scrub` passes on S3.');
      process.exitCode = r.failed.length ? 1 : 0;
    } finally {
      await database.close();
    }
  });
}
