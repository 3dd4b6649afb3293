import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../../../src/video-evidence/activities/activities.table.ts';
import { computeRetentionExpiry, retentionToday } from '../../../src/video-evidence/retention/computeRetentionExpiry.ts';
import { assignMissingRetention } from '../../../src/video-evidence/retention/assignMissingRetention.ts';
import { randomUUID } from 'node:crypto';
import { retentionOfRecording } from '../../../src/video-evidence/retention/retentionOfRecording.ts';
import { reviewRetention } from '../../../src/video-evidence/retention/reviewRetention.ts';
import { DEMO_USERS } from '../../../src/composition/demo.ts';
import { unusedTotp } from '../../support/world.ts';
import { createApiToken } from '../../../src/kernel/tokens/tokens.usecases.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import type { ApiClient } from '../../support/world.ts';
import { insertIngested, storeOldRecording } from './retention-fixtures.ts';
import { makeClip } from '../../support/clips.ts';
import { buildWorker } from '../../../src/composition/runtime.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
/** One closed journal entry per activity type, on recorder ВР-001. */
const entryOfType = new Map<string, string>();
let head: ApiClient;
let auditor: ApiClient;
let inspector: ApiClient;
let expired: Awaited<ReturnType<typeof storeOldRecording>>;
let held: Awaited<ReturnType<typeof storeOldRecording>>;
let fresh: Awaited<ReturnType<typeof storeOldRecording>>;
let soon: Awaited<ReturnType<typeof storeOldRecording>>;

const totpOf = async (login: string) => (DEMO_USERS.some((u) => u.login === login && u.totp) ? unusedTotp(ctx, login) : '123456');
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  head = await w.world.as('head');
  auditor = await w.world.as('auditor');
  inspector = await w.world.as('inspector1');
  for (const type of ACTIVITY_TYPES) {
    const a = await w.resp.post(w.api('/activities'), {
      type,
      referenceNumber: `№ ${type.length}-ТП/2026`,
      subjectBin: '051240004566',
      subjectName: '«Шахтинск Көмір» ЖШС',
      objectName: '«Шахтинская» шахтасы',
      objectAddress: 'Қарағанды облысы, Шахтинск қ., Индустриялық к-сі, 1',
      plannedStart: '2026-03-02T04:00:00Z',
      plannedEnd: '2026-03-02T12:00:00Z',
      inspectorIds: [w.world.userIds.get('inspector1')],
    });
    expect(a.statusCode, a.body).toBe(201);
    const e = await w.issue(w.resp, w.recorders[0]!, 'inspector1', { activityId: a.json().id });
    expect(e.statusCode, e.body).toBe(201);
    entryOfType.set(type, e.json().id);
    ctx.clock.advance(60_000);
    expect((await w.giveBack(w.resp, w.recorders[0]!)).statusCode).toBe(200);
    ctx.clock.advance(60_000);
  }
  const base = { organisationId: w.org, recorderId: w.recorders[0]!.id, journalEntryId: entryOfType.get('administrative_offence')! };
  expired = await storeOldRecording(ctx, { ...base, startedAt: at('2022-06-01T05:00:00Z'), name: '20220601_100000_0001.mp4' });
  held = await storeOldRecording(ctx, { ...base, startedAt: at('2022-06-01T06:00:00Z'), name: '20220601_110000_0002.mp4' });
  fresh = await storeOldRecording(ctx, { ...base, startedAt: at('2024-02-29T05:00:00Z'), name: '20240229_100000_0003.mp4' });
  // Kept through 20.03.2026: within 30 days of the test clock's 02.03.2026.
  soon = await storeOldRecording(ctx, { ...base, startedAt: at('2023-03-20T05:00:00Z'), name: '20230320_100000_0004.mp4' });
}, 120_000);

afterAll(() => ctx.close());

