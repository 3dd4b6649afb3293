import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_STATES, DOCUMENT_KINDS, EDUCATION_ORGANISATION_TYPES, INDICATOR_IDS, type Questionnaire } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { competitionMemberOrganisations } from '../member-organisations/member-organisations.table.ts';
import type { IndicatorCounts } from '../regulation/scoreApplication.ts';
import { competitionYears } from '../years/years.table.ts';

/**
 * RC-16: a candidate's application to stage II — the questionnaire (Appendix 2), the characteristic
 * (Appendix 3), the indicator table with a count per indicator (Appendix 1) and the explanatory
 * note (Appendix 4). A draft until submitted; then frozen, with the receipt of what was submitted.
 */
export const competitionApplications = pgTable(
  'competition_applications',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    yearId: uuid('year_id')
      .notNull()
      .references(() => competitionYears.id),
    memberOrganisationId: uuid('member_organisation_id')
      .notNull()
      .references(() => competitionMemberOrganisations.id),
    educationOrganisationType: text('education_organisation_type', { enum: EDUCATION_ORGANISATION_TYPES }).notNull(),
    /** Point 9, from the type of education organisation by the year's rules. */
    group: integer('group').notNull(),
    questionnaire: jsonb('questionnaire').$type<Partial<Questionnaire>>().notNull(),
    characteristic: text('characteristic').notNull().default(''),
    explanatoryNote: text('explanatory_note').notNull().default(''),
    /** What the member organisation claims, per indicator. */
    counts: jsonb('counts').$type<IndicatorCounts>().notNull(),
    state: text('state', { enum: APPLICATION_STATES }).notNull(),
    /** Point 8: a fatal work accident in the candidate's organisation in the reporting year. */
    fatalAccidentOn: date('fatal_accident_on', { mode: 'string' }),
    fatalAccidentNote: text('fatal_accident_note'),
    excludedPoint: text('excluded_point'),
    excludedAt: timestamp('excluded_at', { withTimezone: true, mode: 'date' }),
    /** Point 10: entered into stage I, held by the member organisation's commission (frozen from then on). */
    stageOneEnteredAt: timestamp('stage_one_entered_at', { withTimezone: true, mode: 'date' }),
    stageOneEnteredBy: uuid('stage_one_entered_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** SHA-256 of the canonical JSON of `receipt`: what was submitted, documents by their hashes. */
    receiptSha256: text('receipt_sha256'),
    receipt: jsonb('receipt'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('competition_applications_year').on(t.yearId, t.memberOrganisationId),
    // RC-10 (point 11): one candidate per group per member organisation goes to stage II — selected at
    // stage I or sent — even under a race; an exclusion (point 8) frees the place.
    uniqueIndex('competition_applications_one_per_group')
      .on(t.yearId, t.memberOrganisationId, t.group)
      .where(sql`state IN ('nominated', 'submitted')`),
  ],
);

/**
 * The documents of an application, each a write-once stored object: the attachments of point 16
 * and the evidence of each indicator with its event date (point 18, note to Appendix 1).
 */
export const competitionDocuments = pgTable(
  'competition_documents',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => competitionApplications.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    indicatorId: text('indicator_id', { enum: INDICATOR_IDS }),
    eventDate: date('event_date', { mode: 'string' }),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('competition_documents_application').on(t.applicationId), index('competition_documents_sha256').on(t.sha256)],
);

/** A document taken off a draft: the document itself stays (write-once), this says it no longer counts. */
export const competitionDocumentDetachments = pgTable('competition_document_detachments', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => competitionDocuments.id),
  detachedBy: uuid('detached_by')
    .notNull()
    .references(() => users.id),
  detachedAt: timestamp('detached_at', { withTimezone: true, mode: 'date' }).notNull(),
});
