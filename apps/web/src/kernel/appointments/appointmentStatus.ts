import type { Appointment } from './appointments.queries.ts';

export type AppointmentStatus = 'active' | 'scheduled' | 'ended';

/** Dates are calendar days in the organisation's zone; `validTo` is the last day in office. */
export function appointmentStatus(a: Pick<Appointment, 'validFrom' | 'validTo'>, today: string): AppointmentStatus {
  if (a.validTo !== null && a.validTo < today) return 'ended';
  if (a.validFrom > today) return 'scheduled';
  return 'active';
}

export const STATUS_COLOR: Record<AppointmentStatus, string> = { active: 'teal', scheduled: 'blue', ended: 'gray' };
