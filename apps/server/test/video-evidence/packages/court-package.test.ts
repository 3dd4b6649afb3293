import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { probeMedia } from '../../../src/platform/media/ffprobe.ts';
import { buildWorker } from '../../../src/composition/runtime.ts';
import { renderVerifyHtml } from '../../../src/kernel/evidence-packages/verify/verify-page.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { makeClip } from '../../support/clips.ts';
import { pdfText } from '../../support/pdf-text.ts';
import type { ApiClient } from '../../support/world.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
/** A small but real PDF: the bytes an inspector's act would have. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let tmp: string;
let dcim: string;
let entryId: string;
const clip = (n: string) => path.join(dcim, n);
const CLIPS = ['20260302_101000_0001.mp4', '20260302_101005_0002.mp4', '20260302_101010_0003.mp4'];

const recordingOf = async (name: string) => (await listRecordings(ctx.deps.db, w.org)).find((r) => r.originalName === name)!;
const drain = () => buildWorker(ctx.deps).worker.drain(() => ctx.clock.now);
const upload = (c: ApiClient, query: string, body: Buffer) =>
  c.request('POST', w.api(`/activities/${w.activity.id}/materials?${query}`), body, { 'content-type': 'application/pdf' });

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id;
  const token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
  const server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-package-'));
  dcim = path.join(tmp, 'watch', 'usb-1', 'DCIM');
  fs.mkdirSync(dcim, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'watch', 'usb-1', 'baqylau-recorder.json'), JSON.stringify({ inventoryNumber: 'ВР-001' }));
  CLIPS.forEach((n, i) => makeClip(clip(n), new Date(Date.parse('2026-03-02T05:10:00Z') + i * 5000), 4));
  await run('node', [BIN, 'dock', '--server', server, '--token', token, '--watch', path.join(tmp, 'watch'), '--once']);
  await drain();
}, 180_000);

afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('R444-14 R444-18 activity materials', () => {
  it('an assigned inspector uploads a PDF; a non-PDF, an unassigned inspector and the auditor are refused', async () => {
    const inspector = await w.world.as('inspector1');
    const res = await upload(
      inspector,
      `title=${encodeURIComponent('Тексеру актісі № 27')}&fileName=${encodeURIComponent('../../akt 27.pdf')}`,
      PDF,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: 'Тексеру актісі № 27', fileName: 'akt 27.pdf', sha256: sha(PDF), size: PDF.length });
    expect((await upload(inspector, 'title=Акт&fileName=a.pdf', Buffer.from('PK\x03\x04 not a pdf'))).json().error.code).toBe(
      'material.not_pdf',
    );
    const other = await upload(await w.world.as('inspector3'), 'title=Акт&fileName=a.pdf', PDF);
    expect(other.json().error.code).toBe('activity.not_found');
    expect((await upload(await w.world.as('auditor'), 'title=Акт&fileName=a.pdf', PDF)).statusCode).toBe(403);
  });

  it('a material over MATERIAL_MAX_BYTES is refused with a coded error and nothing is stored', async () => {
    const before = ctx.deps.config.materialMaxBytes;
    ctx.deps.config.materialMaxBytes = 64;
    try {
      const res = await upload(w.resp, 'title=Үлкен&fileName=big.pdf', Buffer.concat([PDF, Buffer.alloc(200)]));
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('material.too_large');
    } finally {
      ctx.deps.config.materialMaxBytes = before;
    }
    expect(fs.readdirSync(ctx.deps.store.stagingDir).filter((f) => f.startsWith('put-'))).toEqual([]);
  });

  it('R444-21 the auditor lists materials; the head downloads one, and the download is in the ledger', async () => {
    const list = (await (await w.world.as('auditor')).get(w.api(`/activities/${w.activity.id}/materials`))).json();
    expect(list).toEqual([
      expect.objectContaining({ title: 'Тексеру актісі № 27', uploadedBy: expect.objectContaining({ fullName: expect.any(String) }) }),
    ]);
    const head = await w.world.as('head');
    const file = await head.get(w.api(`/activities/${w.activity.id}/materials/${list[0].id}/file`));
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, PDF)).toBe(0);
    expect((await (await w.world.as('auditor')).get(w.api(`/activities/${w.activity.id}/materials/${list[0].id}/file`))).statusCode).toBe(
      403,
    );
    const ledger = (await head.get(w.api('/ledger?action=activity.material_'))).json();
    expect(ledger.map((e: { action: string }) => e.action).sort()).toEqual(['activity.material_added', 'activity.material_downloaded']);
  });
});

describe('R444-14 R444-21 court package', () => {
  let pkgId: string;
  let zipBytes: Buffer;
  let folder: string;
  const manifest = () => JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));

  it('R444-14 refuses an excerpt beyond the recording, a foreign recording, and inspectors or the auditor', async () => {
    const rec = await recordingOf(CLIPS[0]!);
    const body = { recipientKind: 'court', recipientName: 'Қарағанды қалалық сотты', caseNumber: '2-1234/2026', purpose: 'Сот сұрауы' };
    const beyond = await w.resp.post(w.api('/packages'), {
      ...body,
      recordings: [{ recordingId: rec.id, excerpt: { fromSeconds: 2, toSeconds: 9 } }],
    });
    expect(beyond.json().error.code).toBe('package.excerpt_invalid');
    const foreign = await w.resp.post(w.api('/packages'), {
      ...body,
      recordings: [{ recordingId: '00000000-0000-4000-8000-000000000009' }],
    });
    expect(foreign.json().error.code).toBe('package.recording_unavailable');
    for (const login of ['inspector1', 'auditor'] as const) {
      const r = await (await w.world.as(login)).post(w.api('/packages'), { ...body, recordings: [{ recordingId: rec.id }] });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('auth.forbidden');
    }
  });

  it('R444-14 the responsible person creates a package; every recording gets a legal hold in the same step', async () => {
    const [r1, r2] = [await recordingOf(CLIPS[0]!), await recordingOf(CLIPS[1]!)];
    const [material] = (await w.resp.get(w.api(`/activities/${w.activity.id}/materials`))).json();
    const res = await w.resp.post(w.api('/packages'), {
      recipientKind: 'court',
      recipientName: 'Қарағанды қаласының мамандандырылған әкімшілік соты',
      caseNumber: '№ 3512-26-00-3/415',
      purpose: 'Әкімшілік құқық бұзушылық ісі бойынша соттың сұрауы',
      recordings: [{ recordingId: r1.id, excerpt: { fromSeconds: 1, toSeconds: 3 } }, { recordingId: r2.id }],
      materialIds: [material.id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      number: 'П-2026-0001',
      state: 'building',
      createdBy: { role: 'responsible' },
      counts: { recordings: 2, excerpts: 1, materials: 1 },
      progress: { bytesDone: 0, bytesTotal: r1.size + r2.size + PDF.length },
    });
    pkgId = res.json().id;
    const holds = await ctx.sql(
      `SELECT recording_id, source, package_id, reference FROM legal_holds WHERE lifted_at IS NULL ORDER BY placed_at`,
    );
    expect(holds.rows.map((h) => h.recording_id).sort()).toEqual([r1.id, r2.id].sort());
    expect(holds.rows.every((h) => h.source === 'package' && h.package_id === pkgId && h.reference === '№ 3512-26-00-3/415')).toBe(true);
    // A package that is still building has nothing to download yet.
    expect((await w.resp.post(w.api(`/packages/${pkgId}/links`))).json().error.code).toBe('package.not_ready');
  });

  it('the build job re-hashes the originals, renders the excerpt and signs the manifest; progress reaches the total', async () => {
    await drain();
    const detail = (await (await w.world.as('auditor')).get(w.api(`/packages/${pkgId}`))).json();
    expect(detail).toMatchObject({ state: 'ready', error: null, keyFingerprint: ctx.deps.instanceKey.fingerprint });
    expect(detail.progress.bytesDone).toBe(detail.progress.bytesTotal);
    expect(detail.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.recordings.map((r: { excerpt: unknown }) => r.excerpt)).toEqual([{ fromSeconds: 1, toSeconds: 3 }, null]);
  });

  it('R444-21 downloads need a link and the head or responsible session; the ZIP streams with Content-Length and is the same every time', async () => {
    const link = await w.resp.post(w.api(`/packages/${pkgId}/links`));
    expect(link.statusCode).toBe(201);
    expect(link.json().expiresAt).toBe(new Date(ctx.clock.now.getTime() + 24 * 3_600_000).toISOString());
    const head = await w.world.as('head');
    const res = await head.get(link.json().downloadUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('П-2026-0001'));
    zipBytes = res.rawPayload;
    expect(Buffer.compare((await head.get(link.json().downloadUrl)).rawPayload, zipBytes)).toBe(0);
    const zip = path.join(tmp, 'package.zip');
    fs.writeFileSync(zip, zipBytes);
    // Videos are stored, not deflated (method 0, "Stored" in zipinfo).
    expect(execFileSync('zipinfo', ['-v', zip]).toString()).not.toMatch(/compression method:\s+deflated/);
    execFileSync('unzip', ['-q', zip, '-d', path.join(tmp, 'out')]);
    folder = path.join(tmp, 'out', 'П-2026-0001');
    expect(fs.readdirSync(path.join(tmp, 'out'))).toEqual(['П-2026-0001']);
    expect(fs.readdirSync(folder).sort()).toEqual(
      [
        'cover-letter-kk.pdf',
        'cover-letter-ru.pdf',
        'custody.json',
        'excerpts',
        'manifest.json',
        'manifest.json.sig',
        'materials',
        'recordings',
        'verify.html',
      ].sort(),
    );
    // The self-contained checker, byte for byte what the verifier module renders.
    expect(fs.readFileSync(path.join(folder, 'verify.html'), 'utf8')).toBe(renderVerifyHtml());
    for (const login of ['inspector1', 'auditor'] as const) {
      const r = await (await w.world.as(login)).get(link.json().downloadUrl);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('auth.forbidden');
    }
    const wrong = await head.get(w.api(`/packages/${pkgId}/download?link=bqp_not-a-real-token-at-all`));
    expect(wrong.json().error.code).toBe('package.link_invalid');
  });

  it('R444-14 the originals are byte-identical to the recorder files; the manifest carries their provenance', async () => {
    const m = manifest();
    const originals = m.files.filter((f: { kind: string }) => f.kind === 'original');
    expect(originals.map((f: { path: string }) => f.path)).toEqual([`recordings/01-${CLIPS[0]}`, `recordings/02-${CLIPS[1]}`]);
    for (const [i, f] of originals.entries()) {
      expect(Buffer.compare(fs.readFileSync(path.join(folder, f.path)), fs.readFileSync(clip(CLIPS[i]!)))).toBe(0);
    }
    const r1 = await recordingOf(CLIPS[0]!);
    expect(m).toMatchObject({
      format: 'baqylau-package-v1',
      packageId: pkgId,
      number: 'П-2026-0001',
      createdBy: { role: 'responsible', name: 'Сәрсенбаева Әйгерім Қайратқызы' },
      organisation: { id: w.org, bin: '990340001230' },
      recipient: { kind: 'court', caseNumber: '№ 3512-26-00-3/415' },
      instanceKey: { algorithm: 'Ed25519', publicKeyRaw: ctx.deps.instanceKey.publicKeyRaw, fingerprint: ctx.deps.instanceKey.fingerprint },
    });
    expect(originals[0]).toEqual({
      path: `recordings/01-${CLIPS[0]}`,
      kind: 'original',
      sha256: r1.sha256,
      size: r1.size,
      recordingId: r1.id,
      originalName: CLIPS[0],
      capture: {
        deviceStartedAt: '2026-03-02T05:10:00.000Z',
        startedAt: '2026-03-02T05:10:00.000Z',
        clockOffsetSeconds: 0,
        durationMs: 4000,
      },
      recorder: { inventoryNumber: 'ВР-001' },
      inspector: { id: w.world.userIds.get('inspector1'), name: 'Нұрланов Данияр Асқарұлы' },
      journalEntry: { id: entryId, number: 1 },
      activity: {
        id: w.activity.id,
        type: 'unscheduled_inspection',
        referenceNumber: '№ 27-ТП/2026',
        subjectBin: '051240004566',
        subjectName: '«Шахтинск Көмір» ЖШС',
      },
      ingestedAt: r1.ingestedAt.toISOString(),
    });
    for (const f of [...m.files, m.custody]) {
      const bytes = fs.readFileSync(path.join(folder, f.path));
      expect({ path: f.path, sha256: sha(bytes), size: bytes.length }).toEqual({ path: f.path, sha256: f.sha256, size: f.size });
    }
    expect(m.files.map((f: { kind: string }) => f.kind)).toEqual([
      'original',
      'original',
      'excerpt',
      'material',
      'cover_letter',
      'cover_letter',
    ]);
    expect(Buffer.compare(fs.readFileSync(path.join(folder, 'materials/01-akt 27.pdf')), PDF)).toBe(0);
  });

  it('R444-14 the excerpt is a separate H.264 MP4 of the asked seconds, pointing at its original', async () => {
    const ex = manifest().files.find((f: { kind: string }) => f.kind === 'excerpt');
    const r1 = await recordingOf(CLIPS[0]!);
    expect(ex.excerptOf).toEqual({ recordingId: r1.id, sha256: r1.sha256, fromSeconds: 1, toSeconds: 3 });
    expect(ex.sha256).not.toBe(r1.sha256);
    const probe = await probeMedia(path.join(folder, ex.path));
    if ('failure' in probe) throw new Error(probe.failure);
    expect(probe!.streams.find((s) => s.type === 'video')?.codec).toBe('h264');
    expect(Math.abs(probe!.durationMs! - 2000)).toBeLessThanOrEqual(150);
    // The original in the store is untouched.
    expect(sha(fs.readFileSync(path.join(folder, `recordings/01-${CLIPS[0]}`)))).toBe(r1.sha256);
  });

  it('R444-14 manifest.json.sig is an Ed25519 signature of the exact manifest bytes under the manifest key', async () => {
    const m = manifest();
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(m.instanceKey.publicKeyRaw, 'base64').toString('base64url') },
      format: 'jwk',
    });
    const bytes = fs.readFileSync(path.join(folder, 'manifest.json'));
    const sig = Buffer.from(fs.readFileSync(path.join(folder, 'manifest.json.sig'), 'utf8'), 'base64');
    expect(verify(null, bytes, key, sig)).toBe(true);
    expect(sha(Buffer.from(m.instanceKey.publicKeyRaw, 'base64'))).toBe(m.instanceKey.fingerprint);
    const tampered = Buffer.from(bytes.toString('utf8').replace('П-2026-0001', 'П-2026-0002'));
    expect(verify(null, tampered, key, sig)).toBe(false);
  });

  it('R444-14 custody: every segment hash-chains to a checkpoint signed by the same key; each original is bound to its ingest entry', async () => {
    const m = manifest();
    const c = JSON.parse(fs.readFileSync(path.join(folder, 'custody.json'), 'utf8'));
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(m.instanceKey.publicKeyRaw, 'base64').toString('base64url') },
      format: 'jwk',
    });
    const bySeq = new Map();
    for (const seg of c.segments) {
      let prev: { seq: number; entryHash: string } | undefined;
      for (const e of seg.entries) {
        if (prev) expect([e.seq, e.prevHash]).toEqual([prev.seq + 1, prev.entryHash]);
        const fields = ['baqylau-ledger-v1', c.organisationId, e.seq, e.recordedAt, e.actorKind, e.actorId, e.action, e.subjectType];
        expect(sha(JSON.stringify([...fields, e.subjectId, e.payloadHash, e.prevHash]))).toBe(e.entryHash);
        if (e.payload !== undefined) expect(sha(e.payload)).toBe(e.payloadHash);
        bySeq.set(e.seq, e);
        prev = e;
      }
      const cp = c.checkpoints.find((x: { seq: number }) => x.seq === seg.checkpointSeq);
      expect([prev!.seq, prev!.entryHash]).toEqual([cp.seq, cp.entryHash]);
      expect(cp.keyFingerprint).toBe(m.instanceKey.fingerprint);
      const msg = JSON.stringify(['baqylau-checkpoint-v1', c.organisationId, cp.seq, cp.entryHash, cp.signedAt]);
      expect(verify(null, Buffer.from(msg), key, Buffer.from(cp.signature, 'base64'))).toBe(true);
    }
    for (const f of m.files.filter((x: { kind: string }) => x.kind === 'original')) {
      const entries = c.recordings[f.recordingId].map((s: number) => bySeq.get(s));
      expect(entries.every((e: { payload?: string }) => typeof e?.payload === 'string')).toBe(true);
      const actions = entries.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['recording.ingested', 'recording.hold_placed']));
      const ingest = JSON.parse(entries.find((e: { action: string }) => e.action === 'recording.ingested').payload);
      expect([ingest.sha256, ingest.size]).toEqual([f.sha256, f.size]);
    }
  });

  it('R444-14 the cover letters (kk, ru) list every file with size and SHA-256 and print the key fingerprint', async () => {
    const m = manifest();
    const fp = ctx.deps.instanceKey.fingerprint.match(/.{4}/g)!.join(' ');
    for (const [lang, words] of [
      ['kk', 'ілеспе хат'],
      ['ru', 'Сопроводительное письмо'],
    ] as const) {
      const { text } = await pdfText(fs.readFileSync(path.join(folder, `cover-letter-${lang}.pdf`)));
      expect(text).toContain(words);
      expect(text).toContain('П-2026-0001');
      expect(text.replace(/\s+/g, ' ')).toContain(fp);
      for (const f of m.files.filter((x: { kind: string }) => x.kind !== 'cover_letter')) {
        expect(text.replace(/\s+/g, '')).toContain(f.sha256);
      }
    }
  });

  it('R444-14 the package passes the offline verifier (baqylau verify exits 0)', async () => {
    const { verifyPackageAt } = await import('../../../src/kernel/evidence-packages/verify/verifyPackage.ts');
    const report = await verifyPackageAt(path.join(tmp, 'package.zip'), { key: ctx.deps.instanceKey.fingerprint });
    expect({ ok: report.ok, files: report.files.filter((f) => !f.ok), custody: report.custody.failures }).toEqual({
      ok: true,
      files: [],
      custody: [],
    });
    const cli = await run('node', [BIN, 'verify', path.join(tmp, 'package.zip'), '--key', ctx.deps.instanceKey.fingerprint]).then(
      () => 0,
      (e: { code: number }) => e.code,
    );
    expect(cli).toBe(0);
  });

  it('R444-21 creation, build, link and every download are in the ledger', async () => {
    const head = await w.world.as('head');
    const count = async (action: string) => (await head.get(w.api(`/ledger?action=${action}`))).json().length;
    expect(await count('package.created')).toBe(1);
    expect(await count('package.built')).toBe(1);
    expect(await count('package.link_created')).toBe(1);
    expect(await count('package.downloaded')).toBe(2);
    expect(await count('recording.hold_placed')).toBe(2);
    const detail = (await head.get(w.api(`/packages/${pkgId}`))).json();
    expect(detail.links).toEqual([expect.objectContaining({ usedCount: 2, expired: false })]);
    expect(JSON.stringify(detail)).not.toContain('bqp_');
  });

  it("R444-21 an expired link is refused with a coded error in the user's language", async () => {
    const link = (await w.resp.post(w.api(`/packages/${pkgId}/links`))).json();
    ctx.clock.advance(24 * 3_600_000 + 1000);
    const head = await w.world.as('head');
    head.lang = 'ru';
    const res = await head.request('GET', link.downloadUrl, undefined, { 'accept-language': 'ru' });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('package.link_expired');
    expect(res.json().error.message).toMatch(/^Срок действия ссылки для скачивания истёк \d\d\.\d\d\.2026 \d\d:\d\d/);
  });

  it('R444-14 a stored original whose bytes changed fails the package, naming the recording', async () => {
    const r3 = await recordingOf(CLIPS[2]!);
    const resp = await w.world.as('responsible');
    const created = await resp.post(w.api('/packages'), {
      recipientKind: 'authority',
      recipientName: 'Қарағанды облысының прокуратурасы',
      caseNumber: '26-1/77',
      purpose: 'Прокуратураның сұрауы',
      recordings: [{ recordingId: r3.id }],
    });
    expect(created.json().number).toBe('П-2026-0002');
    const file = path.join(ctx.deps.config.dataDir, 'blobs', 'objects', r3.sha256.slice(0, 2), r3.sha256.slice(2, 4), r3.sha256);
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    await drain();
    const head = await w.world.as('head');
    head.lang = 'en';
    const detail = (await head.request('GET', w.api(`/packages/${created.json().id}`), undefined, { 'accept-language': 'en' })).json();
    expect(detail.state).toBe('failed');
    expect(detail.error).toMatchObject({ code: 'package.original_mismatch', details: { recording: CLIPS[2], recordingId: r3.id } });
    expect(detail.error.message).toContain(CLIPS[2]);
    expect((await head.get(w.api('/ledger?action=package.failed'))).json()).toHaveLength(1);
    expect((await resp.post(w.api(`/packages/${created.json().id}/links`))).json().error.code).toBe('package.not_ready');
  });
});
