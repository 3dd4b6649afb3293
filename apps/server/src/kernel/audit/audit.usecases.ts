import type { AppDeps } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { signCheckpoint } from '../../platform/ledger/checkpoints.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { searchEntries, type EntryFilter } from '../../platform/ledger/ledger.repository.ts';
import { verifyChain } from '../../platform/ledger/verifyChain.ts';
import { usersByIds } from '../users/users.repository.ts';

export const instancePublicKeys = (deps: AppDeps) => new Map([[deps.instanceKey.fingerprint, deps.instanceKey.publicKeyPem]]);

/** The chain and the records that must match it (also used by `baqylau ledger verify`). */
export async function checkOrganisation(deps: AppDeps, organisationId: string) {
  const chain = await verifyChain(deps.db, organisationId, instancePublicKeys(deps));
  // Tables whose rows must match what the ledger recorded: each rule set names its own (RuleSetRecords).
  const records = await Promise.all(deps.records.ledgerChecks.map((check) => check(deps.db, organisationId)));
  return { ...chain, ok: chain.ok && records.every((r) => r.ok), chainOk: chain.ok, records };
}

/**
 * Verifies the chain and that the records match it, then records that it was
 * verified (and the outcome) as a new entry.
 */
export async function verifyOrganisationLedger(deps: AppDeps, actor: Actor, organisationId: string) {
  const result = await checkOrganisation(deps, organisationId);
  const records = result.records;
  await appendLedgerEntry(
    deps.db,
    {
      organisationId,
      actor,
      action: 'ledger.verified',
      subjectType: 'ledger',
      subjectId: organisationId,
      payload: { ok: result.ok, entries: result.entries, firstBad: result.firstBad ?? null, records: records.filter((r) => !r.ok) },
    },
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
