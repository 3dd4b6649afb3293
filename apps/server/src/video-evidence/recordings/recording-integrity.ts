import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/format.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { damageOf, type DamageRow } from '../../kernel/object-integrity/damaged-objects.repository.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { RecordingRow } from './recordings.repository.ts';

/** What the API says about a recording's original: intact, or damaged since a check found it so. */
export function integrityOf(damage: DamageRow | undefined) {
  return damage
    ? {
        integrity: 'damaged' as const,
        damage: { detectedAt: damage.detectedAt, detectedBy: damage.detectedBy, foundSha256: damage.foundSha256 },
      }
    : { integrity: 'intact' as const, damage: null };
}

/** Recordings with the integrity of their originals (one query for the lot). */
export async function withIntegrity<R extends { sha256: string }>(deps: AppDeps, rows: R[]) {
  const damage = await damageOf(
    deps.db,
    rows.map((r) => r.sha256),
  );
  return rows.map((r) => ({ ...r, ...integrityOf(damage.get(r.sha256)) }));
}

/**
 * R444-13: a damaged original is not served as the original. The only exception is a download
 * by the head who explicitly acknowledged the damage (for an expert examination); it goes out
 * marked damaged. Every refusal is in the ledger, like every access (R444-21).
 */
export async function refuseDamagedOriginal(
  deps: AppDeps,
  p: SessionPrincipal,
  rec: RecordingRow,
  damage: DamageRow,
  ask: { download: boolean; acknowledged: boolean },
) {
  const head = p.roles.get(rec.organisationId)?.has('head') ?? false;
  if (ask.download && ask.acknowledged && head) return;
  await appendLedgerEntry(
    deps.db,
    {
      organisationId: rec.organisationId,
      actor: { kind: 'user', id: p.userId },
      action: 'recording.access_refused',
      subjectType: 'recording',
      subjectId: rec.id,
      payload: { sha256: rec.sha256, reason: 'damaged', download: ask.download, acknowledged: ask.acknowledged },
    },
    deps.now(),
  );
  const org = await findOrganisation(deps.db, rec.organisationId);
  throw new AppError('recording.original_damaged', {
    recording: rec.originalName,
    detectedAt: formatDateTime(damage.detectedAt, org?.timeZone),
  });
}
