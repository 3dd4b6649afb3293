import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { seedDemo, seedDemoRecords } from '../../src/composition/demo.ts';
import { buildRuntime } from '../../src/composition/runtime.ts';
import { productionControlRecords } from '../../src/production-control/production-control.records.ts';
import type { AppDeps } from '../../src/platform/deps.ts';
import { baqylau, openDiskInstance } from '../kernel/backup/disk-instance.ts';

const onPostgres = Boolean(inject('pgTemplateUrl'));

async function sha256Of(deps: AppDeps, sha256: string) {
  const h = createHash('sha256');
  for await (const chunk of await deps.store.get(sha256)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Every Order 315 table as a content hash of all its rows, and every photo and document the rows
 * name with the hash of the bytes the store gives back.
 */
async function productionControlState(dataDir: string) {
  const { deps, database } = await buildRuntime(loadConfig({ DATA_DIR: dataDir }));
  try {
    const rows = async <T>(q: ReturnType<typeof sql>) => ((await deps.db.execute(q)) as unknown as { rows: T[] }).rows;
    const tables = (
      await rows<{ t: string }>(
        sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'pc\\_%' ORDER BY 1`,
      )
    ).map((r) => r.t);
    const content: Record<string, string> = {};
    for (const t of tables) {
      const [r] = await rows<{ n: number; h: string | null }>(
        sql.raw(`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${t} x`),
      );
      content[t] = `${r!.n} ${r!.h}`;
    }
    // Every object the rule set's rows name: photos, signatures, investigation acts, signed plans, notice documents.
    const files = await productionControlRecords.liveObjects!(deps.db);
    const photos = await Promise.all(files.map(async (f) => `${f.sha256} ${await sha256Of(deps, f.sha256)}`));
    const [attachments] = await rows<{ n: number }>(sql`SELECT count(DISTINCT sha256)::int AS n FROM pc_attachments`);
    return { content, photos, attachments: attachments!.n };
  } finally {
    await database.close();
  }
}

describe.skipIf(onPostgres)('R315-24 Order 315 records and photos survive backup, wipe and restore', () => {
  let root: string;
  let dataDir: string;
  let before: Awaited<ReturnType<typeof productionControlState>>;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-pc-backup-'));
    dataDir = path.join(root, 'data');
    const ctx = await openDiskInstance(dataDir);
    try {
      await seedDemoRecords(ctx.deps, await seedDemo(ctx.deps), ['production-control']);
    } finally {
      await ctx.close();
    }
    before = await productionControlState(dataDir);
  }, 300_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('R315-24 backup → wipe DATA_DIR → restore: every pc_* table row for row, every photo with a matching hash', async () => {
    // The demo operator's whole cycle is there to lose: facilities to monthly reports, with photos.
    for (const t of [
      'pc_facilities',
      'pc_inspections',
      'pc_violations',
      'pc_instructions',
      'pc_attachments',
      'pc_journal_entries',
      'pc_monthly_reports',
      // Part 2: registers, CAPA, notices, the annual documents, records synced from the field.
      'pc_accidents',
      'pc_accident_investigations',
      'pc_training_records',
      'pc_technical_objects',
      'pc_technical_examinations',
      'pc_plan_versions',
      'pc_plan_measure_completions',
      'pc_capas',
      'pc_notices',
      'pc_notice_acknowledgements',
      'pc_annual_analyses',
      'pc_document_versions',
      'pc_offline_receipts',
      'pc_inspection_acknowledgements',
    ])
      expect(Number(before.content[t]!.split(' ')[0]), t).toBeGreaterThan(0);
    // More objects than the findings' photos: the registers' and the field's files are in the backup too.
    expect(before.photos.length).toBeGreaterThan(before.attachments);
    for (const p of before.photos) expect(p.split(' ')[0]).toBe(p.split(' ')[1]);

    const backupDir = path.join(root, 'backup');
    const b = await baqylau('backup', backupDir, '--data-dir', dataDir);
    expect(b.code, b.out).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const r = await baqylau('restore', backupDir, '--data-dir', dataDir);
    expect(r.code, r.out).toBe(0);

    const after = await productionControlState(dataDir);
    expect(after.content).toEqual(before.content);
    expect(after.photos).toEqual(before.photos);
  }, 300_000);
});
