import { execFile } from 'node:child_process';
import type { MediaFacts } from '@baqylau/contracts';

export type { MediaFacts };

export interface ProbeResult {
  durationMs: number | null;
  /** The container's creation_time: the device clock at the start of recording. */
  creationTime: Date | null;
  facts: MediaFacts;
  streams: { type: string; codec: string; width?: number; height?: number }[];
}

/** A file ffprobe cannot read at all, or one without a video stream: no recording of a body-worn camera. */
export type ProbeFailure = { failure: 'media.probe_failed' | 'media.no_video_stream' };

export class MediaToolMissing extends Error {}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
  streams?: {
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    channels?: number;
  }[];
}

/** "30000/1001" → 29.97; "0/0" (unknown) → null. */
function rate(r: string | undefined): number | null {
  const [n, d] = (r ?? '').split('/').map(Number);
  if (!n || !d || !Number.isFinite(n / d)) return null;
  return Math.round((n / d) * 1000) / 1000;
}

export function readProbe(j: FfprobeJson): ProbeResult | ProbeFailure {
  const video = j.streams?.find((s) => s.codec_type === 'video');
  if (!video) return { failure: 'media.no_video_stream' };
  const audio = j.streams?.find((s) => s.codec_type === 'audio');
  const created = j.format?.tags?.creation_time;
  const duration = j.format?.duration ? Number(j.format.duration) : NaN;
  const durationMs = Number.isFinite(duration) ? Math.round(duration * 1000) : null;
  return {
    durationMs,
    creationTime: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : null,
    facts: {
      container: j.format?.format_name ?? null,
      videoCodec: video.codec_name ?? null,
      audioCodec: audio?.codec_name ?? null,
      width: video.width ?? null,
      height: video.height ?? null,
      frameRate: rate(video.avg_frame_rate) ?? rate(video.r_frame_rate),
      audioChannels: audio?.channels ?? null,
      durationMs,
    },
    streams: (j.streams ?? []).map((s) => ({ type: s.codec_type, codec: s.codec_name, width: s.width, height: s.height })),
  };
}

/**
 * ffprobe (Debian's ffmpeg package). A file it cannot read, or one with no
 * video stream, comes back as the failure's code — such a recording is kept
 * and flagged unreadable, never dropped, and never given an invented time.
 */
export function probeMedia(file: string, bin = 'ffprobe'): Promise<ProbeResult | ProbeFailure> {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { maxBuffer: 8 << 20 },
      (err, stdout) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new MediaToolMissing(`${bin} is not installed`));
        if (err) return resolve({ failure: 'media.probe_failed' });
        try {
          resolve(readProbe(JSON.parse(stdout) as FfprobeJson));
        } catch {
          resolve({ failure: 'media.probe_failed' });
        }
      },
    );
  });
}

export const isProbeFailure = (p: ProbeResult | ProbeFailure): p is ProbeFailure => 'failure' in p;
