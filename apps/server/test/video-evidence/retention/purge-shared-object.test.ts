import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordings } from '../../../src/video-evidence/recordings/recordings.table.ts';
import { unusedTotp } from '../../support/world.ts';
import { withObjectLock } from '../../../src/platform/storage/object-lock.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { storeOldRecording } from './retention-fixtures.ts';

// Content-addressed objects are shared: the same bytes uploaded again find their object in place. The purge
// after a deletion act must not remove an object such an upload has just found, even when the two interleave.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let entryId: string;
let clip: string;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  const e = await w.issue(w.resp, w.recorders[0]!);
  expect(e.statusCode, e.body).toBe(201);
  entryId = e.json().id;
  ctx.clock.advance(60_000);
  expect((await w.giveBack(w.resp, w.recorders[0]!)).statusCode).toBe(200);
  clip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-purge-')), 'clip.mp4');
  fs.writeFileSync(clip, `ВР-001 бейнежазбасы ${Date.now()}`);
}, 120_000);

afterAll(() => ctx.close());

const deleteAs = async (ids: string[]) =>
  w.resp.post(w.api('/retention/deletions'), { recordingIds: ids, totpCode: await unusedTotp(ctx, 'responsible') });

async function until(what: string, ok: () => Promise<boolean>) {
  for (const deadline = Date.now() + 20_000; !(await ok()); await new Promise((r) => setTimeout(r, 20)))
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
}

