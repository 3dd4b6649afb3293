import { execFile } from 'node:child_process';

export interface ProbeResult {
  durationMs: number | null;
  /** The container's creation_time: the device clock at the start of recording. */
  creationTime: Date | null;
  streams: { type: string; codec: string; width?: number; height?: number }[];
}

export class MediaToolMissing extends Error {}

/**
 * ffprobe (Debian's ffmpeg package). Returns null for a file it cannot read —
 * such a recording is kept and flagged unreadable, never dropped.
 */
export function probeMedia(file: string, bin = 'ffprobe'): Promise<ProbeResult | null> {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { maxBuffer: 8 << 20 },
      (err, stdout) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new MediaToolMissing(`${bin} is not installed`));
        if (err) return resolve(null);
        try {
          const j = JSON.parse(stdout) as {
            format?: { duration?: string; tags?: Record<string, string> };
            streams?: { codec_type: string; codec_name: string; width?: number; height?: number }[];
          };
          if (!j.streams?.length) return resolve(null);
          const created = j.format?.tags?.creation_time;
          const duration = j.format?.duration ? Number(j.format.duration) : NaN;
          resolve({
            durationMs: Number.isFinite(duration) ? Math.round(duration * 1000) : null,
            creationTime: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : null,
            streams: j.streams.map((s) => ({ type: s.codec_type, codec: s.codec_name, width: s.width, height: s.height })),
          });
        } catch {
          resolve(null);
        }
      },
    );
  });
}
