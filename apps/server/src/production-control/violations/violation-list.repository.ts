import { and, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Severity, ViolationStatus } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcViolations } from './violations.table.ts';

export interface ViolationFilter {
  id?: string;
  status?: ViolationStatus[];
  facilityId?: string;
  unitId?: string;
  severity?: Severity;
  dangerous?: boolean;
  overdue?: boolean;
  text?: string;
  /** Keyset: the last row of the previous page (found_at, id), newest first. */
  after?: { foundAt: Date; id: string };
  limit: number;
  today: string;
}

const STILL_OPEN: ViolationStatus[] = ['open', 'measure_reported'];
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The filtered violation list, newest first, with keyset pagination on (found_at, id) — served by
 * pc_violations_org_found (and the status / facility / unit indexes when those filters are set).
 */
export function listViolations(db: DbOrTx, organisationId: string, f: ViolationFilter) {
  const v = pcViolations;
  const where: (SQL | undefined)[] = [
    eq(v.organisationId, organisationId),
    f.id ? eq(v.id, f.id) : undefined,
    f.status?.length ? inArray(v.status, f.status) : undefined,
    f.facilityId ? eq(v.facilityId, f.facilityId) : undefined,
    f.unitId ? eq(v.unitId, f.unitId) : undefined,
    f.severity ? eq(v.severity, f.severity) : undefined,
    f.dangerous === undefined ? undefined : eq(v.dangerous, f.dangerous),
    f.overdue === undefined
      ? undefined
      : f.overdue
        ? and(inArray(v.status, STILL_OPEN), lt(v.dueOn, f.today))
        : sql`NOT (${v.status} IN ('open', 'measure_reported') AND ${v.dueOn} IS NOT NULL AND ${v.dueOn} < ${f.today})`,
    f.text ? ilike(v.description, `%${likeEscape(f.text)}%`) : undefined,
    f.after ? or(lt(v.foundAt, f.after.foundAt), and(eq(v.foundAt, f.after.foundAt), lt(v.id, f.after.id))) : undefined,
  ];
  return db
    .select({
      violation: v,
      facilityName: pcFacilities.name,
      unitName: pcUnits.name,
      overdue: sql<boolean>`(${v.status} IN ('open', 'measure_reported') AND ${v.dueOn} IS NOT NULL AND ${v.dueOn} < ${f.today})`,
    })
    .from(v)
    .innerJoin(pcFacilities, eq(pcFacilities.id, v.facilityId))
    .leftJoin(pcUnits, eq(pcUnits.id, v.unitId))
    .where(and(...where))
    .orderBy(desc(v.foundAt), desc(v.id))
    .limit(f.limit + 1);
}
