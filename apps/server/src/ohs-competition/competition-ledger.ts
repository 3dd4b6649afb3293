import type { DbOrTx } from '../db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendLedgerEntry } from '../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../platform/ledger/ledger.types.ts';

/** Every change to the competition's records is an entry in the union's chain, in the same transaction. */
export const recordCompetitionEvent = (
  tx: DbOrTx,
  deps: AppDeps,
  e: { organisationId: string; actor: Actor; action: string; subjectType: string; subjectId: string; payload: Record<string, unknown> },
) => appendLedgerEntry(tx, e, deps.now());

/** yyyy-MM-dd that is a real calendar day (2025-02-30 is refused, never rolled over). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
