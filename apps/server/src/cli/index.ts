import { Command, Option } from 'commander';
import type { Locale } from '@baqylau/contracts';
import { cliLanguage, describeSettings } from '../config/config.ts';
import { StartupError } from '../platform/errors.ts';
import { createTranslator } from '../platform/i18n/i18n.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { registerDemoCommand } from './demo.ts';
import { registerLedgerCommands } from './ledger.ts';
import { registerUserCommands } from './user.ts';
import { registerTotpCommand } from './totp.ts';
import { registerDockCommand } from './dock.ts';
import { registerStorageCommands } from './storage.ts';
import { registerVerifyCommand } from './verify.ts';
import { registerBackupCommands } from './backup.ts';
import { registerNginxCommand } from './nginx.ts';
import { configFrom, dbOptions } from './options.ts';

export async function runCli(argv: string[]) {
  const program = new Command('baqylau').description('Baqylau — inspection and supervision records').showHelpAfterError();

  dbOptions(program.command('serve').description('Start the web server and job worker'))
    .addOption(new Option('--port <port>', 'HTTP port (PORT)'))
    .action(async (o) => {
      const { startServer } = await import('../main.ts');
      await startServer(configFrom(o));
    });

  dbOptions(program.command('migrate').description('Apply database migrations and exit')).action(async (o) => {
    const { buildRuntime } = await import('../composition/runtime.ts');
    const { database } = await buildRuntime(configFrom(o));
    await database.close();
    console.log('Migrations applied.');
  });

  program
    .command('config')
    .description('List every setting with its default')
    .action(() => console.log(`| variable | default | meaning |\n|---|---|---|\n${describeSettings()}`));

  registerUserCommands(program);
  registerLedgerCommands(program);
  registerDemoCommand(program);
  registerTotpCommand(program);
  registerDockCommand(program);
  registerStorageCommands(program);
  registerVerifyCommand(program);
  registerBackupCommands(program);
  registerNginxCommand(program);

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof StartupError) {
      console.error(await startupMessage(e, cliLanguage()));
      process.exit(2);
    }
    if (e instanceof DataDirInUseError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

/** `<code>: <text in BAQYLAU_LANG>`: the code for a search or a support request, the text for the reader. */
export async function startupMessage(e: StartupError, language: Locale) {
  const t = (await createTranslator()).forLocale(language);
  const rule = e.details.rule ? t(`common:startup.rule.${e.details.rule}`, e.details) : '';
  return `${e.code}: ${t(`common:startup.${e.code}`, { ...e.details, rule })}`;
}
