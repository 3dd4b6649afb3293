import type { DbOrTx } from '../db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendLedgerEntry } from '../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../platform/ledger/ledger.types.ts';

/** Every change to the Order 315 records is an entry in the organisation's chain, in the same transaction (R315-24). */
export const recordPcEvent = (
  tx: DbOrTx,
  deps: AppDeps,
  e: { organisationId: string; actor: Actor; action: string; subjectType: string; subjectId: string; payload: Record<string, unknown> },
) => appendLedgerEntry(tx, e, deps.now());
