// Every table, for Drizzle and drizzle-kit. Modules own their tables; this file only gathers them.
export * from '../platform/ledger/ledger.table.ts';
export * from '../platform/jobs/jobs.table.ts';
export * from '../modules/organisations/organisations.table.ts';
export * from '../modules/users/users.table.ts';
export * from '../modules/auth/sessions.table.ts';
export * from '../modules/tokens/tokens.table.ts';
export * from '../modules/appointments/appointments.table.ts';
export * from '../modules/activities/activities.table.ts';
export * from '../modules/recorders/recorders.table.ts';
export * from '../modules/journal/journal.table.ts';
export * from '../modules/notifications/notifications.table.ts';
export * from '../modules/recordings/recordings.table.ts';
export * from '../modules/continuity/continuity.table.ts';
export * from '../modules/recordings/access.table.ts';
export * from '../modules/retention/retention.table.ts';
export * from '../modules/activities/materials.table.ts';
export * from '../modules/packages/packages.table.ts';
