import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { dateInZone } from '../../platform/time.ts';
import type { OrgRole } from '@baqylau/contracts';
import { headsAndResponsible, holdersOfRoles, insertNotifications } from './notifications.repository.ts';

/**
 * Notifies the head and the responsible person in the app at once, and queues
 * an e-mail each (sent only when SMTP is configured; retried by the job queue).
 */
export async function notifyHeadAndResponsible(
  tx: DbOrTx,
  organisationId: string,
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
) {
  return notifyUsers(tx, organisationId, await headsAndResponsible(tx, organisationId, dateInZone(now)), kind, payload, now);
}

/** Notifies everyone holding one of the roles in the organisation (in the app, and by e-mail when configured). */
export async function notifyRoles(
  tx: DbOrTx,
  organisationId: string,
  roles: OrgRole[],
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
) {
  return notifyUsers(tx, organisationId, await holdersOfRoles(tx, organisationId, roles), kind, payload, now);
}

/** Notifies the given people (a rule set's addressee, e.g. the official responsible for a planned inspection), in the app and by e-mail when configured. */
export async function notifyUsers(
  tx: DbOrTx,
  organisationId: string,
  userIds: string[],
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
) {
  const rows = userIds.map((userId) => ({ id: randomUUID(), organisationId, userId, kind, payload, createdAt: now }));
  await insertNotifications(tx, rows);
  for (const r of rows)
    await enqueueJob(tx, 'notification.email', { notificationId: r.id }, { organisationId, dedupeKey: `email:${r.id}`, runAt: now });
  return userIds;
}
