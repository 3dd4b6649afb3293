import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { openPglite, openPostgres, type Database } from '../../../src/db/database.ts';
import type { AppDeps } from '../../../src/platform/deps.ts';
import { createTranslator } from '../../../src/platform/i18n/i18n.ts';
import { loadOrCreateInstanceKey } from '../../../src/platform/keys/instance-key.ts';
import { signAllCheckpoints } from '../../../src/platform/ledger/checkpoints.ts';
import { SYSTEM_ACTOR } from '../../../src/platform/ledger/ledger.types.ts';
import { buildWorker } from '../../../src/composition/runtime.ts';
import { createFsBlobStore } from '../../../src/platform/storage/fs-store.ts';
import { ingestRecording } from '../../../src/video-evidence/recordings/ingestRecording.ts';
import type { TestContext } from '../../support/test-app.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { makeClip, sha256Of } from '../../support/clips.ts';
import { ruleSetRecords } from '../../../src/composition/rule-sets.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');

/** Runs the real CLI in its own process, with only the flags given (no DATA_DIR / DATABASE_URL from the environment). */
export function baqylau(...args: string[]) {
  const env = { ...process.env };
  delete env.DATA_DIR;
  delete env.DATABASE_URL;
  return promisify(execFile)('node', [BIN, ...args], { env }).then(
    (r) => ({ code: 0, out: `${r.stdout}${r.stderr}` }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );
}

/**
 * A server's state on disk, as `baqylau serve` keeps it: PGlite in
 * DATA_DIR/pgdata (from the migrated template) or the given PostgreSQL
 * database, objects in DATA_DIR/blobs, the signing key in DATA_DIR/keys.
 */
export async function openDiskInstance(dataDir: string, databaseUrl?: string): Promise<TestContext> {
  let database: Database;
  if (databaseUrl) database = await openPostgres(databaseUrl, 5);
  else database = await openPglite(path.join(dataDir, 'pgdata'), new Blob([fs.readFileSync(inject('pgliteDump'))]));
  await database.migrate();
  const clock = {
    now: new Date('2026-03-02T05:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config: loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
    instanceKey: loadOrCreateInstanceKey(dataDir),
    store: createFsBlobStore(path.join(dataDir, 'blobs')),
    translator: await createTranslator(),
    records: ruleSetRecords(),
    now: () => clock.now,
  };
  const app = await createApp(deps, { webDist: undefined });
  await app.ready();
  const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 1 }) : undefined;
  return {
    deps,
    database,
    app,
    clock,
    sql: async (q, p) => (pool ? pool.query(q, p as unknown[]) : database.pglite!.query(q, p as unknown[])) as never,
    async close() {
      await app.close();
      await pool?.end();
      await database.close();
    },
  };
}

/** Ingests one real clip for recorder ВР-001 the way a finished upload is: staged, committed, recorded. */
export async function ingestClip(deps: AppDeps, organisationId: string, clipsDir: string, i: number, minute: number) {
  fs.mkdirSync(clipsDir, { recursive: true });
  const name = `20260302_10${minute}00_000${i}.mp4`;
  const file = path.join(clipsDir, name);
  makeClip(file, new Date(Date.parse('2026-03-02T05:00:00Z') + minute * 60_000), 2);
  const staged = path.join(deps.store.stagingDir, `upload-${i}`);
  fs.copyFileSync(file, staged);
  await ingestRecording(deps, SYSTEM_ACTOR, {
    organisationId,
    uploadId: `upload-${i}`,
    stagedPath: staged,
    size: fs.statSync(file).size,
    sha256: sha256Of(file),
    inventoryNumber: 'ВР-001',
    originalName: name,
    deviceModifiedAt: fs.statSync(file).mtime,
  });
  fs.rmSync(staged);
}

/** The demo subdivision with two real clips ingested for one issue, their thumbnails made, and the chains signed. */
export async function seedEvidence(ctx: TestContext, clipsDir: string) {
  const w = await seedJournalWorld(ctx);
  const issued = await w.issue(w.resp, w.recorders[0]!, 'inspector1');
  if (issued.statusCode >= 300) throw new Error(issued.body);
  await ingestClip(ctx.deps, w.org, clipsDir, 1, 10);
  await ingestClip(ctx.deps, w.org, clipsDir, 2, 12);
  await buildWorker(ctx.deps).worker.drain(() => ctx.clock.now); // thumbnails: derivative objects
  await signAllCheckpoints(ctx.deps.db, ctx.deps.instanceKey, ctx.clock.now);
  return w;
}
