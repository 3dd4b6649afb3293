import type { DbOrTx } from '../../db/database.ts';
import { appointmentsInForce, type AppointmentRow } from './officials.repository.ts';

/**
 * Does the appointment's scope take in the facility (and the unit, when one is named)? Empty unit list =
 * every unit. `whole`: acting on the whole facility (an inspection of it) needs a scope naming no units.
 */
export const covers = (
  a: Pick<AppointmentRow, 'facilityIds' | 'unitIds'>,
  facilityId: string,
  unitId: string | null | undefined,
  whole = false,
) =>
  a.facilityIds.includes(facilityId) && (unitId ? a.unitIds.length === 0 || a.unitIds.includes(unitId) : !whole || a.unitIds.length === 0);

/**
 * R315-3: the appointment by the head's order that lets this person act at the facility (and unit) on
 * `today` (yyyy-mm-dd), or undefined. The inspection engine refuses an inspection without one.
 */
export async function activeAppointmentCovering(
  db: DbOrTx,
  organisationId: string,
  personId: string,
  facilityId: string,
  unitId: string | null | undefined,
  today: string,
  opts: { wholeFacility?: boolean } = {},
): Promise<AppointmentRow | undefined> {
  const inForce = await appointmentsInForce(db, organisationId, personId, today);
  return inForce.find((a) => covers(a, facilityId, unitId, opts.wholeFacility));
}
