import { hashStoredObject } from '../../platform/storage/read-object.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { organisationsWithLedger } from '../../platform/ledger/ledger.repository.ts';
import { checkOrganisation } from '../audit/audit.usecases.ts';
import type { BackupManifest } from './backup.manifest.ts';
import { countKernelRows } from './backup.repository.ts';
import { mergeObjects } from './mergeObjects.ts';
import { progress } from './progress.ts';

export interface RestoreVerification {
  objects: number;
  bytes: number;
  organisations: number;
  ledgerEntries: number;
  problems: string[];
}

/**
 * After a restore: every object a live row names is in the store and hashes
 * to its name (R444-13), the row counts are the backup's, and every
 * organisation's ledger chain, checkpoint signatures and journal snapshots
 * verify — as `storage scrub` and `ledger verify` would, without writing.
 */
export async function verifyRestored(deps: AppDeps, m: BackupManifest, log: (line: string) => void): Promise<RestoreVerification> {
  const out: RestoreVerification = { objects: 0, bytes: 0, organisations: 0, ledgerEntries: 0, problems: [] };
  const { records } = deps;
  const live = mergeObjects(
    await records.liveObjects(deps.db),
    await records.objectsListedIn(deps.store, await records.listingObjects(deps.db)),
  );
  const tick = progress(log, 'verifying', live.length);
  for (const ref of live) {
    const actual = await hashStoredObject(deps.store, ref.sha256).catch(() => null);
    tick(++out.objects, ref.size);
    if (actual?.sha256 === ref.sha256) {
      out.bytes += actual.size;
      continue;
    }
    const who = (await records.rowsNamingObject(deps.db, ref.sha256)).join('; ');
    const known = m.unreadableObjects.find((u) => u.sha256 === ref.sha256);
    out.problems.push(
      `object ${ref.sha256} ${actual ? `hashes to ${actual.sha256}` : 'is missing'} — ${who}` +
        (known ? ` (already ${known.problem} when the backup was made)` : ''),
    );
  }
  log(`Objects: ${out.objects} checked, ${(out.bytes / 2 ** 20).toFixed(1)} MiB hashed.`);

  const counts = { ...(await countKernelRows(deps.db)), ...(await records.countRows(deps.db)) };
  for (const [k, v] of Object.entries(counts)) {
    if (m.counts[k] !== v) out.problems.push(`${k}: ${v} restored, the backup says ${m.counts[k]}`);
  }

  const t = deps.translator.forLocale('en');
  for (const { organisationId } of await organisationsWithLedger(deps.db)) {
    const r = await checkOrganisation(deps, organisationId);
    out.organisations++;
    out.ledgerEntries += r.entries;
    if (!r.chainOk) {
      const f = r.firstBad!;
      out.problems.push(`ledger of ${organisationId}: first bad entry seq ${f.seq} — ${t(`common:fault.${f.fault}`)}`);
    }
    for (const rec of r.records.filter((x) => !x.ok)) {
      out.problems.push(
        `ledger of ${organisationId}: ${rec.table}${rec.firstBad!.number === null ? '' : ` № ${rec.firstBad!.number}`} (${rec.firstBad!.entryId}) field ${rec.firstBad!.field} differs from the ledger`,
      );
    }
  }
  log(`Ledger: ${out.organisations} chains, ${out.ledgerEntries} entries checked with their signed checkpoints.`);
  return out;
}
