import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPackageAt } from '../../../src/kernel/evidence-packages/verify/verifyPackage.ts';
import { decodeCodePage } from '../../../src/kernel/evidence-packages/verify/verify-core.js';
import { buildPackageFixture, type PackageFixture } from '../../support/package-fixture.ts';

// A recipient unzips a package and zips it again with Debian's `zip` (scripts/system-deps.sh installs it),
// which stores UTF-8 names without marking them UTF-8. Names must be read as unzip tools read them.
const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');
const cli = (...args: string[]) =>
  run('node', [BIN, 'verify', ...args]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );

const MATERIAL = 'Тексеру актісі №12.pdf';
let fx: PackageFixture;
const problems = (r: Awaited<ReturnType<typeof verifyPackageAt>>) => r.files.filter((f) => !f.ok).map((f) => [f.path, f.reason]);

/** `zip -r` of the package folder as a person would type it, in the C locale of a server. */
async function debianZip(name: string) {
  const out = path.join(fx.dir, name);
  await run('zip', ['-qr', out, fx.number], { cwd: fx.dir, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  return out;
}

/** The raw name and general-purpose flags of the ZIP entry ending in `suffix`. */
async function rawEntry(zipFile: string, suffix: Buffer) {
  const zip = await yauzl.openPromise(zipFile, { lazyEntries: true, decodeStrings: false });
  try {
    for await (const e of zip.eachEntry()) {
      const raw = e.fileName as unknown as Buffer;
      if (raw.subarray(-suffix.length).equals(suffix)) return { raw, utf8Flag: (e.generalPurposeBitFlag & 0x800) !== 0 };
    }
  } finally {
    zip.close();
  }
  throw new Error('entry not found');
}

describe('R444-14 a package zipped again by another tool still verifies, and says how its names were read', () => {
  beforeEach(async () => {
    fx = await buildPackageFixture({ materialName: MATERIAL });
  });
  afterEach(() => fx.cleanup());

  it('R444-14 re-zipped with Debian zip (UTF-8 names, no UTF-8 flag): every file found, verified, the names noted as unmarked — no missing, no extra', async () => {
    const rezipped = await debianZip('rezipped.zip');
    expect(await rawEntry(rezipped, Buffer.from(MATERIAL))).toMatchObject({ utf8Flag: false }); // what the case is about

    const r = await verifyPackageAt(rezipped);
    expect(problems(r)).toEqual([]);
    expect(r.files.find((f) => f.path === `materials/${MATERIAL}`)).toMatchObject({ ok: true, kind: 'material' });
    expect(r.ok).toBe(true);
    expect(r.zipNames).toBe('utf8_unmarked');

    const out = await cli(rezipped);
    expect(out.code).toBe(0);
    expect(out.out).toContain('NOTE The file names in this ZIP are not marked UTF-8');
    expect(out.out).toContain(`OK   materials/${MATERIAL}`);
    expect(out.out).not.toMatch(/FAIL|Extra file/);
  });

  it('R444-14 unzipped by a tool that read the UTF-8 names as CP437 or CP866: the file is found under its garbled name and said so', async () => {
    for (const encoding of ['cp437', 'cp866'] as const) {
      const garbled = decodeCodePage([...Buffer.from(MATERIAL)], encoding);
      const folder = path.join(fx.dir, `unzipped-${encoding}`);
      fs.cpSync(fx.folder, folder, { recursive: true });
      fs.renameSync(path.join(folder, 'materials', MATERIAL), path.join(folder, 'materials', garbled));

      const r = await verifyPackageAt(folder);
      expect(problems(r), encoding).toEqual([]);
      expect(
        r.files.find((f) => f.path === `materials/${MATERIAL}`),
        encoding,
      ).toMatchObject({
        ok: true,
        foundAs: `materials/${garbled}`,
        nameEncoding: encoding,
      });
      expect(r.files.some((f) => f.kind === 'extra')).toBe(false);
      const out = await cli(folder);
      expect(out.code).toBe(0);
      expect(out.out).toContain(`Found as “materials/${garbled}”: its UTF-8 name was read as ${encoding.toUpperCase()}`);
    }
  });

  it('R444-14 names stored in another code page (not UTF-8): the report says exactly that the names are not UTF-8', async () => {
    // A legacy Windows tool in Russian stores names in CP866 bytes, unmarked.
    const bytes = Buffer.from(
      [...MATERIAL].map((ch) => {
        const hi = [...Array(128).keys()].find((i) => decodeCodePage([0x80 + i], 'cp866') === ch);
        return hi === undefined ? ch.charCodeAt(0) : 0x80 + hi;
      }),
    );
    const dir = Buffer.from(path.join(fx.folder, 'materials') + '/');
    fs.renameSync(path.join(fx.folder, 'materials', MATERIAL), Buffer.concat([dir, bytes]));
    const rezipped = await debianZip('legacy.zip');

    const r = await verifyPackageAt(rezipped);
    expect(r.zipNames).toBe('not_utf8');
    expect(r.ok).toBe(false);
    const out = await cli(rezipped);
    expect(out.code).toBe(1);
    expect(out.out).toContain('NOTE Some file names in this ZIP are not UTF-8; they were read as CP437, the ZIP default');
  });
});
