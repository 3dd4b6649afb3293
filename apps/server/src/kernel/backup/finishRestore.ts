import path from 'node:path';
import type { Config } from '../../config/config.ts';
import type { Database } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RuleSetRecords } from '../../platform/records.ts';
import { createTranslator } from '../../platform/i18n/i18n.ts';
import { loadOrCreateInstanceKey } from '../../platform/keys/instance-key.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { organisationsWithLedger } from '../../platform/ledger/ledger.repository.ts';
import { SYSTEM_ACTOR } from '../../platform/ledger/ledger.types.ts';
import { createFsBlobStore } from '../../platform/storage/fs-store.ts';
import type { BackupManifest } from './backup.manifest.ts';
import { clearRestoreMarker, writeRestoreMarker } from './restore-marker.ts';
import { verifyRestored } from './verifyRestored.ts';

/**
 * Verifies the restored instance. When everything holds, each chain records
 * that it was restored from this backup (the chain of custody shows it) and
 * the restore marker goes; otherwise the marker lists what failed.
 */
export async function finishRestore(
  config: Config,
  database: Database,
  m: BackupManifest,
  manifestSha256: string,
  log: (line: string) => void,
  records: RuleSetRecords,
) {
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    instanceKey: loadOrCreateInstanceKey(config.dataDir), // restored just before: loaded, not created
    store: createFsBlobStore(path.join(config.dataDir, 'blobs')),
    translator: await createTranslator(),
    records,
    now: () => new Date(),
  };
  const v = await verifyRestored(deps, m, log);
  if (v.problems.length) {
    writeRestoreMarker(config.dataDir, `Restore of the backup of ${m.createdAt} did not verify:\n${v.problems.join('\n')}`);
    return v;
  }
  await deps.db.transaction(async (tx) => {
    for (const { organisationId } of await organisationsWithLedger(tx)) {
      await appendLedgerEntry(
        tx,
        {
          organisationId,
          actor: SYSTEM_ACTOR,
          action: 'instance.restored',
          subjectType: 'instance',
          subjectId: null,
          payload: {
            backupCreatedAt: m.createdAt,
            manifestSha256,
            objects: m.objects.length,
            keyFingerprint: deps.instanceKey.fingerprint,
          },
        },
        deps.now(),
      );
    }
  });
  clearRestoreMarker(config.dataDir);
  return v;
}
