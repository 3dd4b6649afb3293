import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { configFrom } from './options.ts';

export function registerDemoCommand(program: Command) {
  program
    .command('demo')
    .description('Start a throwaway instance with demo organisations and accounts (see README)')
    .addOption(new Option('--port <port>', 'HTTP port (PORT)'))
    .addOption(new Option('--data-dir <dir>', 'keep the demo here instead of a temporary folder'))
    .action(async (o) => {
      const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-demo-'));
      const config = configFrom({ ...o, dataDir });
      if (config.databaseUrl) {
        console.error('The demo always runs on its own embedded database; unset DATABASE_URL.');
        process.exit(2);
      }
      const { buildRuntime } = await import('../composition/runtime.ts');
      const { seedDemo, seedDemoRecords } = await import('../composition/demo.ts');
      const { deps, database } = await buildRuntime(config);
      const fresh = !(await hasUsers(deps));
      if (fresh) {
        await seedDemoRecords(deps, await seedDemo(deps));
      }
      await database.close();
      const { startServer } = await import('../main.ts');
      await startServer(config);
      console.log(
        `\nDemo running at http://${config.host}:${config.port}/  (data: ${dataDir})\nLogins and TOTP secrets: README.md → "Demo".\n`,
      );
    });
}

async function hasUsers(deps: import('../platform/deps.ts').AppDeps) {
  const { listUsers } = await import('../kernel/users/users.repository.ts');
  return (await listUsers(deps.db)).length > 0;
}
