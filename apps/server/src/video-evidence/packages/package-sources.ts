import { eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { activities } from '../activities/activities.table.ts';
import { materialsByIds } from '../activities/materials.repository.ts';
import { journalEntries } from '../journal/journal.table.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { recorders } from '../recorders/recorders.table.ts';
import { recordings } from '../recordings/recordings.table.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { findPackageById, itemsOfPackages, type PackageRow } from './packages.repository.ts';

/** Everything the build reads about a package, loaded once: the request, its recordings with provenance, materials. */
export async function loadPackageSources(deps: AppDeps, packageId: string) {
  const pkg = await findPackageById(deps.db, packageId);
  if (!pkg) return undefined;
  const items = await itemsOfPackages(deps.db, [pkg.id]);
  const recordingItems = items.filter((i) => i.kind === 'recording').sort((a, b) => a.position - b.position);
  const materialItems = items.filter((i) => i.kind === 'material').sort((a, b) => a.position - b.position);
  const ids = recordingItems.map((i) => i.recordingId!);
  const rows = ids.length
    ? await deps.db
        .select({ rec: recordings, inventoryNumber: recorders.inventoryNumber, entry: journalEntries, activity: activities })
        .from(recordings)
        .innerJoin(recorders, eq(recorders.id, recordings.recorderId))
        .leftJoin(journalEntries, eq(journalEntries.id, recordings.journalEntryId))
        .leftJoin(activities, eq(activities.id, journalEntries.activityId))
        .where(inArray(recordings.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.rec.id, r]));
  const materials = new Map(
    (
      await materialsByIds(
        deps.db,
        pkg.organisationId,
        materialItems.map((i) => i.materialId!),
      )
    ).map((m) => [m.id, m]),
  );
  const org = await findOrganisation(deps.db, pkg.organisationId);
  const author = await findUserById(deps.db, pkg.createdBy);
  return {
    pkg,
    org: org!,
    authorName: author?.fullName ?? '',
    recordings: recordingItems.map((i) => ({ item: i, ...byId.get(i.recordingId!)! })),
    materials: materialItems.map((i) => ({ item: i, material: materials.get(i.materialId!)! })),
  };
}

export type PackageSources = NonNullable<Awaited<ReturnType<typeof loadPackageSources>>>;
export type PackageRecording = PackageSources['recordings'][number];
export type { PackageRow };
