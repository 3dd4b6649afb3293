import type { Command } from 'commander';
import { Option } from 'commander';
import { ORG_ROLES, type OrgRole } from '@baqylau/contracts';
import { SYSTEM_ACTOR } from '../platform/ledger/ledger.types.ts';
import { AppError } from '../platform/errors.ts';
import { configFrom, dbOptions } from './options.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Manage user accounts');
  dbOptions(user.command('create').description('Create a user (the first platform administrator is made this way)'))
    .requiredOption('--login <login>')
    .requiredOption('--full-name <name>')
    .option('--email <email>')
    .option('--admin', 'platform administrator')
    .option('--org <organisationId>', 'first organisation')
    .addOption(new Option('--role <role>', 'role in that organisation').choices([...ORG_ROLES]))
    .option('--password-stdin', 'read the password from standard input (else BAQYLAU_PASSWORD)')
    .action(async (o) => {
      const password = o.passwordStdin ? await readStdin() : process.env.BAQYLAU_PASSWORD;
      if (!password) {
        console.error('Give the password on standard input with --password-stdin, or in BAQYLAU_PASSWORD.');
        process.exit(2);
      }
      const { buildRuntime } = await import('../composition/runtime.ts');
      const { createUser } = await import('../kernel/users/users.usecases.ts');
      const { deps, database } = await buildRuntime(configFrom(o));
      try {
        const u = await createUser(deps, SYSTEM_ACTOR, {
          login: o.login,
          fullName: o.fullName,
          email: o.email,
          password,
          isPlatformAdmin: Boolean(o.admin),
          organisationId: o.org,
          role: o.role as OrgRole | undefined,
        });
        console.log(`Created user ${u.login} (${u.id}).${o.admin ? ' They will set up a second factor at first sign-in.' : ''}`);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        console.error(`${e.code}: ${deps.translator.forLocale(deps.config.language)(`errors:${e.code}`, e.details ?? {})}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
