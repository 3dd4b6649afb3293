import path from 'node:path';
import type { Command } from 'commander';
import { configFrom, dbOptions } from './options.ts';

export function registerBackupCommands(program: Command) {
  dbOptions(
    program
      .command('backup <dir>')
      .description(
        'Back up the database, the evidence store and the signing key into DIR (only new objects are copied into an earlier backup)',
      ),
  ).action(async (dir: string, o) => {
    const { createBackup } = await import('../kernel/backup/createBackup.ts');
    const { describeCounts } = await import('../kernel/backup/backup.manifest.ts');
    await reportingBackupErrors(async () => {
      const config = configFrom(o);
      const started = performance.now();
      const { ruleSetRecords } = await import('../composition/rule-sets.ts');
      const r = await createBackup(config, dir, { log: console.log, records: ruleSetRecords() });
      const m = r.manifest;
      for (const u of m.unreadableObjects)
        console.log(
          `CRITICAL object ${u.sha256} ${u.problem}: ${u.earlierCopyKept ? 'the backup keeps its earlier intact copy' : 'not in the backup'} (run: baqylau storage scrub)`,
        );
      console.log(
        [
          `Backup written to ${path.resolve(dir)} in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
          `  database  ${m.database.file} (${m.engine} ${m.database.serverVersion}; ${m.database.dumpTool}); migrations: ${m.migrations.applied}, last ${m.migrations.last}`,
          `  objects   ${m.objects.length} (${r.copied} copied, ${r.present} already there, ${r.pruned} no longer needed removed)`,
          `  counts    ${describeCounts(m.counts)}`,
          `  keys      the instance signing key: protect this folder like the server itself.`,
        ].join('\n'),
      );
      process.exitCode = m.unreadableObjects.length ? 1 : 0;
    });
  });

  dbOptions(
    program
      .command('restore <dir>')
      .description('Restore a backup into an empty DATA_DIR (and database); verify every hash and the ledger'),
  )
    .option('--check', "only check the backup's hashes against backup.json; change nothing")
    .action(async (dir: string, o) => {
      const { restoreBackup } = await import('../kernel/backup/restoreBackup.ts');
      await reportingBackupErrors(async () => {
        const config = configFrom(o);
        const { ruleSetRecords } = await import('../composition/rule-sets.ts');
        const v = await restoreBackup(config, dir, { log: console.log, checkOnly: Boolean(o.check), records: ruleSetRecords() });
        if (!v) return;
        for (const p of v.problems) console.log(`FAIL ${p}`);
        if (v.problems.length) {
          console.log(
            `Restore did NOT verify: ${v.problems.length} problems. ${path.join(config.dataDir, 'RESTORE-INCOMPLETE')} lists them.`,
          );
          process.exitCode = 1;
        } else {
          console.log(
            `Restored into ${path.resolve(config.dataDir)}${config.databaseUrl ? ' and the PostgreSQL database' : ''}: ` +
              `${v.objects} objects and ${v.ledgerEntries} ledger entries in ${v.organisations} chains verified.`,
          );
        }
      });
    });
}

async function reportingBackupErrors(fn: () => Promise<void>) {
  const { BackupError } = await import('../kernel/backup/backup.manifest.ts');
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    console.error(e.message);
    process.exitCode = e.exitCode;
  }
}
