import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { uncopiedBody, useUncopiedBody } from './request-body.ts';

const asRequest = (s: PassThrough) => s as unknown as IncomingMessage;

describe('R444-11 the tus PATCH body without a copy per chunk', () => {
  it('R444-11 hands over the request chunks themselves, in order, and ends with the request', async () => {
    const req = new PassThrough();
    const sent = [Buffer.from('first '), Buffer.from('second '), Buffer.alloc(70_000, 7)];
    const body = uncopiedBody(asRequest(req));
    for (const c of sent) req.write(c);
    req.end();
    const got: Buffer[] = [];
    for await (const c of Readable.fromWeb(body as never)) got.push(c as Buffer);
    expect(Buffer.concat(got).equals(Buffer.concat(sent))).toBe(true);
    // Same memory as the request's chunks: no copy was made.
    expect(got.map((c) => c.buffer)).toEqual(sent.map((c) => c.buffer));
  });

  it('R444-11 leaves the rest in the request (paused) while 64 KiB wait unread, and resumes it as they are read', async () => {
    const req = new PassThrough({ highWaterMark: 1 });
    const body = uncopiedBody(asRequest(req));
    for (let i = 0; i < 4; i++) req.write(Buffer.alloc(40_000));
    req.end();
    await new Promise((r) => setImmediate(r));
    expect(req.isPaused()).toBe(true);
    expect(req.readableLength).toBeGreaterThan(0);
    const reader = body.getReader();
    let total = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) total += r.value.length;
    expect(total).toBe(160_000);
  });

  it('R444-11 a request cut off mid-body errors the stream as an abort, as Readable.toWeb does', async () => {
    const req = new PassThrough();
    const body = uncopiedBody(asRequest(req));
    req.write(Buffer.from('part'));
    req.destroy();
    const reader = body.getReader();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('R444-11 only a PATCH made from a Node request gets the uncopied body', () => {
    const node = new PassThrough();
    const patch = { method: 'PATCH', runtime: { node: { req: node } } } as unknown as Request;
    useUncopiedBody(patch);
    expect(patch.body).toBeInstanceOf(ReadableStream);
    const post = { method: 'POST', runtime: { node: { req: node } } } as unknown as Request;
    useUncopiedBody(post);
    expect(post.body).toBeUndefined();
    node.destroy();
  });
});
