import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OFFLINE_RECORD_KINDS } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcInspections } from '../inspections/inspections.table.ts';

/**
 * A receipt for one record made in the field without network (an item's answer, a finding's photo,
 * the unit head's acknowledgement). The device names each record by its own id (`client_id`); a
 * record re-sent after a broken sync finds its receipt here and gets the same answer back, so a
 * sync resumes without doubling anything. `fingerprint` is the SHA-256 of what was sent: the same
 * id with other content is refused, never silently replaced. Write-once.
 */
export const pcOfflineReceipts = pgTable(
  'pc_offline_receipts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => pcInspections.id),
    clientId: uuid('client_id').notNull(),
    kind: text('kind', { enum: OFFLINE_RECORD_KINDS }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** What the record became: the answered item, the attachment, the acknowledgement. */
    subjectId: uuid('subject_id').notNull(),
    /** For an answer that is a finding, and for a finding's photo: the violation. */
    violationId: uuid('violation_id'),
    sha256: text('sha256'),
    deviceId: text('device_id').notNull(),
    /** When the official made it in the field (the device's clock), and when the server received it. */
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('pc_offline_receipts_client').on(t.organisationId, t.clientId),
    index('pc_offline_receipts_inspection').on(t.inspectionId, t.receivedAt),
  ],
);

/**
 * The unit head's acknowledgement of the inspection's findings, signed on the official's device in
 * the field: the name and position as written, and the drawn signature (a PNG in the write-once
 * store, by its SHA-256). One per inspection; write-once.
 */
export const pcInspectionAcknowledgements = pgTable(
  'pc_inspection_acknowledgements',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => pcInspections.id),
    signerName: text('signer_name').notNull(),
    signerPosition: text('signer_position').notNull(),
    signatureSha256: text('signature_sha256').notNull(),
    signatureMime: text('signature_mime').notNull(),
    signatureSize: bigint('signature_size', { mode: 'number' }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_inspection_acknowledgements_inspection').on(t.inspectionId)],
);
