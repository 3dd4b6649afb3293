import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';
import { openBlobStore } from '../../../src/platform/storage/open-store.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

/*
 * A REAL full disk (R444-11, R444-13): the data folder is a tmpfs of 8 MiB, filled by a file of the test
 * (what another program or the uploads of other recorders would do), so the server meets ENOSPC from the kernel.
 * Mounting needs root (CI runs as root); elsewhere the tests are skipped, saying why.
 */

const MiB = 1 << 20;
const b64 = (v: string) => Buffer.from(v).toString('base64');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-diskfull-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (e) {
  const why = String((e as { stderr?: Buffer }).stderr ?? e).trim();
  console.warn(`disk-full tests skipped: mounting a tmpfs was not permitted (${why}); they need root, as in CI`);
}

/** The file that fills the disk, up to `leave` bytes free (0: until the kernel says ENOSPC). */
const filler = path.join(mountPoint, 'filler');
function fillDisk(leave: number) {
  const fd = fs.openSync(filler, 'a');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) {
      const free = fs.statfsSync(mountPoint).bavail * fs.statfsSync(mountPoint).bsize;
      if (free <= leave) return;
      fs.writeSync(fd, chunk, 0, Math.min(chunk.length, free - leave));
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  } finally {
    fs.closeSync(fd);
  }
}
const freeDisk = () => fs.rmSync(filler, { force: true });

interface Logged {
  level: number;
  msg: string;
  code?: string;
  details?: { freeBytes?: number };
}

