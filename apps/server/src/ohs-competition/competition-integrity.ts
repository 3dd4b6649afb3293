import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { ledgerEntries } from '../platform/ledger/ledger.table.ts';
import type { RecordCheck } from '../platform/records.ts';
import { competitionReviews, competitionStageOneResults } from './judging/judging.table.ts';
import { competitionTieDecisions } from './results/results.table.ts';

type Row = { id: string } & Record<string, unknown>;

/** A row's value as the ledger recorded it: dates as ISO text, the rest as JSON. */
const asRecorded = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : v);

/**
 * Write-once rows must equal what the ledger recorded when they were written: every field the
 * entry holds, for every row, and a row for every entry. A row edited, added or removed behind the
 * application's back (triggers switched off) is named with its first differing field.
 */
async function checkRows(
  db: DbOrTx,
  organisationId: string,
  spec: { table: string; actions: string[]; rows: Row[]; number?: (r: Row) => number },
): Promise<RecordCheck> {
  const entries = await db
    .select({ payload: ledgerEntries.payload })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.organisationId, organisationId), inArray(ledgerEntries.action, spec.actions)))
    .orderBy(asc(ledgerEntries.seq));
  const expected = new Map<string, Record<string, unknown>>();
  for (const e of entries) {
    const p = JSON.parse(e.payload) as Record<string, unknown>;
    if (typeof p.id === 'string') expected.set(p.id, p);
  }
  const result: RecordCheck = { ok: true, table: spec.table, checked: spec.rows.length };
  const bad = (entryId: string, field: string, row?: Row): RecordCheck => ({
    ...result,
    ok: false,
    firstBad: { number: row && spec.number ? spec.number(row) : null, entryId, field },
  });
  for (const row of spec.rows) {
    const want = expected.get(row.id);
    if (!want) return bad(row.id, '(not in ledger)', row);
    expected.delete(row.id);
    for (const [k, v] of Object.entries(want)) if (asRecorded(row[k]) !== JSON.stringify(v)) return bad(row.id, k, row);
  }
  const [missing] = expected.values();
  return missing ? bad(String(missing.id), '(row removed)') : result;
}

/** RC-19: every review of an indicator (stage I and II), as the ledger recorded it. */
export async function verifyReviewsAgainstLedger(db: DbOrTx, organisationId: string) {
  const rows = await db
    .select()
    .from(competitionReviews)
    .where(eq(competitionReviews.organisationId, organisationId))
    .orderBy(asc(competitionReviews.seq));
  return checkRows(db, organisationId, {
    table: 'competition_reviews',
    actions: ['competition.indicator_accepted', 'competition.indicator_reduced'],
    rows,
    number: (r) => r.seq as number,
  });
}

/** RC-10: every stage I result, as the ledger recorded it. */
export async function verifyStageOneResultsAgainstLedger(db: DbOrTx, organisationId: string) {
  const rows = await db.select().from(competitionStageOneResults).where(eq(competitionStageOneResults.organisationId, organisationId));
  return checkRows(db, organisationId, { table: 'competition_stage_one_results', actions: ['competition.stage_i_winner_selected'], rows });
}

/** RC-22: every decision of a commission on a tie, as the ledger recorded it. */
export async function verifyTieDecisionsAgainstLedger(db: DbOrTx, organisationId: string) {
  const rows = await db.select().from(competitionTieDecisions).where(eq(competitionTieDecisions.organisationId, organisationId));
  return checkRows(db, organisationId, { table: 'competition_tie_decisions', actions: ['competition.tie_decided'], rows });
}
