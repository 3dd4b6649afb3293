import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LOCALES, NOTICE_KINDS, type NoticeAddressees } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * R315-4, R315-20: a notice to staff. A draft (no published_at) is the author's to edit and to attach
 * a document to; once published it never changes (trigger, migration): a correction is a new notice
 * that supersedes it (at most one published successor each).
 */
export const pcNotices = pgTable(
  'pc_notices',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The language the author wrote it in (shown as written, not translated). */
    language: text('language', { enum: LOCALES }).notNull(),
    addressees: jsonb('addressees').$type<NoticeAddressees>().notNull(),
    /** Days an addressee has to acknowledge before being reminded. */
    acknowledgeWithinDays: integer('acknowledge_within_days').notNull(),
    supersedesId: uuid('supersedes_id'),
    /** The approved annual analysis a point-20 notice was published from. */
    analysisId: uuid('analysis_id'),
    documentSha256: text('document_sha256'),
    documentMime: text('document_mime'),
    documentSize: bigint('document_size', { mode: 'number' }),
    documentName: text('document_name'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('pc_notices_org').on(t.organisationId, t.publishedAt),
    uniqueIndex('pc_notices_supersedes')
      .on(t.supersedesId)
      .where(sql`published_at IS NOT NULL`),
  ],
);

/** The addressees resolved when the notice is published (the people it was sent to, frozen). */
export const pcNoticeAddressees = pgTable(
  'pc_notice_addressees',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => pcNotices.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] }), index('pc_notice_addressees_user').on(t.userId)],
);

/** An addressee's acknowledgement (write-once, one per addressee). */
export const pcNoticeAcknowledgements = pgTable(
  'pc_notice_acknowledgements',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => pcNotices.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] })],
);

/** The one reminder of an overdue acknowledgement (write-once, so a rerun of the job never doubles it). */
export const pcNoticeReminders = pgTable(
  'pc_notice_reminders',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => pcNotices.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] })],
);
