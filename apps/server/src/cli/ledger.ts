import type { Command } from 'commander';
import { configFrom, dbOptions } from './options.ts';

export function registerLedgerCommands(program: Command) {
  const ledger = program.command('ledger').description('Tamper-evident ledger');
  dbOptions(ledger.command('verify').description('Verify every organisation chain (or one) and its signed checkpoints'))
    .option('--org <organisationId>', 'only this organisation')
    .action(async (o) => {
      const { buildRuntime } = await import('../composition/runtime.ts');
      const { organisationsWithLedger } = await import('../platform/ledger/ledger.repository.ts');
      const { checkOrganisation } = await import('../kernel/audit/audit.usecases.ts');
      const { deps, database } = await buildRuntime(configFrom(o));
      const t = deps.translator.forLocale(deps.config.language);
      try {
        const orgs = o.org ? [o.org as string] : (await organisationsWithLedger(deps.db)).map((x) => x.organisationId);
        let bad = 0;
        for (const org of orgs) {
          const started = performance.now();
          const r = await checkOrganisation(deps, org);
          const ms = Math.round(performance.now() - started);
          if (r.ok) console.log(`OK   ${org}  ${r.entries} entries, ${r.checkpoints} checkpoints (${ms} ms)`);
          else if (!r.chainOk) {
            bad++;
            const f = r.firstBad!;
            console.log(
              `FAIL ${org}  first bad entry: seq ${f.seq}${f.entryId ? ` (row id ${f.entryId})` : ''} — ${t(`common:fault.${f.fault}`)}`,
            );
          } else {
            bad++;
            for (const rec of r.records.filter((x) => !x.ok)) {
              console.log(
                `FAIL ${org}  ${rec.table}${rec.firstBad!.number === null ? '' : ` № ${rec.firstBad!.number}`} (${rec.firstBad!.entryId}): field ${rec.firstBad!.field} differs from the ledger`,
              );
            }
          }
        }
        process.exitCode = bad ? 1 : 0;
      } finally {
        await database.close();
      }
    });
}
