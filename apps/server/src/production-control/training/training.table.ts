import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcProposals } from '../violations/violations.table.ts';

/** Point 4: training (оқыту), retraining (қайта даярлау) and the knowledge check (білімін тексеру) in industrial safety. */
export const TRAINING_KINDS = ['training', 'retraining', 'knowledge_check'] as const;

/**
 * The staff training register (R315-4, R315-6, R315-26 section 7). A record is write-once: a
 * mistake is corrected by a new record that supersedes it. A person whose last valid record has
 * expired is proposed for removal from work (part 1's `pc_proposals`, kind `remove_staff`).
 */
export const pcTrainingRecords = pgTable(
  'pc_training_records',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The member's account when they have one; workers without an account are named only. */
    personId: uuid('person_id').references(() => users.id),
    fullName: text('full_name').notNull(),
    position: text('position').notNull(),
    facilityId: uuid('facility_id').references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
    /** The programme / subject (e.g. «Өнеркәсіптік қауіпсіздік негіздері»). */
    programme: text('programme').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    /** The next training or check is due by this date. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** The commission's protocol or the certificate. */
    documentNumber: text('document_number').notNull(),
    supersedes: uuid('supersedes'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The removal proposal raised when this record expired without a newer one. */
    removalProposalId: uuid('removal_proposal_id').references(() => pcProposals.id),
  },
  (t) => [
    index('pc_training_records_org_valid').on(t.organisationId, t.validUntil),
    index('pc_training_records_org_person').on(t.organisationId, t.fullName),
  ],
);
