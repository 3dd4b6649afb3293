import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** A short real H.264/AAC clip from ffmpeg's test sources, stamped with the device clock's start time. */
export function makeClip(file: string, startedAt: Date, seconds = 3) {
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc=duration=${seconds}:size=320x240:rate=10`,
    '-f',
    'lavfi',
    '-i',
    `sine=duration=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-c:a',
    'aac',
    '-metadata',
    `creation_time=${startedAt.toISOString()}`,
    '-y',
    file,
  ]);
  // The device writes the file when recording ends.
  const end = new Date(startedAt.getTime() + seconds * 1000);
  fs.utimesSync(file, end, end);
}

export const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A real audio-only file (AAC in MP4) — a sound recording, no video stream — as a device might leave one. */
export function makeAudioOnly(file: string, seconds = 3) {
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `sine=duration=${seconds}`,
    '-c:a',
    'aac',
    '-f',
    'mp4',
    '-y',
    file,
  ]);
}
