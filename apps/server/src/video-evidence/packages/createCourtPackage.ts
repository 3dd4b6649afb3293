import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { materialsByIds } from '../activities/materials.repository.ts';
import { findOrganisation, lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { recordings } from '../recordings/recordings.table.ts';
import { placeLegalHold } from '../retention/legalHolds.ts';
import { insertPackage, insertPackageItems, nextPackageSeq } from './packages.repository.ts';
import type { PACKAGE_CREATOR_ROLES, RECIPIENT_KINDS } from './packages.table.ts';

export interface NewCourtPackage {
  recipientKind: (typeof RECIPIENT_KINDS)[number];
  recipientName: string;
  caseNumber: string;
  purpose: string;
  recordings: { recordingId: string; excerpt?: { fromSeconds: number; toSeconds: number } }[];
  materialIds: string[];
}

export const BUILD_JOB = 'package.build';

/** Checks every requested recording: this organisation's, not deleted, each once, excerpt inside its length. */
async function requestedRecordings(deps: AppDeps, organisationId: string, input: NewCourtPackage) {
  const ids = input.recordings.map((r) => r.recordingId);
  const rows = await deps.db
    .select()
    .from(recordings)
    .where(and(eq(recordings.organisationId, organisationId), inArray(recordings.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  return input.recordings.map((req) => {
    const rec = byId.get(req.recordingId);
    if (!rec || rec.deletedAt) throw new AppError('package.recording_unavailable', { recording: rec?.originalName ?? req.recordingId });
    if (seen.has(rec.id)) throw new AppError('package.recording_repeated', { recording: rec.originalName });
    seen.add(rec.id);
    if (req.excerpt) {
      const { fromSeconds: from, toSeconds: to } = req.excerpt;
      const duration = rec.durationMs === null ? null : rec.durationMs / 1000;
      if (duration === null || from < 0 || to <= from || to > duration) {
        throw new AppError('package.excerpt_invalid', { recording: rec.originalName, from, to, duration: duration ?? '—' });
      }
    }
    return { rec, excerpt: req.excerpt };
  });
}

/**
 * R444-14: a package for a court or an authorised body. In one transaction:
 * the numbered package and its items, a legal hold on every recording (so
 * none can fall due while the case runs), the ledger entry and the build job.
 */
export async function createCourtPackage(
  deps: AppDeps,
  actor: Actor & { id: string },
  role: (typeof PACKAGE_CREATOR_ROLES)[number],
  organisationId: string,
  input: NewCourtPackage,
) {
  const org = await findOrganisation(deps.db, organisationId);
  if (!org) throw new AppError('organisation.not_found');
  const wanted = await requestedRecordings(deps, organisationId, input);
  const materialIds = [...new Set(input.materialIds)];
  const materials = await materialsByIds(deps.db, organisationId, materialIds);
  if (materials.length !== materialIds.length) throw new AppError('package.material_unavailable');
  const byMaterial = new Map(materials.map((m) => [m.id, m]));
  const now = deps.now();
  const year = Number(dateInZone(now, org.timeZone).slice(0, 4));
  const id = randomUUID();

  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const seq = await nextPackageSeq(tx, organisationId, year);
    const row = {
      id,
      organisationId,
      number: `П-${year}-${String(seq).padStart(4, '0')}`,
      year,
      seq,
      recipientKind: input.recipientKind,
      recipientName: input.recipientName.trim(),
      caseNumber: input.caseNumber.trim(),
      purpose: input.purpose.trim(),
      createdBy: actor.id,
      createdByRole: role,
      createdAt: now,
      state: 'building' as const,
      bytesDone: 0,
      bytesTotal: wanted.reduce((s, w) => s + w.rec.size, 0) + materials.reduce((s, m) => s + m.size, 0),
    };
    await insertPackage(tx, row);
    await insertPackageItems(tx, [
      ...wanted.map((w, i) => ({
        packageId: id,
        position: i + 1,
        kind: 'recording' as const,
        recordingId: w.rec.id,
        excerptFromSeconds: w.excerpt?.fromSeconds ?? null,
        excerptToSeconds: w.excerpt?.toSeconds ?? null,
      })),
      ...materialIds.map((m, i) => ({ packageId: id, position: i + 1, kind: 'material' as const, materialId: m })),
    ]);
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'package.created',
        subjectType: 'package',
        subjectId: id,
        payload: {
          number: row.number,
          recipientKind: row.recipientKind,
          recipientName: row.recipientName,
          caseNumber: row.caseNumber,
          purpose: row.purpose,
          recordings: wanted.map((w) => ({ recordingId: w.rec.id, sha256: w.rec.sha256, excerpt: w.excerpt ?? null })),
          materials: materialIds.map((m) => ({ materialId: m, sha256: byMaterial.get(m)!.sha256 })),
        },
      },
      now,
    );
    for (const w of wanted) {
      await placeLegalHold(
        tx,
        actor,
        { organisationId, recordingId: w.rec.id, source: 'package', packageId: id, reason: row.purpose, reference: row.caseNumber },
        now,
      );
    }
    await enqueueJob(tx, BUILD_JOB, { packageId: id }, { organisationId, dedupeKey: `package-build:${id}`, runAt: now });
    return row;
  });
}
