import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { makeClip, sha256Of } from '../../support/clips.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let watch: string;
let token: string;
let server: string;
let entryId: string;

const agent = (...extra: string[]) =>
  run('node', [BIN, 'dock', '--server', server, '--token', token, '--watch', watch, '--once', ...extra]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id;
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Қабылдау бөлмесіндегі док-станция' })).json().secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });

  watch = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-dock-'));
  const device = path.join(watch, 'usb-1');
  fs.mkdirSync(path.join(device, 'DCIM'), { recursive: true });
  // The device reports its clock 2 s ahead of the server at docking.
  fs.writeFileSync(
    path.join(device, 'baqylau-recorder.json'),
    JSON.stringify({ inventoryNumber: 'ВР-001', deviceTime: new Date(ctx.clock.now.getTime() + 2000).toISOString() }),
  );
  const t = (min: number, sec = 0) => new Date(Date.parse('2026-03-02T05:00:00Z') + (min * 60 + sec) * 1000);
  makeClip(path.join(device, 'DCIM', '20260302_101000_0001.mp4'), t(10, 2));
  makeClip(path.join(device, 'DCIM', '20260302_101005_0002.mp4'), t(10, 7));
  // File 0003 is missing, and 5 minutes pass without recording.
  makeClip(path.join(device, 'DCIM', '20260302_101510_0004.mp4'), t(15, 12));
  makeClip(path.join(watch, 'broken.mp4'), t(16));
  const whole = fs.readFileSync(path.join(watch, 'broken.mp4'));
  fs.writeFileSync(path.join(device, 'DCIM', '20260302_101600_0005.mp4'), whole.subarray(0, Math.floor(whole.length / 3)));
  fs.utimesSync(path.join(device, 'DCIM', '20260302_101600_0005.mp4'), t(16, 30), t(16, 30));
  fs.rmSync(path.join(watch, 'broken.mp4'));
}, 120_000);

afterAll(async () => {
  await ctx.close();
  fs.rmSync(watch, { recursive: true, force: true });
});

