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

/** One tus upload; resumes at the server's offset when given the URL of an earlier attempt. */
export function uploadFile(job: UploadJob): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(fs.createReadStream(job.file, { highWaterMark: 1 << 20 }), {
      endpoint: job.endpoint,
      uploadUrl: job.resumeUrl ?? null,
      uploadSize: job.size,
      chunkSize: job.chunkSize ?? Infinity,
      metadata: job.metadata,
      headers: { Authorization: `Bearer ${job.token}` },
      retryDelays: [0, 1000, 3000],
      removeFingerprintOnSuccess: true,
      storeFingerprintForResuming: false,
      onUploadUrlAvailable: () => job.onUrl(upload.url!),
      onProgress: job.onProgress,
      onSuccess: () => resolve(upload.url!),
      onError: (e) => reject(e),
    });
    upload.start();
  });
}
