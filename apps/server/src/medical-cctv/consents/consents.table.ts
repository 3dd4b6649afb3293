import { bigint, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CONSENT_FORMS, CONSENT_KINDS } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { cctvPlaces } from '../premises/premises.table.ts';

/**
 * Consents of point 8-1: a patient's or legal representative's written (scanned) or electronic
 * informed consent in free form, or a medical worker's consent taken with the employment
 * contract. Withdrawal is recorded, never a deletion.
 */
export const cctvConsents = pgTable(
  'cctv_consents',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    form: text('form', { enum: CONSENT_FORMS }).notNull(),
    personName: text('person_name').notNull(),
    /** Legal representative: whom they represent. */
    representedName: text('represented_name').notNull().default(''),
    /** Medical worker: the employment contract it was taken with. */
    employmentContract: text('employment_contract').notNull().default(''),
    /** What it covers, as the person agreed it (free form). */
    scope: text('scope').notNull(),
    /** The blood-draw room it covers. */
    placeId: uuid('place_id')
      .notNull()
      .references(() => cctvPlaces.id),
    /** Written consent: the scan in the object store. */
    documentSha256: text('document_sha256'),
    documentName: text('document_name'),
    documentMime: text('document_mime'),
    documentSize: bigint('document_size', { mode: 'number' }),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalNote: text('withdrawal_note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('cctv_consents_place').on(t.placeId)],
);
