import { Option, type Command } from 'commander';
import { loadConfig, type Config } from '../config/config.ts';

/** Flags override the environment; both go through the one config declaration. */
export function configFrom(opts: { port?: string; dataDir?: string; databaseUrl?: string }): Config {
  const env = { ...process.env };
  if (opts.port) env.PORT = opts.port;
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  return loadConfig(env);
}

export const dbOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--data-dir <dir>', 'data folder (DATA_DIR)'))
    .addOption(new Option('--database-url <url>', 'PostgreSQL URL (DATABASE_URL)'));
