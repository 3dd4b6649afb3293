import { integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PC_DOCUMENT_KINDS, type PcDocumentContent } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * The documents the service prepares from the data and the first head approves: the annual
 * information (R315-26, period = the year) and the production-control regulation (R315-6, period '').
 * A draft holds only the editable texts (the figures are live); presenting freezes figures + texts.
 */
export const pcDocumentDrafts = pgTable(
  'pc_document_drafts',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: PC_DOCUMENT_KINDS }).notNull(),
    period: text('period').notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind, t.period] })],
);

/** A presented version (write-once): the content as presented and its SHA-256, what the approval refers to. */
export const pcDocumentVersions = pgTable(
  'pc_document_versions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: PC_DOCUMENT_KINDS }).notNull(),
    period: text('period').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<PcDocumentContent>().notNull(),
    contentSha256: text('content_sha256').notNull(),
    presentedBy: uuid('presented_by')
      .notNull()
      .references(() => users.id),
    presentedAt: timestamp('presented_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_document_versions_org_kind_period_version').on(t.organisationId, t.kind, t.period, t.version)],
);

/** The first head's approval of one version (write-once; at most one per version). */
export const pcDocumentApprovals = pgTable('pc_document_approvals', {
  versionId: uuid('version_id')
    .primaryKey()
    .references(() => pcDocumentVersions.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  approvedBy: uuid('approved_by')
    .notNull()
    .references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }).notNull(),
});