describe('R444-12 retention class and expiry', () => {
  it('R444-12 every activity type listed in point 12 keeps recordings 3 years; investigation is configurable and marked not covered', async () => {
    const capture = at('2024-02-29T05:00:00Z'); // 10:00 in Almaty on 29.02.2024
    for (const type of ACTIVITY_TYPES) {
      const r = await retentionOfRecording(ctx.deps.db, ctx.deps.config, entryOfType.get(type)!, capture);
      const covered = type !== 'investigation';
      const years = covered ? 3 : ctx.deps.config.investigationRetentionYears;
      expect(r, type).toEqual({
        retainUntil: computeRetentionExpiry(capture, years, 'Asia/Almaty'),
        retentionYears: years,
        retentionCoveredByPoint12: covered,
      });
      if (covered) expect(r.retainUntil, type).toBe('2027-02-28');
    }
  });

  it('R444-12 between midnight and 05:00 in Almaty the rule waits for the UTC date the database checks against', () => {
    expect(retentionToday(at('2026-03-01T20:00:00Z'), 'Asia/Almaty')).toBe('2026-03-01'); // 01:00 on 02.03 in Almaty
    expect(retentionToday(at('2026-03-02T06:00:00Z'), 'Asia/Almaty')).toBe('2026-03-02');
  });

  it('R444-12 investigation recordings attributed before retention existed get the configured years at start-up', async () => {
    // A row as it was before retention existed: attributed, no expiry.
    const startedAt = at('2023-05-10T05:00:00Z');
    const bare = {
      id: randomUUID(),
      organisationId: w.org,
      recorderId: w.recorders[0]!.id,
      sha256: 'a'.repeat(64),
      size: 1,
      originalName: '20230510_100000_0031.mp4',
      deviceStartedAt: startedAt,
      clockOffsetSeconds: 0,
      startedAt,
      ingestedAt: startedAt,
      uploadId: randomUUID(),
      journalEntryId: entryOfType.get('investigation')!,
    };
    await insertIngested(ctx, bare);
    expect(await assignMissingRetention(ctx.deps.db, { investigationRetentionYears: 5 })).toBe(1);
    const r = await ctx.sql(
      `SELECT to_char(retain_until, 'YYYY-MM-DD') AS d, retention_years AS y, retention_covered_by_point12 AS c FROM recordings WHERE id = $1`,
      [bare.id],
    );
    expect(r.rows[0]).toEqual({ d: '2028-05-10', y: 5, c: false });
    // The store's lock follows the new expiry through the same job the ingest queues (S3: COMPLIANCE retention).
    const queued = await ctx.sql(`SELECT payload FROM jobs WHERE kind = 'recording.protect' AND payload->>'sha256' = $1`, [bare.sha256]);
    expect(queued.rows).toEqual([{ payload: { sha256: bare.sha256 } }]);
    expect(await assignMissingRetention(ctx.deps.db, { investigationRetentionYears: 7 })).toBe(0); // set once
  });

  it('R444-12 29 February: kept through 28 February of the last year, due from 1 March; the capture date is the local one', () => {
    expect(computeRetentionExpiry(at('2024-02-29T05:00:00Z'), 3, 'Asia/Almaty')).toBe('2027-02-28');
    expect(computeRetentionExpiry(at('2024-02-29T05:00:00Z'), 4, 'Asia/Almaty')).toBe('2028-02-29'); // a leap year has the day
    // 23:30 UTC on 28.02 is already 29.02 in Almaty (UTC+5).
    expect(computeRetentionExpiry(at('2024-02-28T23:30:00Z'), 3, 'Asia/Almaty')).toBe('2027-02-28');
    expect(computeRetentionExpiry(at('2024-02-29T19:30:00Z'), 3, 'Asia/Almaty')).toBe('2027-03-01');
    expect(computeRetentionExpiry(at('2023-12-31T20:00:00Z'), 3, 'Asia/Almaty')).toBe('2027-01-01');
  });

  it('R444-12 the recording shows its class and expiry; the database refuses to change them', async () => {
    const r = await head.get(w.api(`/recordings/${fresh.id}`));
    expect(r.json().recording).toMatchObject({
      retainUntil: '2027-02-28',
      retentionYears: 3,
      retentionCoveredByPoint12: true,
      deletedAt: null,
    });
    await expect(ctx.sql(`UPDATE recordings SET retain_until = '2020-01-01' WHERE id = $1`, [fresh.id])).rejects.toThrow(/write-once/);
  });
});

