import { bigint, bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Append-only, hash-chained per organisation. Triggers refuse UPDATE and DELETE. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    /** RFC 8785 canonical JSON, stored as the exact text that payload_hash covers (verify hashes it as is). */
    payload: text('payload').notNull(),
    payloadHash: text('payload_hash').notNull(),
    prevHash: text('prev_hash').notNull(),
    entryHash: text('entry_hash').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_entries_org_seq').on(t.organisationId, t.seq),
    index('ledger_entries_org_action').on(t.organisationId, t.action),
    index('ledger_entries_org_actor').on(t.organisationId, t.actorId),
    index('ledger_entries_org_time').on(t.organisationId, t.recordedAt),
  ],
);

/** The current head of each chain; a lock row that serialises appends per organisation. */
export const ledgerHeads = pgTable('ledger_heads', {
  organisationId: uuid('organisation_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  entryHash: text('entry_hash').notNull(),
});

/** Signed statements "the chain of organisation X had head H at seq N". Immutable. */
export const ledgerCheckpoints = pgTable(
  'ledger_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entryHash: text('entry_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    keyFingerprint: text('key_fingerprint').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [index('ledger_checkpoints_org_seq').on(t.organisationId, t.seq)],
);
