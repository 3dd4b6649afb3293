import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/format.ts';
import { SYSTEM_ACTOR } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyPeople } from '../pc-notify.ts';
import { insertReminder, overdueAcknowledgements } from './notices.repository.ts';

/**
 * R315-4, R315-20: an addressee who has not acknowledged a notice within its days is reminded once
 * (the write-once reminder row, in the same transaction as the notice, so a rerun never doubles it).
 * A superseded notice is not reminded of: its correction is.
 */
export async function remindOverdueAcknowledgements(deps: AppDeps) {
  let sent = 0;
  for (const o of await overdueAcknowledgements(deps.db, deps.now())) {
    await deps.db.transaction(async (tx) => {
      const now = deps.now();
      const [row] = await insertReminder(tx, { noticeId: o.noticeId, userId: o.userId, remindedAt: now });
      if (!row) return;
      await notifyPeople(
        tx,
        o.organisationId,
        [o.userId],
        'pc.notice_acknowledgement_overdue',
        { noticeId: o.noticeId, subject: o.subject, date: formatDate(new Date(o.publishedAt)) },
        now,
      );
      await recordPcEvent(tx, deps, {
        organisationId: o.organisationId,
        actor: SYSTEM_ACTOR,
        action: 'pc.notice_reminded',
        subjectType: 'pc_notice',
        subjectId: o.noticeId,
        payload: { userId: o.userId },
      });
      sent++;
    });
  }
  return sent;
}
