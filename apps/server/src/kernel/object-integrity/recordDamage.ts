import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { SYSTEM_ACTOR } from '../../platform/ledger/ledger.types.ts';
import type { ObjectOwner } from '../../platform/records.ts';
import { notifyHeadAndResponsible } from '../notifications/notify.ts';
import { insertDamage } from './damaged-objects.repository.ts';
import type { DamageCheck } from './damaged-objects.table.ts';

export interface Damage {
  sha256: string;
  /** What the bytes there hash to; null when the object is missing or cannot be read. */
  found: { sha256: string; size: number } | null;
  detectedBy: DamageCheck;
}

/**
 * R444-13: a stored object found damaged (by the scrub, a read-time check, a package build or a
 * package download) is recorded once, and at that moment every organisation whose rows use it
 * gets a ledger entry per row and a notice to its head and responsible person. Later detections
 * of the same object change nothing: the first one stays the record. Answers whether it was new.
 */
export async function recordDamage(deps: AppDeps, d: Damage, owners?: ObjectOwner[]): Promise<boolean> {
  const who = owners ?? (await deps.records.objectOwners(deps.db, d.sha256));
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const fresh = await insertDamage(tx, {
      id: randomUUID(),
      sha256: d.sha256,
      foundSha256: d.found?.sha256 ?? null,
      foundSize: d.found?.size ?? null,
      detectedAt: now,
      detectedBy: d.detectedBy,
    });
    if (!fresh) return false;
    const payload = { sha256: d.sha256, foundSha256: d.found?.sha256 ?? null, detectedBy: d.detectedBy };
    for (const o of who) {
      await appendLedgerEntry(
        tx,
        {
          organisationId: o.organisationId,
          actor: SYSTEM_ACTOR,
          action: 'object.damaged',
          subjectType: o.subjectType,
          subjectId: o.subjectId,
          payload: { ...payload, what: o.label },
        },
        now,
      );
    }
    const orgs = new Map<string, string[]>();
    for (const o of who) orgs.set(o.organisationId, [...(orgs.get(o.organisationId) ?? []), o.label]);
    for (const [org, labels] of orgs) {
      await notifyHeadAndResponsible(
        tx,
        org,
        'object.damaged',
        { what: labels.join(', '), sha256: d.sha256, detectedBy: d.detectedBy },
        now,
      );
    }
    return true;
  });
}
