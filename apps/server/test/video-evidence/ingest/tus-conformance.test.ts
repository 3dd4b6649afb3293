import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

// tus 1.0.0 as a vendor's dock sees it: raw HTTP, as curl would send it.
let ctx: TestContext;
let token: string;
let server: string;

const b64 = (v: string) => Buffer.from(v).toString('base64');
const TUS = { 'tus-resumable': '1.0.0' };
const auth = () => ({ authorization: `Bearer ${token}` });
const OCTETS = { 'content-type': 'application/offset+octet-stream' };

beforeAll(async () => {
  ctx = await createTestContext();
  const w = await seedJournalWorld(ctx);
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Бөтен өндірушінің док-станциясы' })).json().secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await ctx.close();
});

const metadata = (extra: Record<string, string> = {}) =>
  Object.entries({
    filename: `v-${randomBytes(3).toString('hex')}.mp4`,
    inventoryNumber: 'ВР-001',
    modifiedAt: '2026-03-02T05:30:00Z',
    ...extra,
  })
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');

async function create(size: number, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${server}/api/v1/dock/uploads`, {
    method: 'POST',
    headers: { ...auth(), ...TUS, 'upload-length': String(size), 'upload-metadata': metadata(extra), ...headers },
  });
  return { res, url: res.headers.get('location') ? new URL(res.headers.get('location')!, server) : undefined };
}

const offsetOf = async (url: URL) => (await fetch(url, { method: 'HEAD', headers: { ...auth(), ...TUS } })).headers.get('upload-offset');

/** A refusal as the protocol and the API's conventions want it: Tus-Resumable, a JSON body sent as JSON, a code. */
async function expectRefusal(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('tus-resumable')).toBe('1.0.0');
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toBe('');
  return body.error;
}

describe('R444-11 tus 1.0.0 as the specification has it, for docks of other vendors', () => {
  it('R444-11 expiration is advertised, so a creation and an unfinished PATCH say when the upload expires (Upload-Expires, RFC 7231)', async () => {
    const options = await fetch(`${server}/api/v1/dock/uploads`, { method: 'OPTIONS' });
    expect(options.headers.get('tus-extension')?.split(',')).toContain('expiration');
    const before = Date.now();
    const { res, url } = await create(1000);
    expect(res.status).toBe(201);
    const expires = res.headers.get('upload-expires')!;
    expect(expires).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const hours = ctx.deps.config.uploadExpiryHours;
    expect(Date.parse(expires)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + hours * 3_600_000);
    expect(Date.parse(expires)).toBeLessThanOrEqual(Date.now() + hours * 3_600_000);
    const patch = await fetch(url!, {
      method: 'PATCH',
      headers: { ...auth(), ...TUS, ...OCTETS, 'upload-offset': '0' },
      body: randomBytes(400),
    });
    expect(patch.status).toBe(204);
    expect(patch.headers.get('upload-expires')).toBe(expires);
  });

  it('R444-11 an unsupported or missing Tus-Resumable is 412 with Tus-Version, and nothing is created', async () => {
    const staged = fs.readdirSync(path.join(ctx.deps.store.stagingDir, 'tus')).length;
    for (const version of ['0.2.2', '2.0.0', undefined]) {
      const res = await fetch(`${server}/api/v1/dock/uploads`, {
        method: 'POST',
        headers: { ...auth(), ...(version ? { 'tus-resumable': version } : {}), 'upload-length': '10', 'upload-metadata': metadata() },
      });
      await expectRefusal(res, 412, 'ingest.tus_version_unsupported');
      expect(res.headers.get('tus-version')?.split(',')).toContain('1.0.0');
    }
    expect(fs.readdirSync(path.join(ctx.deps.store.stagingDir, 'tus'))).toHaveLength(staged);
  });

  it('R444-11 a PATCH whose content type is not application/offset+octet-stream is 415 with Tus-Resumable; the offset stays', async () => {
    const { url } = await create(2000);
    for (const type of ['text/plain', 'application/json', 'application/octet-stream', undefined]) {
      const res = await fetch(url!, {
        method: 'PATCH',
        headers: { ...auth(), ...TUS, 'upload-offset': '0', ...(type ? { 'content-type': type } : {}) },
        body: type === 'application/json' ? '{"a":1}' : randomBytes(100),
      });
      await expectRefusal(res, 415, 'ingest.content_type_unsupported');
    }
    expect(await offsetOf(url!)).toBe('0');
  });

  it('R444-11 DELETE names the protocol version (412 without), terminates once (204), then answers 404', async () => {
    const { url } = await create(3000);
    await expectRefusal(await fetch(url!, { method: 'DELETE', headers: auth() }), 412, 'ingest.tus_version_unsupported');
    expect(await offsetOf(url!)).toBe('0');
    const first = await fetch(url!, { method: 'DELETE', headers: { ...auth(), ...TUS } });
    expect(first.status).toBe(204);
    expect(first.headers.get('tus-resumable')).toBe('1.0.0');
    await expectRefusal(await fetch(url!, { method: 'DELETE', headers: { ...auth(), ...TUS } }), 404, 'ingest.upload_not_found');
    await expectRefusal(
      await fetch(url!, { method: 'PATCH', headers: { ...auth(), ...TUS, ...OCTETS, 'upload-offset': '0' }, body: 'x' }),
      404,
      'ingest.upload_not_found',
    );
  });

  it('R444-11 401 and 500 carry Tus-Resumable too, as JSON; a 500 shows no operating-system text', async () => {
    const noToken = await fetch(`${server}/api/v1/dock/uploads`, { method: 'POST', headers: { ...TUS, 'upload-length': '10' } });
    await expectRefusal(noToken, 401, 'auth.unauthenticated');
    const badToken = await fetch(`${server}/api/v1/dock/uploads`, {
      method: 'POST',
      headers: { ...TUS, authorization: 'Bearer bqt_nope' },
    });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get('tus-resumable')).toBe('1.0.0');

    // The staging folder replaced by a file: the creation fails inside the tus server.
    const dir = path.join(ctx.deps.store.stagingDir, 'tus');
    fs.renameSync(dir, `${dir}.away`);
    fs.writeFileSync(dir, '');
    try {
      const { res } = await create(10);
      const error = await expectRefusal(res, 500, 'server.internal');
      expect(error.message).not.toMatch(/ENOTDIR|ENOENT|Something went wrong/);
    } finally {
      fs.rmSync(dir);
      fs.renameSync(`${dir}.away`, dir);
    }
  });

  it('R444-11 a SHA-256 that differs is 409, not 460 (the checksum extension is not offered); errors are JSON in the caller language', async () => {
    const options = await fetch(`${server}/api/v1/dock/uploads`, { method: 'OPTIONS' });
    expect(options.headers.get('tus-extension')?.split(',')).not.toContain('checksum');
    const bytes = randomBytes(5000);
    const { url } = await create(bytes.length, { sha256: createHash('sha256').update('other bytes').digest('hex') });
    const res = await fetch(url!, {
      method: 'PATCH',
      headers: { ...auth(), ...TUS, ...OCTETS, 'upload-offset': '0', 'accept-language': 'ru' },
      body: bytes,
    });
    const error = await expectRefusal(res, 409, 'ingest.checksum_mismatch');
    expect(error.message).toContain('не совпадает SHA-256');

    const { url: other } = await create(100);
    const conflict = await fetch(other!, { method: 'PATCH', headers: { ...auth(), ...TUS, ...OCTETS, 'upload-offset': '7' }, body: 'abc' });
    await expectRefusal(conflict, 409, 'ingest.offset_conflict');
    const tooMuch = await fetch(other!, {
      method: 'PATCH',
      headers: { ...auth(), ...TUS, ...OCTETS, 'upload-offset': '0' },
      body: randomBytes(101),
    });
    await expectRefusal(tooMuch, 413, 'ingest.too_large');
    // HEAD has no body to read; its status, version and type are as the others'.
    const head = await fetch(`${other!.href}x`, { method: 'HEAD', headers: { ...auth(), ...TUS } });
    expect([head.status, head.headers.get('tus-resumable'), head.headers.get('content-type')]).toEqual([
      404,
      '1.0.0',
      expect.stringMatching(/^application\/json/),
    ]);
  });

  it("R444-11 a browser may read the server's SHA-256 and recording (Access-Control-Expose-Headers)", async () => {
    const bytes = randomBytes(700);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { url } = await create(bytes.length, { sha256 }, { origin: 'http://dock.example' });
    const res = await fetch(url!, {
      method: 'PATCH',
      headers: { ...auth(), ...TUS, ...OCTETS, 'upload-offset': '0', origin: 'http://dock.example' },
      body: bytes,
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('baqylau-sha256')).toBe(sha256);
    const exposed = res.headers.get('access-control-expose-headers')!.split(/\s*,\s*/);
    expect(exposed).toEqual(
      expect.arrayContaining(['Baqylau-Sha256', 'Baqylau-Recording-Id', 'Upload-Expires', 'Upload-Offset', 'Location']),
    );
    const refused = await fetch(`${server}/api/v1/dock/uploads`, { method: 'POST', headers: { origin: 'http://dock.example', ...TUS } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('access-control-expose-headers')).toContain('Tus-Resumable');
  });
});
