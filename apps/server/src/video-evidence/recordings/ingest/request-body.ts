import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream';

/**
 * The request body as the web ReadableStream @tus/server reads (it turns it back
 * into a Node stream with Readable.fromWeb), made without the copy Node 20's
 * Readable.toWeb (what srvx uses for `request.body`) makes of every chunk "to
 * detach it from the pool": a memcpy of each byte plus a second 64 KiB buffer
 * per socket read for the garbage collector. Errors map as in Readable.toWeb.
 */
export function uncopiedBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        req.pause();
        req.on('data', (chunk: Buffer) => {
          c.enqueue(chunk);
          if ((c.desiredSize ?? 0) <= 0) req.pause();
        });
        finished(req, (e) => {
          if (done) return;
          done = true;
          req.on('error', () => undefined); // as toWeb: a late second error is not an uncaught one
          if (!e) c.close();
          else if ((e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE')
            c.error(Object.assign(new Error('The operation was aborted', { cause: e }), { name: 'AbortError', code: 'ABORT_ERR' }));
          else c.error(e);
        });
      },
      pull() {
        req.resume();
      },
      cancel(reason) {
        done = true;
        req.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/**
 * Makes a tus PATCH read its body through `uncopiedBody`: call from the tus
 * server's onIncomingRequest, which runs before the handler reads `req.body`.
 * Only for requests srvx made from a Node request; others are left alone.
 */
export function useUncopiedBody(req: Request) {
  const node = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
  if (req.method !== 'PATCH' || !node) return;
  Object.defineProperty(req, 'body', { value: uncopiedBody(node), configurable: true });
}