describe('R444-11 R444-13 docked recordings reach the write-once store by themselves', () => {
  it('the agent uploads every clip, the server hashes while streaming and the hashes match', async () => {
    const files = fs.readdirSync(path.join(watch, 'usb-1', 'DCIM')).map((n) => path.join(watch, 'usb-1', 'DCIM', n));
    const r = await agent();
    expect(r.out).toContain('ВР-001: docked, clock offset 2 s');
    expect(r.code).toBe(0);
    const recs = await listRecordings(ctx.deps.db, w.org);
    expect(recs).toHaveLength(4);
    const bySha = new Map(recs.map((x) => [x.sha256, x]));
    for (const f of files) expect(bySha.get(sha256Of(f))?.originalName).toBe(path.basename(f));
    for (const x of recs) {
      const stored = ctx.deps.store;
      expect((await stored.stat(x.sha256))?.size).toBe(x.size);
    }
  });

  it('R444-5 each recording is attached to the issue entry by its corrected capture time, never typed', async () => {
    const recs = (await listRecordings(ctx.deps.db, w.org)).sort((a, b) => a.originalName.localeCompare(b.originalName));
    expect(recs.map((x) => x.fileSequence)).toEqual([1, 2, 4, 5]);
    // The truncated file 5 has no capture time, so it is attached to nothing by itself (issue 19).
    expect(recs.map((x) => x.journalEntryId)).toEqual([entryId, entryId, entryId, null]);
    const first = recs[0]!;
    expect(first.clockOffsetSeconds).toBe(2);
    expect(first.deviceStartedAt?.toISOString()).toBe('2026-03-02T05:10:02.000Z');
    expect(first.startedAt?.toISOString()).toBe('2026-03-02T05:10:00.000Z');
    expect(first.durationMs).toBe(3000);
    expect(first.state).toBe('stored');
  });

  it('a truncated MP4 is kept and flagged unreadable, not dropped, its capture time unknown', async () => {
    const broken = (await listRecordings(ctx.deps.db, w.org)).find((x) => x.fileSequence === 5)!;
    expect(broken.state).toBe('unreadable');
    expect(broken.probeFailure).toBe('media.probe_failed');
    expect(broken.durationMs).toBeNull();
    expect(broken.startedAt).toBeNull();
  });

  it('a restarted agent re-uploads nothing; with --delete-after-confirm a new file leaves the device only once confirmed', async () => {
    const dcim = path.join(watch, 'usb-1', 'DCIM');
    makeClip(path.join(dcim, '20260302_102000_0006.mp4'), new Date('2026-03-02T05:20:00Z'));
    const sha = sha256Of(path.join(dcim, '20260302_102000_0006.mp4'));
    const again = await agent('--delete-after-confirm');
    expect(again.code).toBe(0);
    expect(again.out.match(/verified/g)).toHaveLength(1);
    expect(again.out).toContain('20260302_102000_0006.mp4: removed from the device after confirmation');
    const recs = await listRecordings(ctx.deps.db, w.org);
    expect(recs).toHaveLength(5);
    expect(recs.some((x) => x.sha256 === sha)).toBe(true);
    // Files confirmed by the earlier run stay: the flag applies to what this run confirms.
    expect(fs.readdirSync(dcim).sort()).toEqual([
      '20260302_101000_0001.mp4',
      '20260302_101005_0002.mp4',
      '20260302_101510_0004.mp4',
      '20260302_101600_0005.mp4',
    ]);
  });

  it('R444-11 an empty file is not uploaded: the agent says so once and leaves it on the device, even with --delete-after-confirm', async () => {
    const empty = path.join(watch, 'usb-1', 'DCIM', '20260302_103000_0007.mp4');
    fs.writeFileSync(empty, '');
    const before = (await listRecordings(ctx.deps.db, w.org)).length;
    const run1 = await agent('--delete-after-confirm');
    expect(run1.code).toBe(0);
    expect(run1.out).toContain('20260302_103000_0007.mp4: empty file (0 bytes), left on the device, not uploaded');
    expect(fs.existsSync(empty)).toBe(true);
    expect((await listRecordings(ctx.deps.db, w.org)).length).toBe(before);
    fs.rmSync(empty);
  });

  it('R444-13 stored recordings cannot be changed or deleted in the database, and the original file is read-only', async () => {
    await expect(ctx.sql(`UPDATE recordings SET started_at = started_at + interval '1 hour'`)).rejects.toThrow(/write-once/);
    await expect(ctx.sql(`DELETE FROM recordings`)).rejects.toThrow(/retention process/);
    const [one] = await listRecordings(ctx.deps.db, w.org);
    const file = path.join(ctx.deps.config.dataDir, 'blobs', 'objects', one!.sha256.slice(0, 2), one!.sha256.slice(2, 4), one!.sha256);
    expect(fs.statSync(file).mode & 0o222).toBe(0);
  });

  it('every ingest is in the ledger, and the chain verifies', async () => {
    const head = await w.world.as('head');
    const entries = (await head.get(w.api('/ledger?action=recording.ingested'))).json();
    expect(entries).toHaveLength(5);
    expect((await head.post(w.api('/ledger/verify'))).json().ok).toBe(true);
  });
});

describe('R444-17 R444-18 R444-19 continuity of the activity timeline', () => {
  it('finds the 5-minute gap and the missing file number 3, and shows them on the activity timeline', async () => {
    const { buildWorker } = await import('../../../src/composition/runtime.ts');
    await buildWorker(ctx.deps).worker.drain(() => ctx.clock.now);
    const head = await w.world.as('head');
    const [timeline] = (await head.get(w.api(`/activities/${w.activity.id}/timeline`))).json();
    expect(timeline.entry.id).toBe(entryId);
    expect(timeline.recordings.map((r: { fileSequence: number }) => r.fileSequence)).toEqual([1, 2, 4, 6]);
    expect(timeline.uploadState).toBe('files_missing');
    const kinds = timeline.findings.map((f: { kind: string; details: { seconds?: number; sequence?: number } }) => [
      f.kind,
      f.details.seconds ?? f.details.sequence,
    ]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['gap', 302],
        ['missing_sequence', 3],
      ]),
    );
  });

  it('the head annotates a finding; the finding stays and the annotation is in the ledger', async () => {
    const head = await w.world.as('head');
    const findings = (await head.get(w.api('/findings'))).json();
    const missing = findings.find((f: { kind: string }) => f.kind === 'missing_sequence');
    const res = await head.post(w.api(`/findings/${missing.id}/annotations`), {
      decision: 'disciplinary_referral',
      note: '3-файл құрылғыдан өшірілген: тәртіптік іс қозғауға жіберілді',
    });
    expect(res.statusCode).toBe(201);
    const after = (await head.get(w.api('/findings'))).json().find((f: { id: string }) => f.id === missing.id);
    expect(after.annotations).toEqual([expect.objectContaining({ decision: 'disciplinary_referral' })]);
    expect((await head.get(w.api('/ledger?action=continuity.finding_annotated'))).json()).toHaveLength(1);
  });

  it('an inspector sees whether his uploads arrived, but no one but head and responsible gets media', async () => {
    const inspector = await w.world.as('inspector1');
    const [timeline] = (await inspector.get(w.api(`/activities/${w.activity.id}/timeline`))).json();
    expect(timeline.recordings).toHaveLength(4);
    expect(timeline.uploadState).toBe('files_missing');
  });
});

