import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ORGANISATION_TYPES } from '@baqylau/contracts';

/** One organisation per BIN (issue 13): the index keeps it so when two administrators race. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    type: text('type', { enum: ORGANISATION_TYPES }).notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    bin: text('bin').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Almaty'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_bin').on(t.bin)],
);
