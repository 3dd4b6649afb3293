import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { ledgerEntries } from '../../platform/ledger/ledger.table.ts';
import type { LedgerBinding } from './package-manifest.ts';

/**
 * The entry that recorded a file's bytes when the rule set added it: `action` on the subject,
 * the first whose payload `matches` (e.g. names the file's id). Its payload must carry the file's
 * sha256 and size: that is what the verifiers compare (docs/court-package.md, check 5).
 */
export async function findLedgerBinding(
  db: DbOrTx,
  organisationId: string,
  at: Omit<LedgerBinding, 'seq'>,
  matches: (payload: Record<string, unknown>) => boolean,
): Promise<LedgerBinding | undefined> {
  const rows = await db
    .select({ seq: ledgerEntries.seq, payload: ledgerEntries.payload })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.organisationId, organisationId),
        eq(ledgerEntries.action, at.action),
        eq(ledgerEntries.subjectType, at.subjectType),
        eq(ledgerEntries.subjectId, at.subjectId),
      ),
    )
    .orderBy(asc(ledgerEntries.seq));
  const hit = rows.find((r) => matches(JSON.parse(r.payload) as Record<string, unknown>));
  return hit && { seq: hit.seq, action: at.action, subjectType: at.subjectType, subjectId: at.subjectId };
}
