import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { buildRuntime } from '../../../src/composition/runtime.ts';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../../src/platform/deps.ts';
import { checkOrganisation } from '../../../src/kernel/audit/audit.usecases.ts';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { objectRelPath, readManifest, writeManifest } from '../../../src/kernel/backup/backup.manifest.ts';
import { withDatabase } from '../../support/global-setup.ts';
import { baqylau, ingestClip, openDiskInstance, seedEvidence } from './disk-instance.ts';

const onPostgres = Boolean(inject('pgTemplateUrl'));

/** What a restored instance must show again: the recordings, their objects, the key, verified chains. */
async function snapshotOf(dataDir: string, databaseUrl?: string, first?: (deps: AppDeps) => Promise<void>) {
  const { deps, database } = await buildRuntime(loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }));
  try {
    await first?.(deps);
    const rows = async <T>(q: ReturnType<typeof sql>) => ((await deps.db.execute(q)) as unknown as { rows: T[] }).rows;
    const recordings = [];
    const chains = [];
    for (const { id } of await rows<{ id: string }>(sql`SELECT id FROM organisations`)) {
      recordings.push(...(await listRecordings(deps.db, id)).map((r) => `${r.originalName} ${r.sha256} ${r.state}`));
      chains.push((await checkOrganisation(deps, id)).ok);
    }
    const stored = await Promise.all(recordings.map((r) => deps.store.stat(r.split(' ')[1]!)));
    const restoredEntries = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'instance.restored'`,
    );
    const objects = (await deps.records.liveObjects(deps.db)).length;
    return {
      recordings: recordings.sort(),
      stored,
      objects,
      chains,
      fingerprint: deps.instanceKey.fingerprint,
      restored: restoredEntries[0]!.n,
    };
  } finally {
    await database.close();
  }
}

describe.skipIf(onPostgres)('R444-13 backup and restore of an embedded (PGlite) instance', () => {
  let root: string;
  let dataDir: string;
  let backupDir: string;
  let before: Awaited<ReturnType<typeof snapshotOf>>;
  let org: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-backup-'));
    dataDir = path.join(root, 'data');
    backupDir = path.join(root, 'backup');
    const ctx = await openDiskInstance(dataDir);
    try {
      org = (await seedEvidence(ctx, path.join(root, 'clips'))).org;
      // The server is "running": the embedded database is locked by this process.
      const r = await baqylau('backup', backupDir, '--data-dir', dataDir);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/is in use — is the Baqylau server running\?.*stop the server first/);
      expect(fs.existsSync(path.join(backupDir, 'backup.json'))).toBe(false);
    } finally {
      await ctx.close();
    }
    before = await snapshotOf(dataDir);
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('R444-13 drill: backup, wipe DATA_DIR, restore — every hash and every ledger chain verify, the recordings are back', async () => {
    expect(before.recordings).toHaveLength(2);
    const b = await baqylau('backup', backupDir, '--data-dir', dataDir);
    expect(b.out).toContain('Backup written to');
    expect(b.code).toBe(0);
    const m = readManifest(backupDir);
    expect(m).toMatchObject({ engine: 'pglite', counts: { recordings: 2, organisations: expect.any(Number) } });
    expect(m.migrations.applied).toBeGreaterThan(10);
    // Two originals and their thumbnail strips (identical strips are one object), in the store's layout, read-only.
    expect(before.objects).toBeGreaterThanOrEqual(3);
    expect(m.objects.length).toBe(before.objects);
    for (const o of m.objects) expect(fs.statSync(path.join(backupDir, objectRelPath(o.sha256))).mode & 0o222).toBe(0);
    expect(Object.keys(m.files).sort()).toEqual([m.database.file, 'keys/instance-ed25519.pem'].sort());

    // A third recording arrives; into the same folder again only its object is copied, and the dump is replaced.
    before = await snapshotOf(dataDir, undefined, (deps) => ingestClip(deps, org, path.join(root, 'clips'), 3, 14));
    const again = await baqylau('backup', backupDir, '--data-dir', dataDir);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`${before.objects} (1 copied, ${before.objects - 1} already there`);
    expect(fs.readdirSync(backupDir).filter((f) => f.startsWith('database-'))).toHaveLength(1);
    expect(readManifest(backupDir).counts.recordings).toBe(3);

    fs.rmSync(dataDir, { recursive: true, force: true });
    const r = await baqylau('restore', backupDir, '--data-dir', dataDir);
    expect(r.out).toContain('Backup whole');
    expect(r.out).toMatch(new RegExp(`Restored into .*: ${before.objects} objects and \\d+ ledger entries in \\d+ chains verified`));
    expect(r.code).toBe(0);

    const after = await snapshotOf(dataDir);
    expect(after.recordings).toEqual(before.recordings);
    expect(after.objects).toBe(before.objects);
    expect(after.stored.every((s) => s !== undefined)).toBe(true);
    expect(after.chains.every(Boolean)).toBe(true);
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(before.restored).toBe(0);
    expect(after.restored).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dataDir, 'RESTORE-INCOMPLETE'))).toBe(false);
  }, 120_000);

  it('R444-13 restore refuses a DATA_DIR that holds data, naming it, and changes nothing', async () => {
    const r = await baqylau('restore', backupDir, '--data-dir', dataDir);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${path.join(dataDir, 'pgdata')}: holds an embedded database`);
    expect(r.out).toContain(`${path.join(dataDir, 'blobs', 'objects')}: holds stored objects`);
    expect(fs.existsSync(path.join(dataDir, 'RESTORE-INCOMPLETE'))).toBe(false);
  }, 60_000);

  it('R444-13 a damaged object in the backup stops the restore before anything is written, naming the file', async () => {
    const damaged = path.join(root, 'damaged');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const m = readManifest(damaged);
    const victim = m.objects[0]!;
    const file = path.join(damaged, objectRelPath(victim.sha256));
    fs.chmodSync(file, 0o600);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(file, bytes);

    const check = await baqylau('restore', damaged, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain(`${objectRelPath(victim.sha256)}: content hashes to`);

    const target = path.join(root, 'target-damaged');
    const r = await baqylau('restore', damaged, '--data-dir', target);
    expect(r.code).toBe(1);
    expect(r.out).toContain('is damaged; nothing was restored');
    expect(r.out).toContain(`${objectRelPath(victim.sha256)}: content hashes to`);
    expect(fs.existsSync(target)).toBe(false);
  }, 60_000);

  it('R444-13 a backup rewritten consistently without one object restores but does not verify: exit 1 naming the recording, and the server will not start on it', async () => {
    const pruned = path.join(root, 'pruned');
    fs.cpSync(backupDir, pruned, { recursive: true });
    const m = readManifest(pruned);
    const original = before.recordings[0]!.split(' ');
    fs.rmSync(path.join(pruned, 'backup.json'));
    await writeManifest(pruned, { ...m, objects: m.objects.filter((o) => o.sha256 !== original[1]) });

    const target = path.join(root, 'target-pruned');
    const r = await baqylau('restore', pruned, '--data-dir', target);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAIL object ${original[1]} is missing — recording`);
    expect(r.out).toContain(`(${original[0]})`);
    expect(r.out).toContain('Restore did NOT verify');
    expect(fs.readFileSync(path.join(target, 'RESTORE-INCOMPLETE'), 'utf8')).toContain(original[1]);
    const serve = await baqylau('migrate', '--data-dir', target);
    expect(serve.code).toBe(2);
    // Coded and in the CLI's language (kk by default), naming the marker file.
    expect(serve.out).toMatch(/backup\.restore_unfinished: .*RESTORE-INCOMPLETE бар/);
  }, 60_000);
});

describe.skipIf(!onPostgres)('R444-13 backup and restore of a PostgreSQL instance', () => {
  it('R444-13 online backup, drop and recreate the database, wipe DATA_DIR, restore — everything verifies', async () => {
    const templateUrl = inject('pgTemplateUrl');
    const name = `${new URL(templateUrl).pathname.slice(1).replace('_tpl_', '_t_')}_backup`;
    const adminUrl = withDatabase(templateUrl, 'postgres');
    const url = withDatabase(templateUrl, name);
    const admin = async (q: string) => {
      const pg = await import('pg');
      const c = new pg.default.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(q).finally(() => c.end());
    };
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-backup-pg-'));
    const dataDir = path.join(root, 'data');
    const backupDir = path.join(root, 'backup');
    try {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name} TEMPLATE ${new URL(templateUrl).pathname.slice(1)}`);
      const ctx = await openDiskInstance(dataDir, url);
      try {
        await seedEvidence(ctx, path.join(root, 'clips'));
        // Online: the server keeps its connections open while pg_dump reads an exported snapshot.
        const b = await baqylau('backup', backupDir, '--data-dir', dataDir, '--database-url', url);
        expect(b.out).toContain('Backup written to');
        expect(b.code).toBe(0);
      } finally {
        await ctx.close();
      }
      const before = await snapshotOf(dataDir, url);
      expect(readManifest(backupDir)).toMatchObject({ engine: 'postgresql', counts: { recordings: 2 } });

      const refused = await baqylau('restore', backupDir, '--data-dir', path.join(root, 'other'), '--database-url', url);
      expect(refused.code).toBe(2);
      expect(refused.out).toMatch(/database postgres.*: \d+ tables/);

      await admin(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const r = await baqylau('restore', backupDir, '--data-dir', dataDir, '--database-url', url);
      expect(r.out).toMatch(new RegExp(`Restored into .* and the PostgreSQL database: ${before.objects} objects and \\d+ ledger entries`));
      expect(r.code).toBe(0);
      const after = await snapshotOf(dataDir, url);
      expect(after.recordings).toEqual(before.recordings);
      expect(after.chains.every(Boolean)).toBe(true);
      expect(after.fingerprint).toBe(before.fingerprint);
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