describe.skipIf(!mounted)('R444-11 R444-13 the blob store’s disk is full', () => {
  let ctx: TestContext;
  let w: Awaited<ReturnType<typeof seedJournalWorld>>;
  let token: string;
  let server: string;
  const logs: Logged[] = [];
  const tusDir = () => path.join(ctx.deps.store.stagingDir, 'tus');
  const tus = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', ...extra });
  const meta = (name: string, sha256?: string) =>
    [
      `filename ${b64(name)}`,
      `inventoryNumber ${b64('ВР-001')}`,
      `modifiedAt ${b64('2026-03-02T05:30:00Z')}`,
      ...(sha256 ? [`sha256 ${b64(sha256)}`] : []),
    ].join(',');
  const create = (size: number, name: string, sha256?: string, lang = 'kk') =>
    fetch(`${server}/api/v1/dock/uploads`, {
      method: 'POST',
      headers: tus({ 'upload-length': String(size), 'upload-metadata': meta(name, sha256), 'accept-language': lang }),
    });
  const patch = (url: URL, offset: number, body: Buffer, lang = 'kk') =>
    fetch(url, {
      method: 'PATCH',
      headers: tus({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'accept-language': lang }),
      body,
    });
  const headOffset = async (url: URL) => Number((await fetch(url, { method: 'HEAD', headers: tus() })).headers.get('upload-offset'));
  const rowsInProgress = async () => (await ctx.sql('SELECT upload_id FROM uploads_in_progress')).rows.map((r) => r.upload_id as string);

  // The 5 MiB file whose PATCH meets the full disk, created while space was free.
  const file = randomBytes(5 * MiB + 4321);
  let url: URL;

  beforeAll(async () => {
    ctx = await createTestContext(
      { DATA_DIR: path.join(mountPoint, 'data'), STORAGE_RESERVE_MB: '1' },
      {
        log: {
          write: (line: string) => {
            logs.push(JSON.parse(line) as Logged);
          },
        },
      },
    );
    w = await seedJournalWorld(ctx);
    token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
    server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
    try {
      execFileSync('umount', ['-l', mountPoint]);
    } finally {
      fs.rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  it('R444-11 R444-13 a PATCH that meets a full disk answers a coded, translated 507 with the free space, and it is logged as an error', async () => {
    const created = await create(file.length, 'REC_0001.mp4', sha(file));
    expect(created.status).toBe(201);
    url = new URL(created.headers.get('location')!, server);
    fillDisk(2 * MiB); // room for part of the file only

    const res = await patch(url, 0, file, 'ru');
    expect(res.status).toBe(507);
    expect(res.headers.get('tus-resumable')).toBe('1.0.0');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const { error } = (await res.json()) as { error: { code: string; message: string; details: { freeBytes: number; reserveMb: number } } };
    expect(error.code).toBe('storage.disk_full');
    expect(error.details.freeBytes).toBeLessThan(MiB);
    expect(error.details.reserveMb).toBe(1);
    expect(error.message).toMatch(/^На диске сервера хранения данных не хватает места: свободно \d+(\.\d)? МБ/);
    expect(error.message).not.toMatch(/ENOSPC|no space/i);

    const logged = logs.filter((l) => l.level >= 50 && l.code === 'storage.disk_full');
    expect(logged, JSON.stringify(logs.filter((l) => l.level >= 50))).toHaveLength(1);
    expect(logged[0]!.details!.freeBytes).toBe(error.details.freeBytes);

    // What reached the disk before it filled is kept, byte for byte: the upload is partial, not lost.
    const offset = await headOffset(url);
    expect(offset).toBeGreaterThan(MiB);
    expect(offset).toBeLessThan(file.length);
    expect(fs.readFileSync(path.join(tusDir(), url.pathname.split('/').pop()!)).equals(file.subarray(0, offset))).toBe(true);
  });

  it('R444-11 below the reserve a new upload is refused up front, in Kazakh by default, and leaves no file or row behind', async () => {
    const before = fs.readdirSync(tusDir()).sort();
    const rows = await rowsInProgress();
    const res = await create(MiB, 'REC_0002.mp4');
    expect(res.status).toBe(507);
    expect(res.headers.get('tus-resumable')).toBe('1.0.0');
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('storage.disk_full');
    expect(error.message).toMatch(
      /^Деректерді сақтау серверінің дискісінде орын жетіспейді: \d+(\.\d)? МБ бос, ал қор ретінде кемінде 1 МБ/,
    );
    expect(fs.readdirSync(tusDir()).sort()).toEqual(before);
    expect(await rowsInProgress()).toEqual(rows);
  });

  it('R444-13 the responsible person sees the partial upload with its size and age beside the free space', async () => {
    const res = await w.resp.get(w.api('/partial-uploads'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.freeBytes).toBeLessThan(body.reserveBytes);
    expect(body.reserveBytes).toBe(MiB);
    expect(body.totalBytes).toBe(8 * MiB);
    expect(body.uploads).toEqual([
      expect.objectContaining({
        uploadId: url.pathname.split('/').pop(),
        inventoryNumber: 'ВР-001',
        fileName: 'REC_0001.mp4',
        receivedBytes: await headOffset(url),
        sizeBytes: file.length,
        awaitingConfirmation: false,
      }),
    ]);
    expect(Date.parse(body.uploads[0].lastWrittenAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('R444-11 after space is freed, HEAD gives the offset and the upload resumes there to a recording with the same SHA-256', async () => {
    freeDisk();
    const offset = await headOffset(url);
    const res = await patch(url, offset, file.subarray(offset));
    expect(res.status).toBe(204);
    expect(res.headers.get('baqylau-sha256')).toBe(sha(file));
    const receipt = await fetch(`${server}/api/v1/dock/receipts/${url.pathname.split('/').pop()}`, { headers: tus() });
    expect(await receipt.json()).toMatchObject({ sha256: sha(file), size: file.length });
    const object = path.join(ctx.deps.config.dataDir, 'blobs', 'objects', sha(file).slice(0, 2), sha(file).slice(2, 4), sha(file));
    expect(sha(fs.readFileSync(object))).toBe(sha(file));
  });

  it('R444-13 the responsible person removes a partial upload that holds space, with a reason in the ledger; a recording is never removed so', async () => {
    const part = randomBytes(2 * MiB);
    const created = await create(3 * MiB, 'REC_0003.mp4');
    const second = new URL(created.headers.get('location')!, server);
    expect((await patch(second, 0, part)).status).toBe(204);
    const id = second.pathname.split('/').pop()!;
    expect(fs.existsSync(path.join(tusDir(), id))).toBe(true);

    const noReason = await w.resp.post(w.api(`/partial-uploads/${id}/remove`), {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('reason');

    const removed = await w.resp.post(w.api(`/partial-uploads/${id}/remove`), { reason: 'ВР-002 істен шықты, файл қайта жүктеледі' });
    expect(removed.statusCode).toBe(200);
    expect(fs.existsSync(path.join(tusDir(), id))).toBe(false);
    expect(fs.existsSync(path.join(tusDir(), `${id}.json`))).toBe(false);
    expect((await w.resp.get(w.api('/partial-uploads'))).json().uploads).toEqual([]);
    // The agent's HEAD finds it gone and starts the file anew.
    expect((await fetch(second, { method: 'HEAD', headers: tus() })).status).toBe(404);

    const head = await w.world.as('head');
    const ledger = (await head.get(w.api('/ledger?action=upload.removed'))).json() as { actorId: string; payload: unknown }[];
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ actorId: w.world.userIds.get('responsible') });
    expect(JSON.stringify(ledger[0]!.payload)).toContain('ВР-002 істен шықты');

    // The first upload became a recording: it is no partial upload to remove.
    const committed = await w.resp.post(w.api(`/partial-uploads/${url.pathname.split('/').pop()}/remove`), { reason: 'тексеру' });
    expect(committed.statusCode).toBe(404);
  });

  it('R444-11 a reserve the disk cannot hold, or one that is no number, stops start-up naming STORAGE_RESERVE_MB', async () => {
    const config = loadConfig({ DATA_DIR: path.join(mountPoint, 'big'), STORAGE_RESERVE_MB: '8' });
    await expect(openBlobStore(config)).rejects.toThrow(ConfigError);
    await expect(openBlobStore(config)).rejects.toThrow(
      /^Invalid configuration: STORAGE_RESERVE_MB=8 is not smaller than the file system of .* \(8 MiB\)/,
    );
    expect(() => loadConfig({ STORAGE_RESERVE_MB: '1 GB' })).toThrow(
      'Invalid configuration: STORAGE_RESERVE_MB="1 GB" must be a whole number',
    );
  });

  it('R444-13 a creation the full disk stops half-way (no reserve configured) answers 507 and leaves no zero-byte file, description or row', async () => {
    const bare = await createTestContext({ DATA_DIR: path.join(mountPoint, 'bare'), STORAGE_RESERVE_MB: '0' });
    try {
      const bw = await seedJournalWorld(bare);
      const t = (await bw.resp.post(bw.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
      const base = await bare.app.listen({ port: 0, host: '127.0.0.1' });
      const dir = path.join(bare.deps.store.stagingDir, 'tus');
      fillDisk(0);
      const res = await fetch(`${base}/api/v1/dock/uploads`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${t}`,
          'tus-resumable': '1.0.0',
          'upload-length': String(MiB),
          'upload-metadata': meta('REC_0009.mp4'),
        },
      });
      expect(res.status).toBe(507);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('storage.disk_full');
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
      expect((await bare.sql('SELECT count(*)::int AS n FROM uploads_in_progress')).rows[0]!.n).toBe(0);
    } finally {
      freeDisk();
      await bare.close();
    }
  });
});
