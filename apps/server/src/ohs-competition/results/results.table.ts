import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { competitionYears } from '../years/years.table.ts';

/** RC-22: the commission's decision on a tie at a place — the order of exactly the tied candidates, and why. Append-only. */
export const competitionTieDecisions = pgTable(
  'competition_tie_decisions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    yearId: uuid('year_id')
      .notNull()
      .references(() => competitionYears.id),
    group: integer('group').notNull(),
    /** The tie it settles (total and candidates): a later change of either reopens it. */
    tieKey: text('tie_key').notNull(),
    applicationOrder: uuid('application_order').array().notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('competition_tie_decisions_year').on(t.yearId)],
);

/** RC-19: a member's signature of the protocol, by the SHA-256 of its content; signing is the member's own authenticated act. */
export const competitionProtocolSignatures = pgTable(
  'competition_protocol_signatures',
  {
    yearId: uuid('year_id')
      .notNull()
      .references(() => competitionYears.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    protocolSha256: text('protocol_sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.yearId, t.userId, t.protocolSha256] })],
);

/** RC-24: what was published — the signed protocol as it stood — written once. */
export const competitionPublications = pgTable('competition_publications', {
  yearId: uuid('year_id')
    .primaryKey()
    .references(() => competitionYears.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  protocol: jsonb('protocol').notNull(),
  protocolSha256: text('protocol_sha256').notNull(),
  publishedBy: uuid('published_by')
    .notNull()
    .references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
});
