import yazl from 'yazl';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPackageAt } from '../../../src/kernel/evidence-packages/verify/verifyPackage.ts';
import { formatFingerprint } from '../../../src/kernel/evidence-packages/verify/verify-core.js';
import { buildPackageFixture, flipByte, zipFolder, type PackageFixture } from '../../support/package-fixture.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');
const cli = (...args: string[]) =>
  run('node', [BIN, 'verify', ...args]).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e) => ({ code: e.code as number, out: e.stdout as string, err: e.stderr as string }),
  );

let fx: PackageFixture;
const file = (rel: string) => path.join(fx.folder, rel);
const failing = (r: Awaited<ReturnType<typeof verifyPackageAt>>) =>
  r.files.filter((f) => !f.ok).map((f) => ({ path: f.path, reason: f.reason }));
const custodyFailures = (r: Awaited<ReturnType<typeof verifyPackageAt>>) => r.custody.segments.flatMap((s) => s.failures);

interface CustodyDoc {
  segments: { entries: { recordedAt: string; payload: string }[] }[];
  checkpoints: { signature: string }[];
}

function editJson(rel: string, edit: (doc: CustodyDoc) => void) {
  const doc = JSON.parse(fs.readFileSync(file(rel), 'utf8')) as CustodyDoc;
  edit(doc);
  fs.writeFileSync(file(rel), JSON.stringify(doc, null, 2));
}

/** Verifies the folder and the re-made ZIP; both hosts must say the same. */
async function verifyBoth(opts: { key?: string } = {}) {
  await fx.rezip();
  const [folder, zip] = [await verifyPackageAt(fx.folder, opts), await verifyPackageAt(fx.zip, opts)];
  expect(zip).toEqual(folder);
  return folder;
}

