import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContinuity } from '../../../src/video-evidence/continuity/continuity.usecases.ts';
import { makeAudioOnly, makeClip, sha256Of } from '../../support/clips.ts';
import { dockUpload } from '../../support/dock-upload.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

// Issue 19: a file ffprobe cannot read, or one without video, is kept but given no invented time.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let token: string;
let server: string;
let entryId: string;
let tmp: string;
const at = (iso: string) => new Date(iso);
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id; // issued 05:00:00
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-unreadable-'));
  // A readable clip 10 s after the issue, then the two unreadable files whose file times fall 20
  // minutes into the issue: with those times they would be attached and open a 20-minute gap.
  makeClip(path.join(tmp, 'ok.mp4'), at('2026-03-02T05:00:10Z'));
  makeAudioOnly(path.join(tmp, 'audio.mp4'));
  const dock = (name: string, bytes: Buffer) =>
    dockUpload(server, token, bytes, { name, inventoryNumber: 'ВР-001', modifiedAt: at('2026-03-02T05:20:00Z') });
  ids.ok = (await dockUpload(server, token, fs.readFileSync(path.join(tmp, 'ok.mp4')), {
    name: 'REC_0001.mp4',
    inventoryNumber: 'ВР-001',
    modifiedAt: at('2026-03-02T05:00:13Z'),
  }))!.recordingId;
  ids.random = (await dock('REC_0002.mp4', randomBytes(200_000))).recordingId;
  ids.audio = (await dock('REC_0003.mp4', fs.readFileSync(path.join(tmp, 'audio.mp4')))).recordingId;
}, 120_000);

afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const recording = async (id: string, lang: 'kk' | 'ru' | 'en' = 'kk') => {
  const resp = await w.world.as('responsible');
  resp.lang = lang;
  const res = await resp.get(w.api(`/recordings/${id}`));
  expect(res.statusCode).toBe(200);
  return res.json().recording;
};

describe('R444-11 R444-13 an unreadable file is kept, with no capture time and the probe’s code', () => {
  it('R444-11 random bytes named .mp4: the original is stored write-once (hash verified), unattached, capture time unknown, media.probe_failed in kk/ru/en', async () => {
    const kk = await recording(ids.random!, 'kk');
    expect(kk).toMatchObject({ state: 'unreadable', journalEntryId: null, startedAt: null, deviceStartedAt: null, media: null });
    expect((await ctx.deps.store.stat(kk.sha256))?.size).toBe(200_000);
    expect(kk.probeFailure).toEqual({
      code: 'media.probe_failed',
      message: 'Файл аудио- немесе бейнежазба ретінде оқылмайды (ffprobe қатесі): түсірілген уақыты белгісіз.',
    });
    expect((await recording(ids.random!, 'ru')).probeFailure.message).toBe(
      'Файл не читается как аудио- или видеозапись (ошибка ffprobe): время съёмки неизвестно.',
    );
    expect((await recording(ids.random!, 'en')).probeFailure.message).toBe(
      'The file could not be read as audio or video (ffprobe failed): its capture time is unknown.',
    );
    await expect(ctx.sql(`UPDATE recordings SET started_at = ingested_at WHERE id = $1`, [ids.random])).rejects.toThrow(/write-once/);
  });

  it('R444-11 a real audio-only file has no video stream: kept, unattached, capture time unknown, media.no_video_stream', async () => {
    const rec = await recording(ids.audio!, 'ru');
    expect(rec).toMatchObject({ state: 'unreadable', journalEntryId: null, startedAt: null, deviceStartedAt: null });
    expect(rec.probeFailure).toEqual({
      code: 'media.no_video_stream',
      message: 'В файле нет видеопотока (ffprobe его не нашёл): время съёмки неизвестно.',
    });
    expect(rec.sha256).toBe(sha256Of(path.join(tmp, 'audio.mp4')));
    // Both wait in the unattributed queue for a person.
    const queue = (await w.resp.get(w.api('/recordings?unattributed=true'))).json();
    expect(queue.map((r: { id: string }) => r.id).sort()).toEqual([ids.random, ids.audio].sort());
  });

  it('R444-13 media facts of a real ffmpeg clip are in the API: container, codecs, resolution, frame rate, channels, duration', async () => {
    const rec = await recording(ids.ok!, 'en');
    expect(rec).toMatchObject({ state: 'stored', probeFailure: null, journalEntryId: entryId });
    expect(rec.media).toMatchObject({
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      videoCodec: 'h264',
      audioCodec: 'aac',
      width: 320,
      height: 240,
      frameRate: 10,
      audioChannels: 1,
    });
    expect(Math.abs(rec.media.durationMs - 3000)).toBeLessThanOrEqual(100);
    const listed = (await w.resp.get(w.api('/recordings'))).json().find((r: { id: string }) => r.id === ids.ok);
    expect(listed.media).toEqual(rec.media);
  });
});

describe('R444-13 R444-17 R444-19 attaching an unreadable recording by hand', () => {
  const attach = async (who: 'responsible' | 'inspector1' | 'head', body: Record<string, unknown>) => {
    const c = await w.world.as(who);
    return c.post(w.api(`/recordings/${ids.random}/attach`), body);
  };

  it('R444-13 is refused without a reason (coded 400 naming the field) and for an inspector (403)', async () => {
    const noReason = await attach('responsible', { journalEntryId: entryId });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('validation.failed');
    expect(noReason.body).toContain('reason');
    const blank = await attach('responsible', { journalEntryId: entryId, reason: '' });
    expect(blank.statusCode).toBe(400);
    const inspector = await attach('inspector1', { journalEntryId: entryId, reason: 'Менің жазбам' });
    expect(inspector.statusCode).toBe(403);
    expect(inspector.json().error.code).toBe('auth.forbidden');
    expect((await recording(ids.random!)).journalEntryId).toBeNull();
  });

  it('R444-13 the responsible person attaches it with a reason: ledgered, capture time still unknown', async () => {
    const reason = 'Файл ВР-001 бейнетіркеуішінен 27-ТП тексерісі кезінде алынды; құрылғы оны бүлінген күйде сақтаған';
    expect((await attach('responsible', { journalEntryId: entryId, reason })).statusCode).toBe(200);
    const rec = await recording(ids.random!);
    expect(rec).toMatchObject({ journalEntryId: entryId, attributionReason: reason, startedAt: null, state: 'unreadable' });
    const head = await w.world.as('head');
    const ledger = (await head.get(w.api('/ledger?action=recording.attached'))).json();
    expect(ledger).toEqual([expect.objectContaining({ subjectId: ids.random, payload: expect.objectContaining({ reason }) })]);
  });

  it('R444-17 R444-19 continuity ignores it: no gap or late end from a file time, only readable recordings count', async () => {
    await checkContinuity(ctx.deps, w.org, entryId);
    const head = await w.world.as('head');
    const findings = (await head.get(w.api('/findings'))).json();
    expect(findings.filter((f: { journalEntryId: string }) => f.journalEntryId === entryId)).toEqual([]);
    const [timeline] = (await head.get(w.api(`/activities/${w.activity.id}/timeline`))).json();
    const unreadable = timeline.recordings.find((r: { id: string }) => r.id === ids.random);
    expect(unreadable).toMatchObject({ state: 'unreadable', startedAt: null });
  });
});