describe('R444-12 R444-13 the purge and an upload of the same bytes', () => {
  it('R444-12 R444-13 an upload that finds the object in place while the purge decides keeps it; the purge waits for its row', async () => {
    const base = { organisationId: w.org, recorderId: w.recorders[0]!.id, journalEntryId: entryId, file: clip };
    const old = await storeOldRecording(ctx, { ...base, startedAt: new Date('2022-06-01T05:00:00Z'), name: '20220601_100000_0001.mp4' });

    let again: Awaited<ReturnType<typeof storeOldRecording>> | undefined;
    let deletion: Awaited<ReturnType<typeof deleteAs>> | undefined;
    // What the ingest does under the object's lock: the link finds the object in place, then the row is written.
    await withObjectLock(ctx.deps, old.sha256, async () => {
      const request = deleteAs([old.id]).then((r) => (deletion = r));
      // The act is committed and the purge has had time to get to the object; it must wait for the lock.
      await until('the deletion act', async () => {
        const [row] = await ctx.deps.db.select({ deletedAt: recordings.deletedAt }).from(recordings).where(eq(recordings.id, old.id));
        return row?.deletedAt != null;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(deletion, 'the purge did not wait for the object lock').toBeUndefined();
      expect(await ctx.deps.store.stat(old.sha256)).toBeDefined();
      again = await storeOldRecording(ctx, { ...base, startedAt: new Date('2026-03-02T05:00:00Z'), name: '20260302_100000_0007.mp4' });
      void request;
    });
    await until('the deletion answer', async () => deletion !== undefined);
    expect(deletion!.statusCode, deletion!.body).toBe(200);
    expect(again!.sha256).toBe(old.sha256);
    // The deleted recording keeps its tombstone; the new one still has its bytes.
    expect(await ctx.deps.store.stat(old.sha256)).toMatchObject({ size: fs.statSync(clip).size });
    const stored = await ctx.deps.store.get(again!.sha256);
    const chunks: Buffer[] = [];
    for await (const c of stored) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(fs.readFileSync(clip))).toBe(true);
  });

  it('R444-12 once no live row refers to the object, the purge removes it', async () => {
    const other = await storeOldRecording(ctx, {
      organisationId: w.org,
      recorderId: w.recorders[0]!.id,
      journalEntryId: entryId,
      startedAt: new Date('2022-07-01T05:00:00Z'),
      name: '20220701_100000_0002.mp4',
    });
    const r = await deleteAs([other.id]);
    expect(r.statusCode, r.body).toBe(200);
    expect(await ctx.deps.store.stat(other.sha256)).toBeUndefined();
  });
});

describe('R444-12 R335-3 objects other rule sets keep', () => {
  it('R444-12 R335-3 a recording deleted under Order 444 keeps its bytes while a clinic holds the same bytes as a clip it handed over', async () => {
    const same = await storeOldRecording(ctx, {
      organisationId: w.org,
      recorderId: w.recorders[0]!.id,
      journalEntryId: entryId,
      startedAt: new Date('2022-08-01T05:00:00Z'),
      name: '20220801_100000_0003.mp4',
    });
    // A DSM-335 application of another organisation whose handed-over clip has the same content address.
    const clinic = (await ctx.sql(`SELECT id FROM organisations WHERE type = 'medical_organisation' LIMIT 1`)).rows[0]!.id as string;
    const user = (await ctx.sql(`SELECT id FROM users LIMIT 1`)).rows[0]!.id as string;
    const requestId = '00000000-0000-4000-8000-00000000c335';
    await ctx.sql(
      `INSERT INTO cctv_access_requests (id, organisation_id, number, received_on, applicant_name, applicant_iin, relationship, patient_name,
         patient_iin, date_of_death, period_from, period_to, place_ids, state, hold_instruction, created_at)
       VALUES ($1, $2, '2026-99', '2026-03-01', 'А', '820315402511', 'spouse', 'Б', '551108301219', '2026-02-25', now(), now(), '{}', 'provided', 'keep', now())`,
      [requestId, clinic],
    );
    await ctx.sql(
      `INSERT INTO cctv_request_files (id, request_id, kind, file_name, mime, sha256, size, seq, uploaded_by, uploaded_at)
       VALUES ('00000000-0000-4000-8000-00000000f335', $1, 'clip', 'clip.mp4', 'video/mp4', $2, $3, 1, $4, now())`,
      [requestId, same.sha256, (await ctx.deps.store.stat(same.sha256))!.size, user],
    );
    const before = await ctx.deps.store.stat(same.sha256);
    const r = await deleteAs([same.id]);
    expect(r.statusCode, r.body).toBe(200);
    expect(before).toBeDefined();
    expect(await ctx.deps.store.stat(same.sha256)).toMatchObject({ size: before!.size });
  });
});

describe('R444-13 object locks', () => {
  it('R444-13 serialise work on one address and leave other addresses free', async () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = withObjectLock(ctx.deps, a, async () => {
      order.push('a1 in');
      await new Promise<void>((r) => (releaseFirst = r));
      order.push('a1 out');
    });
    await until('the first holder', async () => order.length === 1);
    const second = withObjectLock(ctx.deps, a, async () => void order.push('a2'));
    await withObjectLock(ctx.deps, b, async () => void order.push('b'));
    expect(order).toEqual(['a1 in', 'b']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['a1 in', 'b', 'a1 out', 'a2']);
    // A failing holder releases the lock too.
    await expect(withObjectLock(ctx.deps, a, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await withObjectLock(ctx.deps, a, async () => void order.push('a3'));
    expect(order.at(-1)).toBe('a3');
  });

  it('R444-13 many holders at once (uploads finishing together) finish on a small connection pool', async () => {
    // More holders than the test's pool has connections (5 on PostgreSQL): each must write through the handle it
    // is given, so that a holder never waits for a second connection while keeping its first.
    const holders = Array.from({ length: 12 }, (_, i) =>
      withObjectLock(ctx.deps, i.toString(16).padStart(64, 'c'), async (db) => {
        await db.execute(sql`SELECT 1`);
        return db.transaction(async (tx) => (await tx.execute(sql`SELECT ${i}::int AS "n"`)) as unknown as { rows: { n: number }[] });
      }),
    );
    const answers = await Promise.all(holders);
    expect(answers.map((r) => r.rows[0]!.n)).toEqual([...Array(12).keys()]);
  });
});
