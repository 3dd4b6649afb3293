import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceHttpStack, DeviceSlice } from './device-http-stack.ts';

const MiB = 1 << 20;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A real HTTP peer that keeps what each request carried. */
let server: http.Server;
let url: string;
const received: { method: string; length: string | undefined; body: Buffer; complete: boolean }[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('close', () =>
      received.push({ method: req.method!, length: req.headers['content-length'], body: Buffer.concat(parts), complete: req.complete }),
    );
    req.on('end', () => res.writeHead(204, { 'Upload-Offset': String(Buffer.concat(parts).length) }).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/dock/uploads/x`;
});
afterAll(() => new Promise((r) => server.close(r)));

function deviceFile(bytes: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-device-')), 'A_0001.mp4');
  fs.writeFileSync(file, bytes);
  return file;
}

describe('R444-11 the agent sends a device file slice from reused buffers', () => {
  it('R444-11 every byte of the slice goes out once, in order, hashed as read, with its Content-Length and progress to the end', async () => {
    const bytes = randomBytes(9 * MiB + 12345); // more buffers' worth than the agent keeps, and a partial last one
    const file = deviceFile(bytes);
    const fh = await fsp.open(file, 'r');
    const seen: { pos: number; chunk: Buffer }[] = [];
    const readErrors: Error[] = [];
    const progress: number[] = [];
    const start = 777;
    const slice = new DeviceSlice(
      file,
      fh,
      start,
      bytes.length,
      (pos, chunk) => seen.push({ pos, chunk: Buffer.from(chunk) }),
      (e) => readErrors.push(e),
    );
    const req = new DeviceHttpStack().createRequest('PATCH', url);
    req.setHeader('Upload-Offset', String(start));
    req.setProgressHandler((sent) => progress.push(sent));
    const res = await req.send(slice);
    await fh.close();
    expect(res.getStatus()).toBe(204);
    expect(res.getHeader('Upload-Offset')).toBe(String(bytes.length - start));
    const got = received.at(-1)!;
    expect(got).toMatchObject({ method: 'PATCH', length: String(bytes.length - start), complete: true });
    expect(sha(got.body)).toBe(sha(bytes.subarray(start)));
    expect(readErrors).toEqual([]);
    // Handed to the hash contiguously from the slice's start.
    expect(seen.map((s) => s.pos)).toEqual(seen.map((_, i) => start + seen.slice(0, i).reduce((n, s) => n + s.chunk.length, 0)));
    expect(sha(Buffer.concat(seen.map((s) => s.chunk)))).toBe(sha(bytes.subarray(start)));
    expect(progress.at(-1)).toBe(bytes.length - start);
  });

  it('R444-11 a file cut short under the agent (device going away) ends the request and reports the short read; nothing more is sent', async () => {
    const bytes = randomBytes(6 * MiB);
    const file = deviceFile(bytes);
    const fh = await fsp.open(file, 'r');
    fs.truncateSync(file, 2 * MiB + 5);
    const errors: Error[] = [];
    const slice = new DeviceSlice(
      file,
      fh,
      0,
      bytes.length,
      () => undefined,
      (e) => errors.push(e),
    );
    const before = received.length;
    await expect(new DeviceHttpStack().createRequest('PATCH', url).send(slice)).rejects.toThrow();
    await fh.close();
    expect(errors.map((e) => e.message)).toEqual([`${file}: read ${5} of ${MiB} bytes at ${2 * MiB}`]);
    await expect.poll(() => received.length).toBe(before + 1);
    const got = received.at(-1)!;
    expect(got.complete).toBe(false);
    expect(got.body.length).toBeLessThanOrEqual(2 * MiB + 5);
    expect(got.body.equals(bytes.subarray(0, got.body.length))).toBe(true);
  });
});
