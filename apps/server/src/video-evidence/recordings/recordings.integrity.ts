import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { rowsMatchLedger } from '../../platform/ledger/rowsMatchLedger.ts';
import { recordings } from './recordings.table.ts';

type Row = typeof recordings.$inferSelect;

/**
 * R444-13: a recording's identity, hash, size and capture times must equal its `recording.ingested`
 * entry (tombstones included: deletion keeps those columns). Catches a start time edited with triggers off.
 */
export const verifyRecordingsAgainstLedger = (db: DbOrTx, organisationId: string) =>
  rowsMatchLedger<Row>(db, organisationId, {
    table: 'recordings',
    action: 'recording.ingested',
    subjectType: 'recording',
    rows: (d, org) => d.select().from(recordings).where(eq(recordings.organisationId, org)).orderBy(asc(recordings.ingestedAt)),
    id: (r) => r.id,
    fields: (r) => ({
      recorderId: r.recorderId,
      sha256: r.sha256,
      size: r.size,
      originalName: r.originalName,
      fileSequence: r.fileSequence,
      deviceStartedAt: r.deviceStartedAt,
      clockOffsetSeconds: r.clockOffsetSeconds,
      startedAt: r.startedAt,
    }),
    entryFields: (r) => ({ ingestedAt: ['recordedAt', r.ingestedAt] }),
  });
