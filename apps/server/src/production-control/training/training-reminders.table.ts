import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { pcTrainingRecords } from './training.table.ts';

/**
 * R315-4: the service is reminded once, 30 days before a person's training runs out. The row marks
 * the reminder as sent (in the notice's transaction), so the daily job never sends it twice.
 */
export const pcTrainingReminders = pgTable('pc_training_reminders', {
  recordId: uuid('record_id')
    .primaryKey()
    .references(() => pcTrainingRecords.id),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
});
