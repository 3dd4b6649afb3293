import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { activityMaterials } from '../activities/materials.table.ts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { recordings } from '../recordings/recordings.table.ts';
import { users } from '../../kernel/users/users.table.ts';

export const RECIPIENT_KINDS = ['court', 'authority'] as const;
export const PACKAGE_STATES = ['building', 'ready', 'failed'] as const;
export const PACKAGE_CREATOR_ROLES = ['responsible', 'head'] as const;

/**
 * A court or authority package (R444-14): what was asked for is fixed at
 * creation; the build fills in progress and, once, the signed manifest. A
 * trigger refuses changes to the request columns and any change after the
 * package is ready or failed.
 */
export const evidencePackages = pgTable(
  'evidence_packages',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** "П-<year>-<4 digits>", numbered per organisation and calendar year. */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    recipientKind: text('recipient_kind', { enum: RECIPIENT_KINDS }).notNull(),
    recipientName: text('recipient_name').notNull(),
    caseNumber: text('case_number').notNull(),
    purpose: text('purpose').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdByRole: text('created_by_role', { enum: PACKAGE_CREATOR_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    state: text('state', { enum: PACKAGE_STATES }).notNull().default('building'),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    /** Why the build failed: an error code and its details (e.g. the recording whose bytes changed). */
    error: jsonb('error').$type<{ code: string; details?: Record<string, unknown> }>(),
    /** The exact manifest bytes, its signature and verify.html live in the write-once store under these hashes. */
    manifestSha256: text('manifest_sha256'),
    manifestSize: bigint('manifest_size', { mode: 'number' }),
    manifestSignature: text('manifest_signature'),
    verifyHtmlSha256: text('verify_html_sha256'),
    verifyHtmlSize: bigint('verify_html_size', { mode: 'number' }),
    builtAt: timestamp('built_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('evidence_packages_number').on(t.organisationId, t.year, t.seq),
    index('evidence_packages_org_created').on(t.organisationId, t.createdAt),
  ],
);

export const PACKAGE_ITEM_KINDS = ['recording', 'material'] as const;

/** What a package contains, in order. Append-only. */
export const evidencePackageItems = pgTable(
  'evidence_package_items',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => evidencePackages.id),
    position: integer('position').notNull(),
    kind: text('kind', { enum: PACKAGE_ITEM_KINDS }).notNull(),
    recordingId: uuid('recording_id').references(() => recordings.id),
    materialId: uuid('material_id').references(() => activityMaterials.id),
    /** An optional excerpt of the recording, in seconds from its start; the original is always included too. */
    excerptFromSeconds: integer('excerpt_from_seconds'),
    excerptToSeconds: integer('excerpt_to_seconds'),
  },
  (t) => [uniqueIndex('evidence_package_items_position').on(t.packageId, t.kind, t.position)],
);

/** Time-limited download links; only the SHA-256 of the token is kept. Only used_count ever changes. */
export const evidencePackageLinks = pgTable(
  'evidence_package_links',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    packageId: uuid('package_id')
      .notNull()
      .references(() => evidencePackages.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedCount: integer('used_count').notNull().default(0),
  },
  (t) => [uniqueIndex('evidence_package_links_token').on(t.tokenHash), index('evidence_package_links_package').on(t.packageId)],
);
