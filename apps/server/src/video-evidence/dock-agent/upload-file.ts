import fsp, { type FileHandle } from 'node:fs/promises';
import * as tus from 'tus-js-client';
import { DeviceHttpStack, DeviceSlice } from './device-http-stack.ts';
import type { UploadHash } from './upload-hash.ts';

export interface UploadJob {
  endpoint: string;
  token: string;
  file: string;
  size: number;
  resumeUrl?: string;
  metadata: Record<string, string>;
  /** Takes every byte read for the upload: the file's SHA-256 without a second read. */
  hash: UploadHash;
  chunkSize?: number;
  onUrl(url: string): void;
  onProgress(sent: number, total: number): void;
}

/**
 * The device file, reopened for every chunk; DeviceHttpStack reads and sends
 * each slice, hashing every byte as it is read. tus-js-client's own Node file
 * source pipes each chunk's stream with no 'error' listener, so a device
 * unplugged mid-file killed the agent with an unhandled ENOENT/EIO instead of
 * a retry. Here a failed open rejects the chunk (tus retries, then reports),
 * and a read error or a short read mid-chunk stops the upload with that error.
 * A chunk's file is closed when the next one opens or the upload ends, so a
 * chunk whose request failed does not keep the device file open.
 */
function deviceFileReader(job: UploadJob, fail: (e: Error) => void) {
  let current: FileHandle | undefined;
  const closeCurrent = () => {
    void current?.close().catch(() => undefined);
    current = undefined;
  };
  const reader: NonNullable<tus.UploadOptions['fileReader']> = {
    openFile: async () => ({
      size: job.size,
      async slice(start: number, end: number) {
        closeCurrent();
        end = Math.min(end, job.size);
        if (end <= start) return { value: Buffer.alloc(0), done: true };
        // Resumed past what this process has read (the agent restarted): hash the gap first.
        await job.hash.catchUp(start);
        current = await fsp.open(job.file, 'r');
        const slice = new DeviceSlice(job.file, current, start, end, (pos, chunk) => job.hash.update(pos, chunk), fail);
        return { value: slice, done: end >= job.size };
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
      httpStack: new DeviceHttpStack(),
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
