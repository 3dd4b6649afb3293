import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../platform/deps.ts';
import { renderTestClip } from '../../platform/media/ffmpeg.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { checkContinuity } from '../continuity/continuity.usecases.ts';
import { ingestRecording } from '../recordings/ingestRecording.ts';
import { createCourtPackage } from '../packages/createCourtPackage.ts';

const sec = 1000;

/**
 * Docked recordings for a newcomer to look at (timeline, player, findings, a court package):
 * ВР-004's issue gets three short clips made with ffmpeg and taken in through the real ingest,
 * the third after a pause longer than the gap threshold. The issue is made when the demo starts,
 * so the clips are stamped just after it (the last one a minute or so ahead of the clock).
 * Without ffmpeg the demo starts without them.
 */
export async function seedDemoEvidence(
  deps: AppDeps,
  actor: Actor & { id: string },
  org: string,
  entry: { inventoryNumber: string; issuedAt: Date },
) {
  const staging = path.join(deps.store.stagingDir, 'demo');
  await fsp.mkdir(staging, { recursive: true });
  const seconds = 3;
  const gap = deps.config.gapThresholdSeconds + 15;
  const starts = [2, 2 + seconds, 2 + 2 * seconds + gap].map((s) => new Date(entry.issuedAt.getTime() + s * sec));
  const ids: string[] = [];
  try {
    for (const [i, startedAt] of starts.entries()) {
      const name = `REC_000${i + 1}.mp4`;
      const file = path.join(staging, `${org}.demo-${i + 1}.mp4`);
      try {
        await renderTestClip(file, startedAt, seconds);
      } catch (e) {
        console.warn(`Demo recordings left out: ${(e as Error).message}`);
        return;
      }
      const bytes = await fsp.readFile(file);
      const rec = await ingestRecording(deps, actor, {
        organisationId: org,
        uploadId: path.basename(file),
        stagedPath: file,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        inventoryNumber: entry.inventoryNumber,
        originalName: name,
        deviceModifiedAt: new Date(startedAt.getTime() + seconds * sec),
      });
      ids.push(rec.id);
      if (rec.journalEntryId && i === starts.length - 1) await checkContinuity(deps, org, rec.journalEntryId);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  await createCourtPackage(deps, actor, 'responsible', org, {
    recipientKind: 'court',
    recipientName: 'Шахтинск қалалық соты',
    caseNumber: '2-1147/2026',
    purpose: 'Әкімшілік құқық бұзушылық туралы іс бойынша дәлелдемелер',
    recordings: ids.map((recordingId) => ({ recordingId })),
    materialIds: [],
  });
}
