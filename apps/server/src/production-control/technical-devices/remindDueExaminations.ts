import { notifyRoles } from '../../kernel/notifications/notify.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/format.ts';
import { dateInZone } from '../../platform/time.ts';
import { latestByObjectAndKind, reminderThreshold } from './examination-state.ts';
import { allExaminations, claimReminder, remindersSent } from './technical-devices.repository.ts';
import { EXAMINATION_ADDRESSEES } from './technical-devices.usecases.ts';

/**
 * R315-6, R315-26 section 5, run daily: the service's head and the first head are reminded that an
 * examination falls due — 30 days before, 7 days before and on the first day it is overdue — once each
 * (a pc_examination_reminders row, written in the same transaction as the notice, so a rerun never
 * doubles it). Only the latest examination of an object in service counts: a newer one replaces it.
 */
export async function remindDueExaminations(deps: AppDeps) {
  const today = dateInZone(deps.now());
  const latest = latestByObjectAndKind(
    (await allExaminations(deps.db)).filter((r) => !r.object.decommissionedOn).map((r) => ({ ...r.exam, object: r.object })),
  );
  const due = latest.flatMap((e) => {
    const threshold = reminderThreshold(e, today);
    return threshold ? [{ e, threshold }] : [];
  });
  const sent = await remindersSent(
    deps.db,
    due.map((d) => d.e.id),
  );
  let count = 0;
  for (const { e, threshold } of due.filter((d) => !sent.has(`${d.e.id}/${d.threshold}`))) {
    await deps.db.transaction(async (tx) => {
      if (!(await claimReminder(tx, e.id, threshold, deps.now()))) return;
      await notifyRoles(
        tx,
        e.organisationId,
        [...EXAMINATION_ADDRESSEES],
        `pc.examination_${threshold === 'overdue' ? 'overdue' : 'due'}`,
        {
          objectId: e.objectId,
          name: e.object.name,
          registrationNumber: e.object.registrationNumber,
          examinationKind: e.kind,
          date: formatDate(e.nextDueOn),
          days: threshold === '30_days' ? 30 : 7,
        },
        deps.now(),
      );
      count++;
    });
  }
  return count;
}
