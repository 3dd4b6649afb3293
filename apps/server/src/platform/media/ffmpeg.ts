import { execFile } from 'node:child_process';

function run(args: string[], timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    execFile('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args], { timeout: timeoutMs }, (err, _out, stderr) =>
      err ? reject(new Error(`ffmpeg failed: ${stderr || err.message}`)) : resolve(),
    );
  });
}

/** Six frames across the clip, 160 px wide, side by side in one JPEG. */
export function renderThumbnailStrip(input: string, output: string, durationMs: number) {
  const every = Math.max(durationMs / 1000 / 6, 0.5);
  return run(['-i', input, '-vf', `fps=1/${every.toFixed(3)},scale=160:-2,tile=6x1`, '-frames:v', '1', '-q:v', '5', '-y', output], 120_000);
}

/** An H.264/AAC MP4 a browser can play, for originals it cannot (the original stays as it is). */
export function renderPlayableProxy(input: string, output: string) {
  return run(
    ['-i', input, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-c:a', 'aac', '-movflags', '+faststart', '-y', output],
    3_600_000,
  );
}

/** What browsers play without help: H.264 video (and AAC audio) in MP4. */
export function browserPlayable(streams: { type: string; codec: string }[], name: string) {
  const video = streams.filter((s) => s.type === 'video');
  const audio = streams.filter((s) => s.type === 'audio');
  return /\.(mp4|m4v)$/i.test(name) && video.every((s) => s.codec === 'h264') && audio.every((s) => s.codec === 'aac' || s.codec === 'mp3');
}

/**
 * A time-bounded excerpt for a court package, re-encoded to H.264/AAC MP4 (a
 * stream copy would start at the previous keyframe, not at the asked second).
 * The original is only read; the excerpt is a new file.
 */
export function renderExcerpt(input: string, output: string, fromSeconds: number, toSeconds: number) {
  return run(
    [
      '-ss',
      String(fromSeconds),
      '-i',
      input,
      '-t',
      String(toSeconds - fromSeconds),
      '-map',
      '0:v:0?',
      '-map',
      '0:a:0?',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '23',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-map_metadata',
      '-1',
      '-movflags',
      '+faststart',
      '-y',
      output,
    ],
    3_600_000,
  );
}

/** A short H.264/AAC clip of ffmpeg's test pattern, stamped with its start as a recorder would (the demo's recordings). */
export function renderTestClip(output: string, startedAt: Date, seconds: number) {
  const src = (f: string) => ['-f', 'lavfi', '-i', f];
  return run(
    [
      ...src(`testsrc=duration=${seconds}:size=320x240:rate=10`),
      ...src(`sine=frequency=440:duration=${seconds}`),
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'],
      ...['-metadata', `creation_time=${startedAt.toISOString()}`, '-y', output],
    ],
    60_000,
  );
}
