import { safeFileName } from '../../platform/safe-file-name.ts';
import { filePosition as pad, type ManifestFile, type Stored } from '../../kernel/evidence-packages/package-manifest.ts';
import type { PackageRecording, PackageSources } from './package-sources.ts';

const stem = (name: string) => name.replace(/\.[^.]*$/, '') || 'recording';

export const originalPath = (position: number, originalName: string) =>
  `recordings/${pad(position)}-${safeFileName(originalName, 'recording')}`;
export const excerptPath = (position: number, originalName: string, from: number, to: number) =>
  `excerpts/${pad(position)}-${stem(safeFileName(originalName, 'recording'))}_${from}-${to}s.mp4`;
export const materialPath = (position: number, fileName: string) => `materials/${pad(position)}-${safeFileName(fileName, 'material.pdf')}`;

/** An original with its provenance: capture times and offset, recorder, inspector, journal entry, activity, ingest. */
export function originalEntry(r: PackageRecording): ManifestFile {
  const { rec, entry, activity } = r;
  return {
    path: originalPath(r.item.position, rec.originalName),
    kind: 'original',
    sha256: rec.sha256,
    size: rec.size,
    recordingId: rec.id,
    originalName: rec.originalName,
    capture: {
      deviceStartedAt: rec.deviceStartedAt?.toISOString() ?? null,
      startedAt: rec.startedAt?.toISOString() ?? null,
      clockOffsetSeconds: rec.clockOffsetSeconds,
      durationMs: rec.durationMs,
    },
    recorder: { inventoryNumber: r.inventoryNumber },
    inspector: entry ? { id: entry.inspectorId, name: entry.inspectorName } : null,
    journalEntry: entry ? { id: entry.id, number: entry.number } : null,
    activity: activity
      ? {
          id: activity.id,
          type: activity.type,
          referenceNumber: activity.referenceNumber,
          subjectBin: activity.subjectBin,
          subjectName: activity.subjectName,
        }
      : null,
    ingestedAt: rec.ingestedAt.toISOString(),
  };
}

export function excerptEntry(r: PackageRecording, stored: Stored): ManifestFile {
  const from = r.item.excerptFromSeconds!;
  const to = r.item.excerptToSeconds!;
  return {
    path: excerptPath(r.item.position, r.rec.originalName, from, to),
    kind: 'excerpt',
    ...stored,
    excerptOf: { recordingId: r.rec.id, sha256: r.rec.sha256, fromSeconds: from, toSeconds: to },
  };
}

export function materialEntry(m: PackageSources['materials'][number]): ManifestFile {
  return {
    path: materialPath(m.item.position, m.material.fileName),
    kind: 'material',
    sha256: m.material.sha256,
    size: m.material.size,
    materialId: m.material.id,
    title: m.material.title,
  };
}
