import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPackageAt } from '../../../src/kernel/evidence-packages/verify/verifyPackage.ts';
import { buildPackageFixture, flipByte, type PackageFixture } from '../../support/package-fixture.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');
const cli = (...args: string[]) =>
  run('node', [BIN, 'verify', ...args]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e) => ({ code: e.code as number, out: e.stdout as string }),
  );

let fx: PackageFixture;
afterEach(() => fx?.cleanup());

/** The folder and the ZIP say the same. */
async function verifyBoth() {
  await fx.rezip();
  const [folder, zip] = [await verifyPackageAt(fx.folder), await verifyPackageAt(fx.zip)];
  expect(zip).toEqual(folder);
  return folder;
}

describe('R444-14 R335-3 files bound to the ledger entry that recorded them, and the custody of any ledger subject', () => {
  it('R335-3 a clip bound to the entry that added it, and its application’s custody, verify; the CLI says what it bound', async () => {
    fx = await buildPackageFixture({ disclosedClip: {} });
    const r = await verifyBoth();
    expect(r.ok).toBe(true);
    expect(r.files.find((f) => f.path === fx.clip!.path)).toMatchObject({ kind: 'clip', ok: true });
    expect(r.custody.files).toEqual([{ path: fx.clip!.path, seq: fx.clip!.seq, ok: true }]);
    expect(r.custody.subjects).toEqual([
      { subjectType: 'cctv_access_request', subjectId: fx.clip!.subjectId, seqs: [fx.clip!.seq - 1, fx.clip!.seq], ok: true },
    ]);
    const out = await cli(fx.zip);
    expect(out.code, out.out).toBe(0);
    expect(out.out).toContain('OK   clips/01-clip.mp4  (clip');
    expect(out.out).toContain('2 recordings bound, 1 file bound to ledger entries, custody of 1 subject');
  });

  it('R335-3 an entry that recorded another SHA-256 than the clip in the package fails the binding, naming the file and the entry', async () => {
    fx = await buildPackageFixture({ disclosedClip: { recordedSha256: 'e'.repeat(64) } });
    const r = await verifyBoth();
    expect(r.signature.ok).toBe(true);
    expect(r.files.every((f) => f.ok)).toBe(true);
    expect(r.custody.files).toEqual([{ path: fx.clip!.path, seq: fx.clip!.seq, ok: false, reason: 'entry_sha256_mismatch' }]);
    expect(r.custody.ok).toBe(false);
    expect(r.ok).toBe(false);
    const out = await cli(fx.zip);
    expect(out.code).toBe(1);
    expect(out.out).toContain(`FAIL custody  file ${fx.clip!.path} entry ${fx.clip!.seq} — The SHA-256 hash recorded in the ledger`);
  });

  it('R335-3 a manifest naming another action than the entry’s fails the binding', async () => {
    fx = await buildPackageFixture({ disclosedClip: { action: 'cctv.request_proof_added' } });
    const r = await verifyBoth();
    expect(r.custody.files).toEqual([{ path: fx.clip!.path, seq: fx.clip!.seq, ok: false, reason: 'binding_entry_mismatch' }]);
    expect(r.ok).toBe(false);
  });

  it('R335-3 a subject listed with an entry about another subject fails; so does a binding to an entry outside every verified segment', async () => {
    fx = await buildPackageFixture({ disclosedClip: {} });
    const custody = path.join(fx.folder, 'custody.json');
    const edit = (
      change: (doc: {
        subjects: Record<string, Record<string, number[]>>;
        segments: { entries: { seq: number; recordedAt: string }[] }[];
      }) => void,
    ) => {
      const doc = JSON.parse(fs.readFileSync(custody, 'utf8'));
      change(doc);
      fs.writeFileSync(custody, JSON.stringify(doc, null, 2));
    };
    edit((doc) => doc.subjects.cctv_access_request![fx.clip!.subjectId]!.push(2)); // seq 2 is a recording's ingest
    let r = await verifyBoth();
    expect(r.files.find((f) => f.path === 'custody.json')).toMatchObject({ ok: false });
    expect(r.custody.subjects).toEqual([expect.objectContaining({ ok: false, reason: 'subject_mismatch', seq: 2 })]);
    expect(r.custody.files).toEqual([{ path: fx.clip!.path, seq: fx.clip!.seq, ok: true }]);

    edit((doc) => (doc.segments[1]!.entries.find((e) => e.seq === fx.clip!.seq)!.recordedAt = '2030-01-01T00:00:00.000Z'));
    r = await verifyBoth();
    expect(r.custody.files).toEqual([{ path: fx.clip!.path, seq: fx.clip!.seq, ok: false, reason: 'seq_not_verified' }]);
    expect(r.custody.subjects[0]).toMatchObject({ ok: false, reason: 'seq_not_verified', seq: fx.clip!.seq - 1 });
    expect(r.ok).toBe(false);
  });

  it('R335-3 one flipped byte in the clip fails naming it', async () => {
    fx = await buildPackageFixture({ disclosedClip: {} });
    flipByte(path.join(fx.folder, fx.clip!.path));
    const r = await verifyBoth();
    expect(r.files.filter((f) => !f.ok)).toEqual([expect.objectContaining({ path: fx.clip!.path, reason: 'hash_mismatch' })]);
    expect(r.ok).toBe(false);
  });
});
