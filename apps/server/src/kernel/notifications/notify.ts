import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { dateInZone } from '../../platform/time.ts';
import { headsAndResponsible, insertNotifications } from './notifications.repository.ts';

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
  const userIds = await headsAndResponsible(tx, organisationId, dateInZone(now));
  const rows = userIds.map((userId) => ({ id: randomUUID(), organisationId, userId, kind, payload, createdAt: now }));
  await insertNotifications(tx, rows);
  for (const r of rows)
    await enqueueJob(tx, 'notification.email', { notificationId: r.id }, { organisationId, dedupeKey: `email:${r.id}`, runAt: now });
  return userIds;
}
