import type { ExaminationRow, ReminderThreshold } from './technical-devices.repository.ts';

/** How close an examination's next due date may come before the service is warned (R315-6, R315-26 section 5). */
export const DUE_SOON_DAYS = 30;
export const LAST_REMINDER_DAYS = 7;

export type ExaminationState = 'valid' | 'due_soon' | 'overdue' | 'unfit';

const DAY = 86_400_000;
/** Whole days from `today` to `day` (negative once past). */
export const daysUntil = (day: string, today: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);

/**
 * An object's state for one kind, from its latest examination: unfit wins (the device must not be
 * used whatever the date); past the next due date it is overdue (the due day itself is still in time).
 */
export function examinationState(latest: Pick<ExaminationRow, 'result' | 'nextDueOn'>, today: string): ExaminationState {
  if (latest.result === 'unfit') return 'unfit';
  const left = daysUntil(latest.nextDueOn, today);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'valid';
}

/** The reminder due today for the latest examination, if any: 30 days, 7 days, and the day it is overdue. */
export function reminderThreshold(latest: Pick<ExaminationRow, 'result' | 'nextDueOn'>, today: string): ReminderThreshold | null {
  if (latest.result === 'unfit') return null; // already flagged to the head when recorded
  const left = daysUntil(latest.nextDueOn, today);
  if (left < 0) return 'overdue';
  if (left <= LAST_REMINDER_DAYS) return '7_days';
  return left <= DUE_SOON_DAYS ? '30_days' : null;
}

/** The latest examination of each object and kind (rows come newest first). */
export function latestByObjectAndKind<T extends Pick<ExaminationRow, 'objectId' | 'kind'>>(rows: T[]) {
  const latest = new Map<string, T>();
  for (const r of rows) if (!latest.has(`${r.objectId}/${r.kind}`)) latest.set(`${r.objectId}/${r.kind}`, r);
  return [...latest.values()];
}
