import { createHash } from 'node:crypto';
import fs from 'node:fs';
import * as tus from 'tus-js-client';

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface UploadJob {
  endpoint: string;
  token: string;
  file: string;
  size: number;
  resumeUrl?: string;
  metadata: Record<string, string>;
  chunkSize?: number;
  onUrl(url: string): void;
  onProgress(sent: number, total: number): void;
}

/**
 * The device file, reopened for every chunk. tus-js-client's own Node file
 * source pipes each chunk's stream with no 'error' listener, so a device
 * unplugged mid-file killed the agent with an unhandled ENOENT/EIO instead of a
 * retry. Here a failed open rejects the chunk (tus retries, then reports), and
 * a read error or a short read mid-chunk stops the upload with that error.
 * A chunk's stream is closed when the next one opens or the upload ends, so a
 * chunk whose request failed does not keep the device file open.
 */
function deviceFileReader(job: UploadJob, fail: (e: Error) => void) {
  let current: fs.ReadStream | undefined;
  const closeCurrent = () => {
    current?.destroy();
    current = undefined;
  };
  const reader: NonNullable<tus.UploadOptions['fileReader']> = {
    openFile: async () => ({
      size: job.size,
      async slice(start: number, end: number) {
        closeCurrent();
        end = Math.min(end, job.size);
        if (end <= start) return { value: Buffer.alloc(0), done: true };
        const stream = fs.createReadStream(job.file, { start, end: end - 1, highWaterMark: 1 << 20 }) as fs.ReadStream & { size: number };
        await new Promise<void>((opened, refused) => {
          stream.once('ready', opened);
          stream.once('error', refused);
        });
        current = stream;
        stream.size = end - start; // the HTTP stack's Content-Length
        stream.on('error', (e) => fail(e));
        stream.on('end', () => {
          if (stream.bytesRead < end - start) fail(new Error(`${job.file}: read ${stream.bytesRead} of ${end - start} bytes at ${start}`));
        });
        return { value: stream, done: end >= job.size };
      },
      close: closeCurrent,
    }),
  };
  return { reader, closeCurrent };
}

/** One tus upload; resumes at the server's offset when given the URL of an earlier attempt. */
export function uploadFile(job: UploadJob): Promise<string> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      void upload.abort().finally(() => {
        file.closeCurrent();
        reject(e);
      });
    };
    const file = deviceFileReader(job, fail);
    const upload = new tus.Upload(job.file as never, {
      endpoint: job.endpoint,
      uploadUrl: job.resumeUrl ?? null,
      uploadSize: job.size,
      chunkSize: job.chunkSize ?? Infinity,
      metadata: job.metadata,
      headers: { Authorization: `Bearer ${job.token}` },
      retryDelays: [0, 1000, 3000],
      removeFingerprintOnSuccess: true,
      storeFingerprintForResuming: false,
      fileReader: file.reader,
      onUploadUrlAvailable: () => job.onUrl(upload.url!),
      onProgress: job.onProgress,
      onSuccess: () => {
        file.closeCurrent();
        resolve(upload.url!);
      },
      onError: (e) => fail(e),
    });
    upload.start();
  });
}