describe('R444-12 legal hold', () => {
  it('R444-12 only the head places a hold, with a reason and a case reference', async () => {
    const body = { reason: 'Іс бойынша сотқа беріледі', reference: '№ 2-1187/2026' };
    for (const c of [w.resp, auditor, inspector]) expect((await c.post(w.api(`/recordings/${held.id}/holds`), body)).statusCode).toBe(403);
    const r = await head.post(w.api(`/recordings/${held.id}/holds`), body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ source: 'head', reference: '№ 2-1187/2026', liftedAt: null });
    const list = await auditor.get(w.api(`/recordings/${held.id}/holds`));
    expect(list.json()).toHaveLength(1);
  });

  it("issue 13 the holds of a recording that is not this organisation's are not found (404), not an empty list", async () => {
    const res = await auditor.get(w.api(`/recordings/${randomUUID()}/holds`));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('recording.not_found');
  });

  it('R444-12 the sweep lists only expired recordings without a hold; the head sees what falls due within 30 days', async () => {
    const due = await w.resp.get(w.api('/retention/due'));
    expect(due.json().map((r: { id: string }) => r.id)).toEqual([expired.id]);
    expect(due.json()[0]).toMatchObject({
      sha256: expired.sha256,
      retainUntil: '2025-06-01',
      held: false,
      activityType: 'administrative_offence',
    });
    const upcoming = await head.get(w.api('/retention/upcoming'));
    expect(upcoming.json().map((r: { id: string }) => r.id)).toEqual([soon.id]);
    expect(upcoming.json()[0]).toMatchObject({ retainUntil: '2026-03-20', held: false });
    expect((await head.get(w.api('/retention/upcoming?days=18'))).json()).toEqual([]);
  });

  it('R444-12 the daily job tells the head and the responsible person how many are due, and deletes nothing', async () => {
    expect(await reviewRetention(ctx.deps)).toBe(1);
    const n = await w.resp.get(w.api('/notifications'));
    const notice = (n.json() as { kind: string; payload: unknown }[]).find((x) => x.kind === 'retention.due');
    // The held one is not counted; the one kept through 20.03.2026 is upcoming.
    expect(notice?.payload).toEqual({ count: 1, upcoming: 1 });
    const rows = await ctx.sql(`SELECT count(*)::int AS n FROM recordings WHERE deleted_at IS NOT NULL`);
    expect(rows.rows[0]!.n).toBe(0);
  });
});

