import type { FileHandle } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type * as tus from 'tus-js-client';

/** How much of a slice is read ahead of the socket, in buffers of CHUNK bytes: reads overlap hashing and sending. */
const BUFFERS = 4;
const CHUNK = 1 << 20;
/** Progress is reported at most this often (tus-js-client's own stack throttles the same way). */
const PROGRESS_MS = 100;

/**
 * A byte range of a device file, as the agent's tus file reader hands it out.
 * `onChunk` sees every byte read, in order, before it goes to the socket.
 */
export class DeviceSlice {
  constructor(
    readonly file: string,
    readonly fh: FileHandle,
    readonly start: number,
    readonly end: number,
    readonly onChunk: (pos: number, chunk: Buffer) => void,
    /** A read failed or came up short: the upload stops with this error rather than retrying a vanished file. */
    readonly onReadError: (e: Error) => void,
  ) {}

  get size() {
    return this.end - this.start;
  }
}

/**
 * tus-js-client's HTTP stack for the dock agent. A DeviceSlice body is read
 * into a few reused buffers, each handed back only when the socket has taken
 * it (the write's callback), instead of a fresh 1 MiB buffer per read piped
 * through two Transform streams: the garbage collector and fresh pages cost
 * the agent more CPU per GB than its SHA-256 did. Other bodies (tus sends
 * none but slices) go as they are.
 */
export class DeviceHttpStack implements tus.HttpStack {
  createRequest(method: string, url: string): tus.HttpRequest {
    return new DeviceRequest(method, url);
  }

  getName() {
    return 'BaqylauDeviceHttpStack';
  }
}

class DeviceRequest implements tus.HttpRequest {
  private readonly headers: Record<string, string> = {};
  private progress: (sent: number) => void = () => undefined;
  private req?: http.ClientRequest;

  constructor(
    private readonly method: string,
    private readonly url: string,
  ) {}

  getMethod = () => this.method;
  getURL = () => this.url;
  setHeader(header: string, value: string) {
    this.headers[header] = value;
  }
  getHeader = (header: string) => this.headers[header];
  setProgressHandler(handler: (sent: number) => void) {
    this.progress = handler;
  }
  getUnderlyingObject = () => this.req;

  async abort() {
    this.req?.destroy();
  }

  send(body: unknown): Promise<tus.HttpResponse> {
    return new Promise((resolve, reject) => {
      const target = new URL(this.url);
      const headers: Record<string, string | number> = { ...this.headers };
      if (body instanceof DeviceSlice) headers['Content-Length'] = body.size;
      const req = (target.protocol === 'https:' ? https : http).request(target, { method: this.method, headers });
      this.req = req;
      req.on('error', reject);
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('error', reject);
        res.on('end', () => resolve(new DeviceResponse(res, Buffer.concat(parts).toString('utf8'))));
      });
      if (body instanceof DeviceSlice)
        sendSlice(req, body, this.progress).catch((e: Error) => {
          body.onReadError(e);
          req.destroy(e);
        });
      else req.end(body ?? undefined);
    });
  }
}

class DeviceResponse implements tus.HttpResponse {
  constructor(
    private readonly res: http.IncomingMessage,
    private readonly body: string,
  ) {}
  getStatus = () => this.res.statusCode ?? 0;
  getHeader = (header: string) => {
    const v = this.res.headers[header.toLowerCase()];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  getBody = () => this.body;
  getUnderlyingObject = () => this.res;
}

/**
 * Reads the slice one buffer ahead of the socket and writes it to the request.
 * A short read (the file shrank, the device went away) or a read error ends
 * the request with that error; a request ended from outside (abort, socket
 * error) stops the reading.
 */
async function sendSlice(req: http.ClientRequest, slice: DeviceSlice, progress: (sent: number) => void) {
  const free: Buffer[] = Array.from({ length: BUFFERS }, () => Buffer.allocUnsafeSlow(CHUNK));
  let wake: (() => void) | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    wake?.();
  };
  req.once('close', stop);
  req.once('error', stop);
  const wait = () => new Promise<void>((r) => (wake = r)).finally(() => (wake = undefined));

  const readAt = async (at: number) => {
    while (free.length === 0 && !stopped) await wait();
    if (stopped) return undefined;
    const buf = free.pop()!;
    const want = Math.min(CHUNK, slice.end - at);
    const { bytesRead } = await slice.fh.read(buf, 0, want, at);
    if (bytesRead < want) throw new Error(`${slice.file}: read ${bytesRead} of ${want} bytes at ${at}`);
    return buf;
  };

  let pos = slice.start;
  let reported = 0;
  let next = pos < slice.end ? readAt(pos) : undefined;
  try {
    while (next) {
      const buf = await next;
      if (!buf || stopped) return;
      const chunk = buf.subarray(0, Math.min(CHUNK, slice.end - pos));
      const at = pos;
      pos += chunk.length;
      next = pos < slice.end ? readAt(pos) : undefined;
      slice.onChunk(at, chunk);
      const sent = pos - slice.start;
      const flushed = req.write(chunk, () => {
        free.push(buf);
        wake?.();
      });
      if (Date.now() - reported >= PROGRESS_MS || pos === slice.end) {
        reported = Date.now();
        progress(sent);
      }
      if (!flushed) await drainedOrClosed(req);
    }
    if (!stopped) req.end();
  } finally {
    // A read still under way when the request stopped: its outcome no longer matters.
    next?.catch(() => undefined);
  }
}

function drainedOrClosed(req: http.ClientRequest) {
  return new Promise<void>((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}
