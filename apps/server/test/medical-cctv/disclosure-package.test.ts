import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderVerifyHtml } from '../../src/kernel/evidence-packages/verify/verify-page.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeClip, sha256Of } from '../support/clips.ts';
import { unzipTo } from '../support/package-fixture.ts';
import { pdfText } from '../support/pdf-text.ts';
import { seedClinic } from './cctv-world.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/baqylau.mjs');
const verifyCli = (...args: string[]) =>
  run('node', [BIN, 'verify', ...args]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedClinic>>;
let tmp: string;
let clipFile: string;
let requestId: string;
let ward: string;
let pkg: { id: string; number: string; downloadUrl: string; manifestSha256: string };
let zipPath: string;
let folder: string;

const one = () => `${w.base}/requests/${requestId}`;
const ledger = async (action: string) => (await w.head.get(`/api/v1/organisations/${w.clinic}/ledger?action=${action}`)).json();
const manifest = () => JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedClinic(ctx);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-disclosure-'));
  clipFile = path.join(tmp, 'palata-0800.mp4');
  makeClip(clipFile, new Date('2026-02-24T08:00:00Z'), 3);
  const building = await w.place('building', 'Бас корпус');
  const floor = await w.place('floor', '3-қабат', building);
  ward = await w.place('room', 'Реанимация палатасы 301', floor, 'ward');
}, 60_000);

afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('R335-3 the clips handed to a deceased patient’s family go as a package the family verifies offline', () => {
  it('R335-3 received → hold confirmed → granted → a real clip added; no package before the grant or without clips', async () => {
    const res = await w.officer.post(`${w.base}/requests`, {
      receivedOn: '2026-03-01',
      applicantName: 'Омарова Гүлжан Серікқызы',
      applicantIin: '820315402511',
      relationship: 'spouse',
      patientName: 'Омаров Ерлан Болатұлы',
      patientIin: '551108301219',
      dateOfDeath: '2026-02-25',
      periodFrom: '2026-02-24T08:00:00Z',
      periodTo: '2026-02-24T14:00:00Z',
      placeIds: [ward],
    });
    expect(res.statusCode).toBe(201);
    requestId = res.json().id;
    const early = await w.officer.post(`${one()}/packages`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'cctv.request_state_invalid', details: { state: 'received' } });

    expect((await w.officer.post(`${one()}/hold-confirmed`, { confirmedBy: 'Ілиясов Марат, оператор' })).json().state).toBe(
      'hold_confirmed',
    );
    const granted = await w.head.post(`${one()}/decision`, {
      grant: true,
      reason: 'Өтініш беруші — қайтыс болған пациенттің жұбайы, неке туралы куәлік ұсынылды',
    });
    expect(granted.json().state).toBe('granted');
    const noClips = await w.officer.post(`${one()}/packages`);
    expect(noClips.json().error.code).toBe('cctv.request_no_clips');

    const clip = await w.officer.request('POST', `${one()}/files?kind=clip&fileName=palata-0800.mp4`, fs.readFileSync(clipFile), {
      'content-type': 'video/mp4',
    });
    expect(clip.statusCode).toBe(201);
    expect(clip.json()).toMatchObject({ kind: 'clip', sha256: sha256Of(clipFile), size: fs.statSync(clipFile).size });
  });

  it('R335-3 the CCTV officer builds the package; it is logged and listed with the application', async () => {
    const res = await w.officer.post(`${one()}/packages`);
    expect(res.statusCode).toBe(201);
    pkg = res.json();
    expect(pkg).toMatchObject({ number: 'CCTV-2026-1-1', clips: 1, manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const built = await ledger('cctv.package_built');
    expect(built).toHaveLength(1);
    expect(built[0]).toMatchObject({ subjectId: requestId, payload: { number: pkg.number, manifestSha256: pkg.manifestSha256 } });
    const application = (await w.head.get(one())).json();
    expect(application.packages).toEqual([expect.objectContaining({ id: pkg.id, number: pkg.number, downloadUrl: pkg.downloadUrl })]);
  });

  it('R335-3 the head downloads the ZIP; every download is in the ledger with the recipient, the date and the purpose', async () => {
    const res = await w.head.get(pkg.downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.headers['content-disposition']).toContain('CCTV-2026-1-1.zip');
    zipPath = path.join(tmp, 'package.zip');
    fs.writeFileSync(zipPath, res.rawPayload);
    // The same package gives the same bytes every time.
    expect(Buffer.compare((await w.officer.get(pkg.downloadUrl)).rawPayload, res.rawPayload)).toBe(0);
    const downloads = await ledger('cctv.package_downloaded');
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({
      subjectType: 'cctv_access_request',
      subjectId: requestId,
      payload: {
        packageId: pkg.id,
        number: pkg.number,
        recipient: { name: 'Омарова Гүлжан Серікқызы', iin: '820315402511', relationship: 'spouse' },
        date: '2026-03-02',
        purpose: expect.stringContaining('point 3'),
      },
    });
    const missing = await w.head.get(`${one()}/packages/00000000-0000-4000-8000-000000000001/download`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('cctv.package_not_found');
  });

  it('R335-3 the manifest names the organisation, the application, recipient, relationship, period and places; the clip is byte for byte the one added, bound to its ledger entry', async () => {
    await unzipTo(zipPath, path.join(tmp, 'out'));
    folder = path.join(tmp, 'out', pkg.number);
    expect(fs.readdirSync(path.join(tmp, 'out'))).toEqual([pkg.number]);
    expect(fs.readdirSync(folder).sort()).toEqual(
      ['clips', 'cover-letter-kk.pdf', 'cover-letter-ru.pdf', 'custody.json', 'manifest.json', 'manifest.json.sig', 'verify.html'].sort(),
    );
    expect(fs.readFileSync(path.join(folder, 'verify.html'), 'utf8')).toBe(renderVerifyHtml());
    const m = manifest();
    expect(m).toMatchObject({
      format: 'baqylau-package-v1',
      packageId: pkg.id,
      number: pkg.number,
      createdBy: { id: w.world.userIds.get('cctv'), role: 'cctv_officer' },
      organisation: { id: w.clinic },
      recipient: { kind: 'family', name: 'Омарова Гүлжан Серікқызы', relationship: 'spouse' },
      application: {
        id: requestId,
        number: '2026-1',
        receivedOn: '2026-03-01',
        patient: { name: 'Омаров Ерлан Болатұлы', dateOfDeath: '2026-02-25' },
        period: { from: '2026-02-24T08:00:00.000Z', to: '2026-02-24T14:00:00.000Z' },
        places: [{ id: ward, name: 'Бас корпус › 3-қабат › Реанимация палатасы 301' }],
        decision: { reason: expect.stringContaining('неке туралы куәлік') },
      },
      instanceKey: { fingerprint: ctx.deps.instanceKey.fingerprint },
    });
    const [clip] = m.files.filter((f: { kind: string }) => f.kind === 'clip');
    const added = (await ledger('cctv.request_clip_added'))[0];
    expect(clip).toMatchObject({
      path: 'clips/01-palata-0800.mp4',
      sha256: sha256Of(clipFile),
      size: fs.statSync(clipFile).size,
      ledgerEntry: { seq: added.seq, action: 'cctv.request_clip_added', subjectType: 'cctv_access_request', subjectId: requestId },
    });
    expect(Buffer.compare(fs.readFileSync(path.join(folder, clip.path)), fs.readFileSync(clipFile))).toBe(0);
    expect(m.files.map((f: { kind: string }) => f.kind)).toEqual(['clip', 'cover_letter', 'cover_letter']);

    // The custody of the application: receipt, hold, decision, the clip; each entry with its payload.
    const custody = JSON.parse(fs.readFileSync(path.join(folder, 'custody.json'), 'utf8'));
    const seqs: number[] = custody.subjects.cctv_access_request[requestId];
    const entries = new Map(custody.segments.flatMap((s: { entries: { seq: number }[] }) => s.entries.map((e) => [e.seq, e])));
    const actions = seqs.map((s) => (entries.get(s) as { action: string; payload?: string }).action);
    expect(actions).toEqual(['cctv.request_received', 'cctv.request_hold_confirmed', 'cctv.request_granted', 'cctv.request_clip_added']);
    expect(seqs.every((s) => typeof (entries.get(s) as { payload?: string }).payload === 'string')).toBe(true);
    expect(custody.recordings).toBeUndefined();
  });

  it('R335-3 the cover letters (kk, ru) name the application and the recipient, list the clip with its SHA-256 and print the key fingerprint', async () => {
    const fp = ctx.deps.instanceKey.fingerprint.match(/.{4}/g)!.join(' ');
    for (const [lang, words] of [
      ['kk', 'ілеспе хат'],
      ['ru', 'Сопроводительное письмо'],
    ] as const) {
      const { text } = await pdfText(fs.readFileSync(path.join(folder, `cover-letter-${lang}.pdf`)));
      expect(text).toContain(words);
      expect(text).toContain(pkg.number);
      expect(text).toContain('2026-1');
      expect(text).toContain('Омарова Гүлжан Серікқызы');
      expect(text.replace(/\s+/g, ' ')).toContain(fp);
      expect(text.replace(/\s+/g, '')).toContain(sha256Of(clipFile));
    }
  });

  it('R335-3 `baqylau verify` accepts the ZIP (exit 0, the clip bound to its ledger entry) and a flipped byte in the ZIP makes it fail', async () => {
    const ok = await verifyCli(zipPath, '--key', ctx.deps.instanceKey.fingerprint);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('OK   clips/01-palata-0800.mp4  (clip');
    expect(ok.out).toContain('1 file bound to ledger entries, custody of 1 subject');
    expect(ok.out.trim().split('\n').at(-1)).toBe('VERIFIED');
    expect((await verifyCli(folder)).code).toBe(0);

    // One byte of the clip, inside the ZIP (stored uncompressed, so its bytes are there as they are).
    const zip = fs.readFileSync(zipPath);
    const clip = fs.readFileSync(clipFile);
    const at = zip.indexOf(clip.subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    zip[at + Math.floor(clip.length / 2)]! ^= 0xff;
    const flipped = path.join(tmp, 'flipped.zip');
    fs.writeFileSync(flipped, zip);
    const bad = await verifyCli(flipped);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^FAIL clips\/01-palata-0800\.mp4 {2}\(clip\) — The content was changed/m);
    expect(bad.out.trim().split('\n').at(-1)).toBe('NOT VERIFIED');
  });

  it('R335-3 backup keeps the package: its manifest and verify.html are live objects, its custody and letters are listed by the manifest', async () => {
    const { records } = ctx.deps;
    const live = (await records.liveObjects(ctx.deps.db)).map((o) => o.sha256);
    const m = manifest();
    expect(live).toEqual(expect.arrayContaining([pkg.manifestSha256, m.files[0].sha256]));
    const listing = await records.listingObjects(ctx.deps.db);
    expect(listing).toContain(pkg.manifestSha256);
    const listed = (await records.objectsListedIn(ctx.deps.store, listing)).map((o) => o.sha256);
    expect(listed).toEqual(
      expect.arrayContaining([
        m.custody.sha256,
        ...m.files.filter((f: { kind: string }) => f.kind === 'cover_letter').map((f: { sha256: string }) => f.sha256),
      ]),
    );
  });

  it('R335-3 a clip whose stored bytes changed refuses the package, naming the clip', async () => {
    const sha = sha256Of(clipFile);
    const file = path.join(ctx.deps.config.dataDir, 'blobs', 'objects', sha.slice(0, 2), sha.slice(2, 4), sha);
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const res = await w.officer.post(`${one()}/packages`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'cctv.package_clip_changed', details: { fileName: 'palata-0800.mp4' } });
    expect(res.json().error.message).toContain('palata-0800.mp4');
    expect(await ledger('cctv.package_built')).toHaveLength(1);
  });
});
