import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { makeClip } from '../../support/clips.ts';
import { dockUpload } from '../../support/dock-upload.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

// Issue 19: an upload is linked only with the clock offset of its own docking, measured once.
const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let token: string;
let server: string;
let entryId: string;
let tmp: string;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id; // issued 05:00:00, still out
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-docking-'));
}, 120_000);

afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const reportDocking = (body: Record<string, unknown>) =>
  fetch(`${server}/api/v1/dock/dockings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const plus = (s: number) => new Date(ctx.clock.now.getTime() + s * 1000).toISOString();
const recording = async (id: string) => (await w.resp.get(w.api(`/recordings/${id}`))).json().recording;

describe('R444-17 an upload is linked only after its docking’s clock report', () => {
  const dockingId = randomUUID();
  let recordingId: string;

  it('R444-17 an upload that arrives before its docking report waits: no corrected time, no issue, no offset of an older docking', async () => {
    // An earlier docking of the recorder measured its clock an hour ahead: not this docking's.
    expect((await reportDocking({ inventoryNumber: 'ВР-001', deviceTime: plus(3600) })).status).toBe(201);
    const clip = path.join(tmp, 'early.mp4');
    makeClip(clip, new Date('2026-03-02T05:10:02Z')); // the device clock, 2 s ahead
    const up = await dockUpload(server, token, fs.readFileSync(clip), {
      name: 'REC_0001.mp4',
      inventoryNumber: 'ВР-001',
      modifiedAt: new Date('2026-03-02T05:10:05Z'),
      dockingId,
    });
    recordingId = up.recordingId;
    const rec = await recording(recordingId);
    expect(rec).toMatchObject({
      state: 'stored',
      deviceStartedAt: '2026-03-02T05:10:02.000Z',
      clockOffsetSeconds: null,
      startedAt: null,
      journalEntryId: null,
      awaitingDocking: true,
      dockingId,
    });
  });

  it('R444-17 R444-5 when the report arrives the waiting upload gets that docking’s offset, its corrected time and its issue', async () => {
    const res = await reportDocking({ inventoryNumber: 'ВР-001', deviceTime: plus(2), dockingId });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: dockingId, offsetSeconds: 2 });
    const rec = await recording(recordingId);
    expect(rec).toMatchObject({
      clockOffsetSeconds: 2,
      startedAt: '2026-03-02T05:10:00.000Z',
      journalEntryId: entryId,
      awaitingDocking: false,
    });
    expect(rec.retainUntil).not.toBeNull();
    const head = await w.world.as('head');
    const applied = (await head.get(w.api('/ledger?action=recording.docking_applied'))).json();
    expect(applied).toEqual([
      expect.objectContaining({ subjectId: recordingId, payload: expect.objectContaining({ dockingId, clockOffsetSeconds: 2 }) }),
    ]);
    // Once set, the capture time is write-once again.
    await expect(ctx.sql(`UPDATE recordings SET started_at = device_started_at WHERE id = $1`, [recordingId])).rejects.toThrow(
      /write-once/,
    );
  });

  it('R444-17 a docking reported again by its id keeps its first measurement; a later upload of it is linked at once', async () => {
    ctx.clock.advance(18_000);
    const again = await reportDocking({ inventoryNumber: 'ВР-001', deviceTime: plus(-16), dockingId });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: dockingId, offsetSeconds: 2 });
    const clip = path.join(tmp, 'late.mp4');
    makeClip(clip, new Date('2026-03-02T05:12:02Z'));
    const up = await dockUpload(server, token, fs.readFileSync(clip), {
      name: 'REC_0002.mp4',
      inventoryNumber: 'ВР-001',
      modifiedAt: new Date('2026-03-02T05:12:05Z'),
      dockingId,
    });
    expect(await recording(up.recordingId)).toMatchObject({
      clockOffsetSeconds: 2,
      startedAt: '2026-03-02T05:12:00.000Z',
      journalEntryId: entryId,
    });
    // Another recorder cannot take this docking's id.
    const other = await reportDocking({ inventoryNumber: 'ВР-002', deviceTime: plus(0), dockingId });
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('dock.docking_other_recorder');
  });

  it('R444-13 the database refuses a waiting recording any offset but its docking’s', async () => {
    const waitingFor = randomUUID();
    const clip = path.join(tmp, 'wait.mp4');
    makeClip(clip, new Date('2026-03-02T05:14:00Z'));
    const up = await dockUpload(server, token, fs.readFileSync(clip), {
      name: 'REC_0003.mp4',
      inventoryNumber: 'ВР-001',
      modifiedAt: new Date('2026-03-02T05:14:03Z'),
      dockingId: waitingFor,
    });
    await expect(
      ctx.sql(`UPDATE recordings SET clock_offset_seconds = 0, started_at = device_started_at WHERE id = $1`, [up.recordingId]),
    ).rejects.toThrow(/write-once/);
  });
});

describe('R444-17 the dock agent measures each docking once', () => {
  const watch = () => path.join(tmp, 'watch');
  const agent = () =>
    run('node', [BIN, 'dock', '--server', server, '--token', token, '--watch', watch(), '--once']).then(
      (r) => r.stdout,
      (e) => `${e.stdout}${e.stderr}`,
    );

  it('R444-17 a restarted agent does not report the device time again (18 s later it would read 3,582 s), and its uploads take the offset measured at docking', async () => {
    const device = path.join(watch(), 'usb-3');
    fs.mkdirSync(path.join(device, 'DCIM'), { recursive: true });
    // The device wrote its clock (an hour ahead) into its ID file when it was docked.
    fs.writeFileSync(path.join(device, 'baqylau-recorder.json'), JSON.stringify({ inventoryNumber: 'ВР-003', deviceTime: plus(3600) }));
    makeClip(path.join(device, 'DCIM', 'REC_0001.mp4'), new Date('2026-03-02T06:20:00Z'));
    const first = await agent();
    expect(first).toContain('ВР-003: docked, clock offset 3600 s');

    ctx.clock.advance(18_000);
    makeClip(path.join(device, 'DCIM', 'REC_0002.mp4'), new Date('2026-03-02T06:25:00Z'));
    const second = await agent();
    expect(second).not.toContain('docked, clock offset');
    expect(second).toContain('ВР-003: docking already recorded (clock offset 3600 s), not measured again');

    const head = await w.world.as('head');
    const docked = (await head.get(w.api('/ledger?action=recorder.docked'))).json();
    const of3 = docked.filter((e: { subjectId: string }) => e.subjectId === w.recorders[2]!.id);
    expect(of3.map((e: { payload: { offsetSeconds: number } }) => e.payload.offsetSeconds)).toEqual([3600]);
    const recs = (await listRecordings(ctx.deps.db, w.org)).filter((r) => r.recorderId === w.recorders[2]!.id);
    expect(recs.map((r) => [r.originalName, r.clockOffsetSeconds]).sort()).toEqual([
      ['REC_0001.mp4', 3600],
      ['REC_0002.mp4', 3600],
    ]);
  });
});
