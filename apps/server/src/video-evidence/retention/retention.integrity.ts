import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { rowsMatchLedger } from '../../platform/ledger/rowsMatchLedger.ts';
import { deletionActs, legalHolds, recordingDeletions } from './retention.table.ts';

/** R444-12/13: a deletion act as its `retention.act_executed` entry recorded it. */
export const verifyDeletionActsAgainstLedger = (db: DbOrTx, organisationId: string) =>
  rowsMatchLedger<typeof deletionActs.$inferSelect>(db, organisationId, {
    table: 'deletion_acts',
    action: 'retention.act_executed',
    subjectType: 'deletion_act',
    rows: (d, org) => d.select().from(deletionActs).where(eq(deletionActs.organisationId, org)).orderBy(asc(deletionActs.executedAt)),
    id: (r) => r.id,
    number: (r) => r.seq,
    fields: (r) => ({ number: r.number, recordingCount: r.recordingCount, totalBytes: r.totalBytes, contentHash: r.contentHash }),
    entryFields: (r) => ({ executedBy: ['actorId', r.executedBy], executedAt: ['recordedAt', r.executedAt] }),
  });

/** R444-12/13: each recording's deletion as its `recording.deleted` entry recorded it (act, retention date, who, when). */
export const verifyRecordingDeletionsAgainstLedger = (db: DbOrTx, organisationId: string) =>
  rowsMatchLedger<typeof recordingDeletions.$inferSelect>(db, organisationId, {
    table: 'recording_deletions',
    action: 'recording.deleted',
    subjectType: 'recording',
    rows: (d, org) =>
      d
        .select({ ...recordingDeletionColumns })
        .from(recordingDeletions)
        .innerJoin(deletionActs, eq(deletionActs.id, recordingDeletions.actId))
        .where(eq(deletionActs.organisationId, org))
        .orderBy(asc(recordingDeletions.deletedAt)),
    id: (r) => r.recordingId,
    fields: (r) => ({ actId: r.actId, retainUntil: r.retainUntil }),
    entryFields: (r) => ({ deletedBy: ['actorId', r.deletedBy], deletedAt: ['recordedAt', r.deletedAt] }),
  });

const recordingDeletionColumns = {
  recordingId: recordingDeletions.recordingId,
  actId: recordingDeletions.actId,
  activityId: recordingDeletions.activityId,
  retainUntil: recordingDeletions.retainUntil,
  deletedBy: recordingDeletions.deletedBy,
  deletedAt: recordingDeletions.deletedAt,
};

/**
 * R444-12/13: a legal hold as placed (`recording.hold_placed`, keyed by the hold's id in the payload).
 * Lifting is the one change a hold may see (a trigger allows only that); it is not compared here.
 */
export const verifyHoldsAgainstLedger = (db: DbOrTx, organisationId: string) =>
  rowsMatchLedger<typeof legalHolds.$inferSelect>(db, organisationId, {
    table: 'legal_holds',
    action: 'recording.hold_placed',
    subjectType: 'recording',
    rows: (d, org) => d.select().from(legalHolds).where(eq(legalHolds.organisationId, org)).orderBy(asc(legalHolds.placedAt)),
    id: (r) => r.id,
    entryKey: (payload) => payload.holdId as string | undefined,
    fields: (r) => ({ source: r.source, packageId: r.packageId, reason: r.reason, reference: r.reference }),
    entryFields: (r) => ({
      recordingId: ['subjectId', r.recordingId],
      placedBy: ['actorId', r.placedBy],
      placedAt: ['recordedAt', r.placedAt],
    }),
  });
