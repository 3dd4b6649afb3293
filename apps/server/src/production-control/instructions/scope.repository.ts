import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcOfficialAppointments } from '../officials/officials.table.ts';

/** What an official's appointments in force on `today` cover (R315-3): facilities, and units (none listed = all of them). */
export interface OfficialScope {
  appointed: boolean;
  covers(facilityId: string, unitId: string | null): boolean;
}

export async function scopeOfOfficial(db: DbOrTx, organisationId: string, personId: string, today: string): Promise<OfficialScope> {
  const rows = await db
    .select()
    .from(pcOfficialAppointments)
    .where(
      and(
        eq(pcOfficialAppointments.organisationId, organisationId),
        eq(pcOfficialAppointments.personId, personId),
        lte(pcOfficialAppointments.validFrom, today),
        or(isNull(pcOfficialAppointments.validTo), gte(pcOfficialAppointments.validTo, today)),
      ),
    );
  return {
    appointed: rows.length > 0,
    covers: (facilityId, unitId) =>
      rows.some((a) => a.facilityIds.includes(facilityId) && (!a.unitIds.length || (unitId !== null && a.unitIds.includes(unitId)))),
  };
}
