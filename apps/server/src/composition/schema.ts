// Every table, for drizzle-kit (migrations/). Modules own their tables; the composition gathers them here.
export * from '../platform/ledger/ledger.table.ts';
export * from '../platform/jobs/jobs.table.ts';
export * from '../kernel/organisations/organisations.table.ts';
export * from '../kernel/users/users.table.ts';
export * from '../kernel/auth/sessions.table.ts';
export * from '../kernel/tokens/tokens.table.ts';
export * from '../kernel/appointments/appointments.table.ts';
export * from '../video-evidence/activities/activities.table.ts';
export * from '../video-evidence/recorders/recorders.table.ts';
export * from '../video-evidence/journal/journal.table.ts';
export * from '../kernel/notifications/notifications.table.ts';
export * from '../video-evidence/recordings/recordings.table.ts';
export * from '../video-evidence/continuity/continuity.table.ts';
export * from '../video-evidence/recordings/access.table.ts';
export * from '../video-evidence/retention/retention.table.ts';
export * from '../video-evidence/activities/materials.table.ts';
export * from '../video-evidence/packages/packages.table.ts';