describe('R444-12 R444-6 deletion by the responsible person', () => {
  const del = async (c: ApiClient, ids: string[], login = 'responsible') =>
    c.post(w.api('/retention/deletions'), { recordingIds: ids, totpCode: await totpOf(login) });

  it('R444-12 deletion before expiry is refused for every role and through every route; nothing changes', async () => {
    const early = await del(w.resp, [soon.id]);
    expect(early.json().error.code).toBe('retention.not_expired');
    const r = await del(w.resp, [fresh.id]);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('retention.not_expired');
    expect(r.json().error.message).toContain('2027-02-28');
    for (const login of ['head', 'auditor', 'inspector1'] as const) {
      const c = login === 'head' ? head : login === 'auditor' ? auditor : inspector;
      expect((await del(c, [fresh.id], login)).statusCode, login).toBe(403);
    }
    const admin = await w.world.as('admin');
    expect((await del(admin, [fresh.id], 'admin')).statusCode).toBe(403);
    const foreign = await w.world.as('operator');
    expect((await del(foreign, [fresh.id], 'operator')).statusCode).toBe(403);
    const { secret } = await createApiToken(ctx.deps, { kind: 'user', id: w.world.userIds.get('responsible')! }, w.org, 'док');
    const byToken = await ctx.app.inject({
      method: 'POST',
      url: w.api('/retention/deletions'),
      headers: { authorization: `Bearer ${secret}` },
      payload: { recordingIds: [fresh.id], totpCode: '000000' },
    });
    expect(byToken.statusCode).toBe(403);
    // A batch with one unexpired recording is refused whole.
    const mixed = await del(w.resp, [expired.id, fresh.id]);
    expect(mixed.json().error.code).toBe('retention.not_expired');
    // No API route removes recordings any other way.
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const removers = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => m === 'delete')
        .map(() => p),
    );
    expect(removers.filter((p) => /recording|retention|hold/.test(p))).toEqual([]);
    const rows = await ctx.sql(`SELECT count(*)::int AS n FROM recordings WHERE deleted_at IS NOT NULL`);
    expect(rows.rows[0]!.n).toBe(0);
    expect(await ctx.deps.store.stat(fresh.sha256)).toBeDefined();
  });

  it('R444-12 not even a direct database session (what any CLI command would use) can delete early or under hold', async () => {
    await expect(ctx.sql(`DELETE FROM recordings WHERE id = $1`, [expired.id])).rejects.toThrow(/retention process/);
    await expect(ctx.sql(`UPDATE recordings SET deleted_at = now() WHERE id = $1`, [expired.id])).rejects.toThrow(/retention process/);
    // The retention process's own flag, set for this one statement (its implicit transaction).
    const flagged = (id: string) =>
      ctx.sql(
        `WITH flag AS (SELECT set_config('baqylau.retention', 'on', true) AS v)
         UPDATE recordings SET deleted_at = now() FROM flag WHERE id = $1 AND flag.v = 'on'`,
        [id],
      );
    await expect(flagged(fresh.id)).rejects.toThrow(/has not expired/);
    await expect(flagged(held.id)).rejects.toThrow(/legal hold/);
    await expect(ctx.sql(`DELETE FROM legal_holds`)).rejects.toThrow(/never deleted/);
    const { stdout } = await run('node', [BIN, '--help']);
    const commands = stdout
      .split('\n')
      .filter((l) => /^\s{2}\S/.test(l))
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.filter((c) => /delete|purge|remove|retention/i.test(c!))).toEqual([]);
  });

  it('R444-12 a held recording survives: the batch is refused naming it and the case', async () => {
    const r = await del(w.resp, [held.id]);
    expect(r.json().error.code).toBe('retention.under_hold');
    expect(r.json().error.message).toContain('№ 2-1187/2026');
  });

  it('R444-6 a wrong second factor deletes nothing', async () => {
    const r = await w.resp.post(w.api('/retention/deletions'), { recordingIds: [expired.id], totpCode: '000000' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('auth.totp_invalid');
    expect(await ctx.deps.store.stat(expired.sha256)).toBeDefined();
  });

  it('R444-12 deletion removes the object, keeps the tombstone, writes the ledger and an act that lists the hash', async () => {
    const r = await del(w.resp, [expired.id]);
    expect(r.statusCode, r.body).toBe(200);
    const act = r.json();
    expect(act).toMatchObject({ number: '2026-001', recordingCount: 1, totalBytes: expired.size });
    expect(await ctx.deps.store.stat(expired.sha256)).toBeUndefined();
    expect(await ctx.deps.store.stat(fresh.sha256)).toBeDefined();
    const tomb = (await head.get(w.api(`/recordings/${expired.id}`))).json().recording;
    expect(tomb).toMatchObject({ sha256: expired.sha256, size: expired.size, retainUntil: '2025-06-01' });
    expect(tomb.deletedAt).not.toBeNull();
    await head.post(w.api('/access-purposes'), { purpose: 'activity_review', note: '' });
    const media = await head.get(w.api(`/recordings/${expired.id}/media`));
    expect(media.json().error.code).toBe('retention.already_deleted');
    const ledger = await head.get(w.api('/ledger?action=recording.deleted'));
    expect(JSON.stringify(ledger.json())).toContain(expired.sha256);
    for (const lang of ['kk', 'ru'] as const) {
      const pdf = await auditor.get(w.api(`/retention/acts/${act.id}/pdf?lang=${lang}`));
      expect(pdf.statusCode).toBe(200);
      const { text } = await pdfText(pdf.rawPayload);
      expect(text.replace(/\s+/g, '')).toContain(expired.sha256);
      expect(text).toContain(lang === 'kk' ? 'АКТ' : 'об удалении');
      expect(text).toContain('2026-001');
    }
    expect((await del(w.resp, [expired.id])).json().error.code).toBe('retention.already_deleted');
    const verify = await head.post(w.api('/ledger/verify'));
    expect(verify.json().ok).toBe(true);
  });

  it('R444-12 a recording sent to court is held by its package; once released and deleted, its excerpt goes with it', async () => {
    const clip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-ret-')), 'clip.mp4');
    makeClip(clip, at('2022-07-01T05:00:00Z'), 6);
    const sent = await storeOldRecording(ctx, {
      organisationId: w.org,
      recorderId: w.recorders[0]!.id,
      journalEntryId: entryOfType.get('administrative_offence')!,
      startedAt: at('2022-07-01T05:00:00Z'),
      name: '20220701_100000_0009.mp4',
      file: clip,
    });
    const pkg = await w.resp.post(w.api('/packages'), {
      recipientKind: 'court',
      recipientName: 'Қарағанды қаласының мамандандырылған әкімшілік соты',
      caseNumber: '№ 3512-22-00-3/88',
      purpose: 'Соттың сұрауы бойынша',
      recordings: [{ recordingId: sent.id, excerpt: { fromSeconds: 1, toSeconds: 4 } }],
    });
    expect(pkg.statusCode, pkg.body).toBe(201);
    await buildWorker(ctx.deps).worker.drain(() => ctx.clock.now);
    const detail = (await w.resp.get(w.api(`/packages/${pkg.json().id}`))).json();
    expect(detail.state).toBe('ready');
    const manifest = await ctx.sql(`SELECT manifest_sha256 AS m FROM evidence_packages WHERE id = $1`, [pkg.json().id]);
    const chunks: Buffer[] = [];
    for await (const c of await ctx.deps.store.get(manifest.rows[0]!.m as string)) chunks.push(c as Buffer);
    const excerpt = (JSON.parse(Buffer.concat(chunks).toString()) as { files: { kind: string; sha256: string }[] }).files.find(
      (f) => f.kind === 'excerpt',
    )!;
    expect(await ctx.deps.store.stat(excerpt.sha256)).toBeDefined();
    // The package's hold keeps the expired recording out of the sweep.
    expect((await del(w.resp, [sent.id])).json().error.code).toBe('retention.under_hold');
    const [hold] = (await head.get(w.api(`/recordings/${sent.id}/holds`))).json();
    expect(hold).toMatchObject({ source: 'package', reference: '№ 3512-22-00-3/88' });
    expect((await head.post(w.api(`/holds/${hold.id}/lift`), { reason: 'Сот шешімі заңды күшіне енді' })).statusCode).toBe(200);
    expect((await del(w.resp, [sent.id])).statusCode).toBe(200);
    expect(await ctx.deps.store.stat(sent.sha256)).toBeUndefined();
    expect(await ctx.deps.store.stat(excerpt.sha256)).toBeUndefined();
    // The package can no longer be handed out, and the tombstone takes no new hold.
    const link = await w.resp.post(w.api(`/packages/${pkg.json().id}/links`));
    const zip = await w.resp.get(link.json().downloadUrl);
    expect(zip.statusCode).toBe(409);
    expect(zip.json().error.code).toBe('retention.already_deleted');
    const again = await head.post(w.api(`/recordings/${sent.id}/holds`), { reason: 'Жаңа іс бойынша', reference: '№ 2-1/2026' });
    expect(again.json().error.code).toBe('retention.already_deleted');
    await expect(
      ctx.sql(
        `INSERT INTO legal_holds (id, organisation_id, recording_id, source, reason, reference, placed_by, placed_at)
         VALUES (gen_random_uuid(), $1, $2, 'head', 'тікелей', '№ 1', $3, now())`,
        [w.org, sent.id, w.world.userIds.get('head')],
      ),
    ).rejects.toThrow(/deleted/);
  }, 120_000);

  it('R444-12 once the head lifts the hold with a reason, the recording falls due and can be deleted', async () => {
    const [hold] = (await head.get(w.api(`/recordings/${held.id}/holds`))).json();
    expect((await w.resp.post(w.api(`/holds/${hold.id}/lift`), { reason: 'Іс аяқталды' })).statusCode).toBe(403);
    expect((await head.post(w.api(`/holds/${hold.id}/lift`), { reason: 'Сот шешімі заңды күшіне енді' })).statusCode).toBe(200);
    expect((await head.post(w.api(`/holds/${hold.id}/lift`), { reason: 'қайта' })).json().error.code).toBe('hold.already_lifted');
    expect((await w.resp.get(w.api('/retention/due'))).json().map((r: { id: string }) => r.id)).toEqual([held.id]);
    const r = await del(w.resp, [held.id]);
    expect(r.json().number).toBe('2026-003');
  });
});
