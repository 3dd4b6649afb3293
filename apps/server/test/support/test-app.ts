import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID, generateKeyPairSync } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openPostgres, type Database } from '../../src/db/database.ts';
import { wrapPglite } from '../../src/db/pglite.ts';
import type { AppDeps } from '../../src/platform/deps.ts';
import { createTranslator } from '../../src/platform/i18n/i18n.ts';
import { instanceKeyFrom } from '../../src/platform/keys/instance-key.ts';
import { openBlobStore } from '../../src/platform/storage/open-store.ts';
import { withDatabase } from './global-setup.ts';
import { ruleSetRecords } from '../../src/composition/rule-sets.ts';

export interface TestContext {
  deps: AppDeps;
  database: Database;
  app: FastifyInstance;
  /** Moves the clock used by use cases (TOTP windows, lockouts, appointments). */
  clock: { now: Date; advance(ms: number): void };
  /** Runs raw SQL as the database owner — how tests play a malicious DBA. */
  sql(query: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** The test database's URL on PostgreSQL (a second instance connects to it); undefined on PGlite. */
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A fresh database (PGlite clone, or a new PostgreSQL database from the template) and an in-process app. */
/** env: settings on top of the defaults (e.g. { MEDIA_OFFLOAD: 'x-accel' }). */
/** opts.log: takes the server's log lines (JSON, as production writes them), for tests of what the log says. */
export async function createTestContext(
  env: Record<string, string> = {},
  opts: { log?: { write(line: string): void } } = {},
): Promise<TestContext> {
  const templateUrl = inject('pgTemplateUrl');
  let database: Database;
  let dropDb: (() => Promise<void>) | undefined;
  let rawSql: TestContext['sql'];
  let databaseUrl: string | undefined;
  if (templateUrl) {
    const template = new URL(templateUrl).pathname.slice(1); // baqylau_tpl_<pid>
    const name = `${template.replace('_tpl_', '_t_')}_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const url = withDatabase(templateUrl, name);
    databaseUrl = url;
    database = await openPostgres(url, 5);
    const raw = new pg.Pool({ connectionString: url, max: 1 });
    rawSql = async (q, p) => raw.query(q, p as unknown[]);
    dropDb = async () => {
      await raw.end();
      const a = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
      await a.connect();
      // pg's pool.end() resolves before its sockets have closed; FORCE would then kill a backend whose
      // client no longer has an error listener (an uncaught 57P01). Wait for them to go first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await a.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    const dump = fs.readFileSync(inject('pgliteDump'));
    const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
    database = wrapPglite(client);
    rawSql = async (q, p) => client.query(q, p as unknown[]) as Promise<{ rows: Record<string, unknown>[] }>;
  }
  const clock = {
    now: new Date('2026-03-02T05:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-test-'));
  // env.DATA_DIR wins: a test may put the data folder on a file system of its own (a small tmpfs to fill).
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    instanceKey: instanceKeyFrom(generateKeyPairSync('ed25519').privateKey),
    store: await openBlobStore(config),
    translator: await createTranslator(),
    records: ruleSetRecords(),
    now: () => clock.now,
  };
  const app = await createApp(deps, { webDist: undefined, logger: opts.log ? { level: 'info', stream: opts.log } : false });
  await app.ready();
  return {
    deps,
    database,
    app,
    clock,
    sql: rawSql,
    databaseUrl,
    async close() {
      await app.close();
      await database.close();
      await dropDb?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
