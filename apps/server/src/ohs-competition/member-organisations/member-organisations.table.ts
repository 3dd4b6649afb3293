import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * The union's member organisations (point 10: regions, Astana, Almaty, Shymkent), kept inside the
 * union's own tenant: they take part only through the union's competition (README here).
 */
export const competitionMemberOrganisations = pgTable(
  'competition_member_organisations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('competition_member_organisations_name').on(t.organisationId, t.nameKk)],
);

/** Which member organisation a coordinator (role `member_coordinator`) prepares applications for. */
export const competitionCoordinators = pgTable(
  'competition_coordinators',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    memberOrganisationId: uuid('member_organisation_id')
      .notNull()
      .references(() => competitionMemberOrganisations.id),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] })],
);
