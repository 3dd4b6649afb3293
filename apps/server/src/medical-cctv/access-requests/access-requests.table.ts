import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCESS_REQUEST_STATES, APPLICANT_RELATIONSHIPS, REQUEST_FILE_KINDS } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * R335-3: an application for a deceased patient's recordings by a child or the surviving spouse.
 * On receipt the requested period is put on hold in the clinic's video system (the instruction and
 * its confirmation are recorded here); then a decision with reasons; then what was handed over.
 */
export const cctvAccessRequests = pgTable(
  'cctv_access_requests',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Consecutive per organisation and year: 2026-7. */
    number: text('number').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIin: text('applicant_iin').notNull(),
    applicantContact: text('applicant_contact').notNull().default(''),
    relationship: text('relationship', { enum: APPLICANT_RELATIONSHIPS }).notNull(),
    patientName: text('patient_name').notNull(),
    patientIin: text('patient_iin').notNull(),
    dateOfDeath: date('date_of_death', { mode: 'string' }).notNull(),
    periodFrom: timestamp('period_from', { withTimezone: true, mode: 'date' }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true, mode: 'date' }).notNull(),
    /** The places whose recordings are asked for (cctv_places ids). */
    placeIds: uuid('place_ids').array().notNull(),
    state: text('state', { enum: ACCESS_REQUEST_STATES }).notNull(),
    /** The instruction to keep the period in the video system, given on receipt. */
    holdInstruction: text('hold_instruction').notNull(),
    holdConfirmedAt: timestamp('hold_confirmed_at', { withTimezone: true, mode: 'date' }),
    holdConfirmedBy: text('hold_confirmed_by'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: uuid('decided_by').references(() => users.id),
    providedAt: timestamp('provided_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('cctv_access_requests_org_number').on(t.organisationId, t.number),
    index('cctv_access_requests_org_state').on(t.organisationId, t.state),
  ],
);

/** Proof documents of an application and the clips handed over, each a write-once stored object. */
export const cctvRequestFiles = pgTable('cctv_request_files', {
  id: uuid('id').primaryKey(),
  requestId: uuid('request_id')
    .notNull()
    .references(() => cctvAccessRequests.id),
  kind: text('kind', { enum: REQUEST_FILE_KINDS }).notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  seq: integer('seq').notNull(),
  uploadedBy: uuid('uploaded_by')
    .notNull()
    .references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
});
