import { eq } from 'drizzle-orm';
import type { Config } from '../../config/config.ts';
import type { DbOrTx } from '../../db/database.ts';
import { activities } from '../activities/activities.table.ts';
import { retentionClassOf } from '../activities/retention.ts';
import { journalEntries } from '../journal/journal.table.ts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { computeRetentionExpiry } from './computeRetentionExpiry.ts';

/**
 * The retention columns of a recording linked to a journal entry: the class
 * follows the activity type (R444-12), the expiry its capture date. Set once,
 * in the same statement that links the recording; a trigger keeps them.
 */
export async function retentionOfRecording(db: DbOrTx, config: Config, journalEntryId: string, startedAt: Date) {
  const [row] = await db
    .select({ type: activities.type, zone: organisations.timeZone })
    .from(journalEntries)
    .innerJoin(activities, eq(activities.id, journalEntries.activityId))
    .innerJoin(organisations, eq(organisations.id, journalEntries.organisationId))
    .where(eq(journalEntries.id, journalEntryId));
  if (!row) throw new Error(`journal entry ${journalEntryId} has no activity`);
  const cls = retentionClassOf(row.type, config.investigationRetentionYears);
  return {
    retainUntil: computeRetentionExpiry(startedAt, cls.years, row.zone),
    retentionYears: cls.years,
    retentionCoveredByPoint12: cls.coveredByPoint12,
  };
}