describe('R444-14 court package verification (baqylau verify)', () => {
  beforeEach(async () => {
    fx = await buildPackageFixture();
  });
  afterEach(() => fx.cleanup());

  it('R444-14 an intact package verifies from the ZIP, the package folder and the folder it was unzipped into', async () => {
    const r = await verifyBoth();
    expect(failing(r)).toEqual([]);
    expect(r).toMatchObject({ ok: true, complete: true, fingerprint: fx.key.fingerprint, signature: { ok: true } });
    expect(r.package.number).toBe(fx.number);
    expect(r.files.map((f) => f.kind).sort()).toEqual(['cover_letter', 'cover_letter', 'custody', 'material', 'original', 'original']);
    expect(r.custody.ok).toBe(true);
    expect(r.custody.segments.map((s) => [s.checkpointSeq, s.entries])).toEqual([
      [3, 3],
      [5, 2],
    ]);
    expect(r.custody.recordings.map((b) => [b.recordingId, b.ok, b.seq])).toEqual(fx.recordings.map((x) => [x.id, true, x.ingestSeq]));
    expect((await verifyPackageAt(fx.dir)).ok).toBe(true);

    const zip64 = path.join(fx.dir, 'zip64.zip');
    await zipFolder(fx.folder, fx.number, zip64, { zip64: true });
    expect((await verifyPackageAt(zip64)).ok).toBe(true);
  });

  it('R444-14 a ZIP naming one file twice is refused: the court could be shown the copy that was not checked', async () => {
    const twice = path.join(fx.dir, 'twice.zip');
    const zip = new yazl.ZipFile();
    const video = 'recordings/01-FILE0001.MP4';
    const walk = (rel: string) => {
      for (const d of fs.readdirSync(path.join(fx.folder, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${d.name}` : d.name;
        if (d.isDirectory()) walk(r);
        else zip.addFile(path.join(fx.folder, r), `${fx.number}/${r}`);
      }
    };
    walk('');
    zip.addBuffer(Buffer.from('another video'), `${fx.number}/${video}`);
    zip.end();
    await new Promise<void>((resolve, reject) =>
      zip.outputStream.pipe(fs.createWriteStream(twice)).on('close', resolve).on('error', reject),
    );
    const r = await cli(twice);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain(`two entries named ${fx.number}/${video}`);
  });

  it('R444-14 the real CLI exits 0 on an intact package (also with the right --key), 1 on a wrong --key, 2 on unreadable input', async () => {
    const ok = await cli(fx.zip);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toContain('OK   recordings/01-FILE0001.MP4');
    expect(ok.out).toContain('OK   signature');
    expect(ok.out).toContain('OK   custody  2 segments, 5 entries, 2 recordings bound');
    expect(ok.out).toContain(`Key fingerprint: ${fx.key.fingerprint}`);
    expect(ok.out.trim().split('\n').at(-1)).toBe('VERIFIED');

    const pinned = await cli(fx.folder, '--key', formatFingerprint(fx.key.fingerprint).toUpperCase());
    expect(pinned.code, pinned.out).toBe(0);

    const wrong = await cli(fx.zip, '--key', 'ab'.repeat(32));
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('FAIL key is not the one given with --key');
    expect(wrong.out).toContain('NOT VERIFIED');

    const json = await cli(fx.zip, '--json', '--key', fx.key.fingerprint);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, keyPinned: { matches: true }, fingerprint: fx.key.fingerprint });

    const notZip = path.join(fx.dir, 'notes.txt');
    fs.writeFileSync(notZip, 'not a zip');
    expect((await cli(notZip)).code).toBe(2);
    expect((await cli(path.join(fx.dir, 'absent.zip'))).code).toBe(2);
  });

  it('R444-14 one flipped byte in one video fails naming that file, and the CLI exits 1', async () => {
    flipByte(file('recordings/02-FILE0002.MP4'));
    const r = await verifyBoth();
    expect(failing(r)).toEqual([{ path: 'recordings/02-FILE0002.MP4', reason: 'hash_mismatch' }]);
    expect(r.ok).toBe(false);
    expect(r.signature.ok).toBe(true);
    expect(r.custody.ok).toBe(true);

    const out = await cli(fx.zip);
    expect(out.code).toBe(1);
    expect(out.out).toMatch(/^FAIL recordings\/02-FILE0002\.MP4 {2}\(original\) — The content was changed/m);
    expect(out.out).toContain('OK   recordings/01-FILE0001.MP4');
  });

  it('R444-14 an edited manifest fails the signature', async () => {
    const text = fs.readFileSync(file('manifest.json'), 'utf8');
    fs.writeFileSync(file('manifest.json'), text.replace('2-1234/2026', '2-9999/2026'));
    const r = await verifyBoth();
    expect(r.signature).toEqual({ ok: false, reason: 'signature_invalid' });
    expect(failing(r)).toEqual([]);
    expect(r.ok).toBe(false);
  });

  it('R444-14 an edited custody entry is named by its seq', async () => {
    editJson('custody.json', (c) => {
      c.segments[1]!.entries[0]!.recordedAt = '2026-11-20T05:03:30.000Z';
    });
    const r = await verifyBoth();
    expect(custodyFailures(r)).toEqual([{ seq: 4, reason: 'entry_hash_mismatch' }]);
    expect(r.custody.recordings.find((b) => b.recordingId === fx.recordings[0]!.id)).toMatchObject({
      ok: false,
      reason: 'seq_not_verified',
      seq: 4,
    });
    expect(failing(r)).toEqual([{ path: 'custody.json', reason: 'hash_mismatch' }]);
  });

  it('R444-14 a custody payload that does not hash to its payloadHash is named by its seq', async () => {
    editJson('custody.json', (c) => {
      const e = c.segments[0]!.entries[1]!;
      e.payload = e.payload.replace('"size":', '"size":1');
    });
    const r = await verifyBoth();
    expect(custodyFailures(r)).toEqual([{ seq: 2, reason: 'payload_hash_mismatch' }]);
    expect(r.custody.ok).toBe(false);
  });

  it('R444-14 an ingest entry that recorded another SHA-256 than the file in the package fails the binding', async () => {
    fx.cleanup();
    fx = await buildPackageFixture({ ingestSha256Override: 'f'.repeat(64) });
    const r = await verifyBoth();
    expect(r.signature.ok).toBe(true);
    expect(failing(r)).toEqual([]);
    expect(custodyFailures(r)).toEqual([]);
    expect(r.custody.recordings.filter((b) => !b.ok)).toEqual([
      expect.objectContaining({ recordingId: fx.recordings[0]!.id, reason: 'ingest_sha256_mismatch', seq: 2 }),
    ]);
    expect(r.ok).toBe(false);
  });

  it('R444-14 a removed entry and a forged checkpoint signature are found', async () => {
    editJson('custody.json', (c) => {
      c.segments[0]!.entries.splice(1, 1);
      c.checkpoints[1]!.signature = c.checkpoints[0]!.signature;
    });
    const r = await verifyBoth();
    expect(custodyFailures(r)).toEqual([
      { seq: 3, reason: 'seq_not_consecutive' },
      { seq: 3, reason: 'prev_hash_mismatch' },
      { seq: 5, reason: 'checkpoint_signature_invalid' },
    ]);
  });

  it('R444-14 a missing file is named; an extra file is reported and fails; OS metadata files are only listed', async () => {
    fs.rmSync(file('materials/01-act.pdf'));
    fs.writeFileSync(file('recordings/notes.txt'), 'added later');
    fs.writeFileSync(file('.DS_Store'), 'finder');
    const r = await verifyBoth();
    expect(failing(r)).toEqual([
      { path: 'materials/01-act.pdf', reason: 'missing' },
      { path: 'recordings/notes.txt', reason: 'not_in_manifest' },
    ]);
    expect(r.files.find((f) => f.path === '.DS_Store')).toMatchObject({ kind: 'ignored', ok: true });
    expect(r.ok).toBe(false);
  });

  it('R444-14 a manifest path leaving the package folder is refused, never read', async () => {
    const outside = path.join(fx.dir, 'outside.bin');
    fs.writeFileSync(outside, 'secret');
    const text = fs.readFileSync(file('manifest.json'), 'utf8');
    fs.writeFileSync(file('manifest.json'), text.replace('"materials/01-act.pdf"', '"../outside.bin"'));
    const r = await verifyPackageAt(fx.folder);
    expect(failing(r)).toEqual([
      { path: '../outside.bin', reason: 'bad_path' },
      { path: 'materials/01-act.pdf', reason: 'not_in_manifest' },
    ]);
  });
});
