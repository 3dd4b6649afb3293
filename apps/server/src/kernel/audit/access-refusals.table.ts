import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * R444-13/R444-21: refused requests for evidence, aggregated. One row per
 * (organisation, caller, rule that refused, kind of evidence) and time window
 * (ACCESS_REFUSAL_WINDOW_MINUTES), with a counter: a flood of refusals is one
 * row here and at most two ledger entries (the first refusal when the window
 * opens, and the count when it is sealed), never one entry per request.
 * The counter is the mutable part; what the window ends with is sealed into
 * the hash-chained ledger (ledgerSeq, sealedSeq).
 */
export const accessRefusals = pgTable(
  'access_refusals',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull(),
    /** `user:<id>`, `token:<id>` or `anonymous`: who the window counts. */
    actorKey: text('actor_key').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id'),
    /** The error code that refused the request, e.g. auth.forbidden, recording.not_found, package.link_invalid. */
    rule: text('rule').notNull(),
    status: integer('status').notNull(),
    /** What was asked for: recording, package, material, journal, deletion_act. */
    subjectType: text('subject_type').notNull(),
    /** The ids asked for within the window, the first MAX_SUBJECT_IDS of them. */
    subjectIds: jsonb('subject_ids').$type<string[]>().notNull(),
    /** The route pattern of the first refused request (never its URL: a link token stays out). */
    route: text('route').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    firstAt: timestamp('first_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true, mode: 'date' }).notNull(),
    count: integer('count').notNull(),
    ledgerSeq: bigint('ledger_seq', { mode: 'number' }),
    sealedSeq: bigint('sealed_seq', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('access_refusals_window').on(t.organisationId, t.actorKey, t.rule, t.subjectType, t.windowStart),
    index('access_refusals_org_time').on(t.organisationId, t.lastAt),
  ],
);
