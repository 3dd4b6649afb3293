import { bigint, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { cctvAccessRequests } from '../access-requests/access-requests.table.ts';

/**
 * R335-3: a package of the clips handed to a deceased patient's family, sealed by the kernel's
 * evidence packages (signed manifest, custody of the application, verify.html). The clips, custody
 * and letters are stored objects the manifest names; this row keeps what streams the ZIP again.
 * Write-once: a trigger refuses any change.
 */
export const cctvDisclosurePackages = pgTable(
  'cctv_disclosure_packages',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => cctvAccessRequests.id),
    /** "CCTV-<application number>-<n>", also the ZIP's folder. */
    number: text('number').notNull(),
    seq: integer('seq').notNull(),
    clips: integer('clips').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    manifestSha256: text('manifest_sha256').notNull(),
    manifestSize: bigint('manifest_size', { mode: 'number' }).notNull(),
    manifestSignature: text('manifest_signature').notNull(),
    verifyHtmlSha256: text('verify_html_sha256').notNull(),
    verifyHtmlSize: bigint('verify_html_size', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('cctv_disclosure_packages_request_seq').on(t.requestId, t.seq),
    uniqueIndex('cctv_disclosure_packages_org_number').on(t.organisationId, t.number),
  ],
);