describe('R444-13 R444-21 playback: head and responsible only, after a stated purpose, every view logged', () => {
  const firstClip = () => path.join(watch, 'usb-1', 'DCIM', '20260302_101000_0001.mp4');
  const recordingOf = async (name: string) => (await listRecordings(ctx.deps.db, w.org)).find((r) => r.originalName === name)!;

  it('the auditor sees metadata but gets no media; an inspector gets neither (403 with a coded error)', async () => {
    const rec = await recordingOf('20260302_101000_0001.mp4');
    const auditor = await w.world.as('auditor');
    expect((await auditor.get(w.api('/recordings'))).json()).toHaveLength(5);
    const media = await auditor.request('GET', w.api(`/recordings/${rec.id}/media`));
    expect(media.statusCode).toBe(403);
    expect(media.json().error.code).toBe('auth.forbidden');
    const inspector = await w.world.as('inspector1');
    expect((await inspector.request('GET', w.api(`/recordings/${rec.id}/media`))).statusCode).toBe(403);
    expect((await inspector.get(w.api(`/recordings/${rec.id}`))).statusCode).toBe(403);
  });

  it('the head must state a purpose before the first view', async () => {
    const rec = await recordingOf('20260302_101000_0001.mp4');
    const head = await w.world.as('head');
    head.lang = 'ru';
    const res = await head.request('GET', w.api(`/recordings/${rec.id}/media`));
    expect(res.statusCode).toBe(428);
    expect(res.json().error).toMatchObject({
      code: 'evidence.purpose_required',
      message: 'Сначала укажите служебную цель просмотра записей (пункт 21 Приказа № 444).',
    });
  });

  it('serves byte ranges (206), a strong ETag (304 on revalidation) and 416 past the end; the bytes are the original', async () => {
    const rec = await recordingOf('20260302_101000_0001.mp4');
    const original = fs.readFileSync(firstClip());
    const head = await w.world.as('head');
    expect(
      (await head.post(w.api('/access-purposes'), { purpose: 'activity_review', note: '№ 27-ТП тексерісінің материалдарын талдау' }))
        .statusCode,
    ).toBe(200);
    const url = w.api(`/recordings/${rec.id}/media`);
    const part = await head.request('GET', url, undefined, { range: 'bytes=100-1123' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-1123/${original.length}`);
    expect(Buffer.compare(part.rawPayload, original.subarray(100, 1124))).toBe(0);
    const tail = await head.request('GET', url, undefined, { range: 'bytes=-500' });
    expect(Buffer.compare(tail.rawPayload, original.subarray(original.length - 500))).toBe(0);
    const whole = await head.request('GET', url);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers.etag).toBe(`"${rec.sha256}"`);
    expect(Buffer.compare(whole.rawPayload, original)).toBe(0);
    expect((await head.request('GET', url, undefined, { 'if-none-match': `"${rec.sha256}"` })).statusCode).toBe(304);
    const past = await head.request('GET', url, undefined, { range: `bytes=${original.length}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${original.length}`);
    const dl = await head.request('GET', `${url}?download=true`);
    // Issue 13: a plain ASCII filename beside filename* (RFC 6266), for clients that read only that.
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="20260302_101000_0001.mp4"; filename*=UTF-8''20260302_101000_0001.mp4`,
    );
  });

  it('one playback session is one "viewed" entry; each download is its own entry, with who and why', async () => {
    const head = await w.world.as('head');
    const viewed = (await head.get(w.api('/ledger?action=recording.viewed'))).json();
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({ actorName: 'Жұмабеков Ерлан Серікұлы', payload: { purpose: 'activity_review' } });
    expect((await head.get(w.api('/ledger?action=recording.downloaded'))).json()).toHaveLength(1);
  });
});

describe('R444-13 storage scrub', () => {
  it('after one byte of a stored original is flipped, the scrub names that recording as a critical finding', async () => {
    const { scrubStore } = await import('../../../src/video-evidence/recordings/scrubStore.ts');
    expect((await scrubStore(ctx.deps)).damaged).toEqual([]);
    const rec = (await listRecordings(ctx.deps.db, w.org)).find((r) => r.originalName === '20260302_101005_0002.mp4')!;
    const file = path.join(ctx.deps.config.dataDir, 'blobs', 'objects', rec.sha256.slice(0, 2), rec.sha256.slice(2, 4), rec.sha256);
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const r = await scrubStore(ctx.deps);
    expect(r.damaged).toEqual([
      expect.objectContaining({ recordingId: rec.id, originalName: '20260302_101005_0002.mp4', expected: rec.sha256 }),
    ]);
    const head = await w.world.as('head');
    const integrity = (await head.get(w.api('/findings'))).json().filter((f: { kind: string }) => f.kind === 'integrity');
    expect(integrity).toEqual([expect.objectContaining({ recordingId: rec.id })]);
    expect((await head.get(w.api('/ledger?action=recording.integrity_failed'))).json()).toHaveLength(1);
  });
});

describe('derived files and the unattributed queue', () => {
  it('a thumbnail strip is made as a separate object; the original stays byte-identical', async () => {
    const rec = (await listRecordings(ctx.deps.db, w.org)).find((r) => r.originalName === '20260302_101000_0001.mp4')!;
    const head = await w.world.as('head');
    await head.post(w.api('/access-purposes'), { purpose: 'activity_review', note: 'Алдын ала қарау' });
    const strip = await head.request('GET', w.api(`/recordings/${rec.id}/thumbnails`));
    expect(strip.statusCode).toBe(200);
    expect(strip.headers['content-type']).toBe('image/jpeg');
    expect(strip.rawPayload.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(strip.headers.etag).not.toBe(`"${rec.sha256}"`);
    expect(sha256Of(path.join(watch, 'usb-1', 'DCIM', '20260302_101000_0001.mp4'))).toBe(rec.sha256);
  });

  it('a recording outside every issue waits unattributed; the responsible person attaches it once, with a reason', async () => {
    makeClip(path.join(watch, 'usb-1', 'DCIM', '20260302_090000_0007.mp4'), new Date('2026-03-02T04:00:00Z'));
    expect((await agent()).code).toBe(0);
    const queue = (await w.resp.get(w.api('/recordings?unattributed=true'))).json().filter((r: { state: string }) => r.state === 'stored');
    expect(queue.map((r: { originalName: string }) => r.originalName)).toEqual(['20260302_090000_0007.mp4']);
    const body = { journalEntryId: entryId, reason: 'Инспектор жазбаны беру журналына енгізгенге дейін бастаған' };
    expect((await w.resp.post(w.api(`/recordings/${queue[0].id}/attach`), body)).statusCode).toBe(200);
    expect((await w.resp.post(w.api(`/recordings/${queue[0].id}/attach`), body)).json().error.code).toBe('recording.already_attributed');
    // What is left waiting is the unreadable file 5 only.
    expect((await w.resp.get(w.api('/recordings?unattributed=true'))).json().map((r: { fileSequence: number }) => r.fileSequence)).toEqual([
      5,
    ]);
  });

  it('abandoned partial uploads are removed after the configured age, nothing else', async () => {
    const { cleanAbandonedUploads } = await import('../../../src/video-evidence/recordings/ingest/cleanAbandonedUploads.ts');
    const dir = path.join(ctx.deps.store.stagingDir, 'tus');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'old-partial'), Buffer.alloc(1000));
    fs.writeFileSync(path.join(dir, 'fresh-partial'), Buffer.alloc(1000));
    const old = new Date(Date.now() - 80 * 3_600_000);
    fs.utimesSync(path.join(dir, 'old-partial'), old, old);
    expect(cleanAbandonedUploads(dir, 72 * 3_600_000)).toEqual(['old-partial']);
    expect(fs.existsSync(path.join(dir, 'fresh-partial'))).toBe(true);
  });
});

describe('R444-11 the journal shows an upload under way', () => {
  it('an upload created for the recorder but not finished marks its issue "uploading"', async () => {
    const b64 = (v: string) => Buffer.from(v).toString('base64');
    const meta = [
      `filename ${b64('20260302_103000_0008.mp4')}`,
      `inventoryNumber ${b64('ВР-001')}`,
      `modifiedAt ${b64('2026-03-02T05:30:00Z')}`,
      `sha256 ${b64('a'.repeat(64))}`,
    ].join(',');
    const res = await fetch(`${server}/api/v1/dock/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', 'upload-length': '1000000', 'upload-metadata': meta },
    });
    expect(res.status).toBe(201);
    const rows = (await w.resp.get(w.api(`/journals/${w.journal.id}/entries`))).json();
    expect(rows.find((e: { id: string }) => e.id === entryId).uploadState).toBe('uploading');
  });
});
