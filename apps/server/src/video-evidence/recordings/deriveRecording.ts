import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { browserPlayable, renderPlayableProxy, renderThumbnailStrip } from '../../platform/media/ffmpeg.ts';
import { withObjectLock } from '../../platform/storage/object-lock.ts';
import { recordingDerivatives, recordings } from './recordings.table.ts';

/**
 * Job: the thumbnail strip, and a playable proxy only for originals a browser
 * cannot play. Both are new objects in the store; re-running skips what exists.
 */
export async function deriveRecording(deps: AppDeps, recordingId: string) {
  const [rec] = await deps.db.select().from(recordings).where(eq(recordings.id, recordingId));
  if (!rec || rec.state !== 'stored') return;
  const have = new Set(
    (
      await deps.db
        .select({ kind: recordingDerivatives.kind })
        .from(recordingDerivatives)
        .where(eq(recordingDerivatives.recordingId, rec.id))
    ).map((d) => d.kind),
  );
  const streams = (rec.probe as { streams?: { type: string; codec: string }[] } | null)?.streams ?? [];
  const wanted: ('thumbnail_strip' | 'playable_proxy')[] = ['thumbnail_strip'];
  if (!browserPlayable(streams, rec.originalName)) wanted.push('playable_proxy');
  const todo = wanted.filter((k) => !have.has(k));
  if (todo.length === 0) return;

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-derive-'));
  try {
    const input = path.join(work, 'original');
    await new Promise<void>((resolve, reject) => {
      void deps.store.get(rec.sha256).then((s) => s.pipe(fs.createWriteStream(input)).on('finish', resolve).on('error', reject), reject);
    });
    for (const kind of todo) {
      const out = path.join(work, kind === 'thumbnail_strip' ? 'strip.jpg' : 'proxy.mp4');
      if (kind === 'thumbnail_strip') await renderThumbnailStrip(input, out, rec.durationMs ?? 6000);
      else await renderPlayableProxy(input, out);
      const obj = await deps.store.put(fs.createReadStream(out), { kind: 'derived' });
      // An identical derived file of a recording being purged may have been found in place: the row is written
      // only if the object is still there, under its lock (a purged one makes the job retry and render again).
      await withObjectLock(deps, obj.sha256, async (db) => {
        if (!(await deps.store.stat(obj.sha256))) throw new Error(`derived object ${obj.sha256} was purged while it was stored`);
        await db
          .insert(recordingDerivatives)
          .values({ recordingId: rec.id, kind, sha256: obj.sha256, size: obj.size, createdAt: deps.now() })
          .onConflictDoNothing();
      });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function findDerivative(deps: AppDeps, recordingId: string, kind: 'thumbnail_strip' | 'playable_proxy') {
  const [d] = await deps.db
    .select()
    .from(recordingDerivatives)
    .where(and(eq(recordingDerivatives.recordingId, recordingId), eq(recordingDerivatives.kind, kind)));
  return d;
}
