import type { AppDeps } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { signCheckpoint } from '../../platform/ledger/checkpoints.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { searchEntries, type EntryFilter } from '../../platform/ledger/ledger.repository.ts';
import { verifyChain } from '../../platform/ledger/verifyChain.ts';
import { usersByIds } from '../users/users.repository.ts';

export const instancePublicKeys = (deps: AppDeps) => new Map([[deps.instanceKey.fingerprint, deps.instanceKey.publicKeyPem]]);

/** Verifies the chain, then records that it was verified (and the outcome) as a new entry. */
export async function verifyOrganisationLedger(deps: AppDeps, actor: Actor, organisationId: string) {
  const result = await verifyChain(deps.db, organisationId, instancePublicKeys(deps));
  await appendLedgerEntry(
    deps.db,
    { organisationId, actor, action: 'ledger.verified', subjectType: 'ledger', subjectId: organisationId, payload: { ok: result.ok, entries: result.entries, firstBad: result.firstBad ?? null } },
    deps.now(),
  );
  return result;
}

export async function signCheckpointNow(deps: AppDeps, organisationId: string) {
  return deps.db.transaction((tx) => signCheckpoint(tx, deps.instanceKey, organisationId, deps.now()));
}

export async function listLedgerEntries(deps: AppDeps, filter: EntryFilter) {
  const rows = await searchEntries(deps.db, filter);
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => x !== null && isUuid(x)))];
  const names = new Map((await usersByIds(deps.db, ids)).map((u) => [u.id, u.fullName]));
  return rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null }));
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function isUuid(id: string) {
  return UUID_RE.test(id);
}
