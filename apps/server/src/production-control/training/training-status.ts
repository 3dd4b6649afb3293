import { TRAINING_EXPIRY_NOTICE_DAYS, type TrainingState } from '@baqylau/contracts';
import type { TrainingRow } from './training.repository.ts';

/** The same person across records: their account when they have one, else the name as written (case and spacing aside). */
export const personKey = (r: Pick<TrainingRow, 'personId' | 'fullName'>) =>
  r.personId ? `user:${r.personId}` : `name:${r.fullName.trim().replace(/\s+/g, ' ').toLocaleLowerCase('kk')}`;

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Valid through `validUntil` inclusive; expiring when it runs out within 30 days; expired the day after. */
export function stateOf(validUntil: string, today: string): TrainingState {
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, TRAINING_EXPIRY_NOTICE_DAYS)) return 'expiring';
  return 'valid';
}

/**
 * Each person's current record: among the records not superseded by a correction, the one valid the
 * longest (on a tie, the later entered). An expired person is one whose every record has run out.
 */
export function currentByPerson<T extends TrainingRow>(records: T[], today: string) {
  const superseded = new Set(records.flatMap((r) => (r.supersedes ? [r.supersedes] : [])));
  const current = new Map<string, T>();
  for (const r of records) {
    if (superseded.has(r.id)) continue;
    const k = personKey(r);
    const c = current.get(k);
    if (!c || r.validUntil > c.validUntil || (r.validUntil === c.validUntil && r.recordedAt >= c.recordedAt)) current.set(k, r);
  }
  return [...current.entries()].map(([key, record]) => ({ key, record, state: stateOf(record.validUntil, today) }));
}
