import { ACCIDENT_KINDS, type AccidentKind, type CommissionMemberView } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findFacility, findUnit } from '../facilities/facilities.repository.ts';

/** A refused field of the register, with the rule it breaks (texts: common `pc.accidentField.*`, `pc.accidentRule.*`). */
export const refuse = (field: string, rule: string, value?: unknown): never => {
  throw new AppError('pc.accident_invalid', { field, rule, value: value === undefined ? '' : String(value) });
};

/** Trimmed text, required and at most `max` characters — a blank or overlong value is refused, never cut. */
export function text(value: string | undefined, field: string, max: number, min = 1) {
  const s = (value ?? '').trim();
  if (s.length < min) refuse(field, 'required');
  if (s.length > max) refuse(field, 'too_long');
  return s;
}

/** yyyy-mm-dd naming a real day (not 30 February). */
export const isDay = (v: string) => {
  const t = Date.parse(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
};

/** A calendar date: a real day, not after today (what has happened) and not before `notBefore` when given. */
export function pastDate(value: string, field: string, today: string, notBefore?: { day: string; rule: string }) {
  if (!isDay(value)) refuse(field, 'date', value);
  if (value > today) refuse(field, 'future', value);
  if (notBefore && value < notBefore.day) refuse(field, notBefore.rule, value);
  return value;
}

export function kindOf(value: string): AccidentKind {
  if (!(ACCIDENT_KINDS as readonly string[]).includes(value)) refuse('kind', 'kind', value);
  return value as AccidentKind;
}

/** The facility of the organisation (in operation) and, when named, its unit. */
export async function placeOf(db: DbOrTx, organisationId: string, facilityId: string, unitId: string | null) {
  const facility = await findFacility(db, organisationId, facilityId);
  if (!facility) refuse('facilityId', 'unknown');
  if (unitId) {
    const unit = await findUnit(db, organisationId, unitId);
    if (!unit || unit.facilityId !== facilityId) refuse('unitId', 'unit_of_other_facility');
  }
  return facility!;
}

/** Point 4.12: the commission is appointed by order — exactly one chair and at least one member, each named with a position. */
export function commissionOf(input: { fullName?: string; position?: string; role?: string }[]): CommissionMemberView[] {
  if (input.length > 30) refuse('commission', 'over_limit');
  const members = input.map((m) => {
    if (m.role !== 'chair' && m.role !== 'member') refuse('commission', 'role', m.role);
    return {
      fullName: text(m.fullName, 'commission', 300, 3),
      position: text(m.position, 'commission', 300),
      role: m.role as 'chair' | 'member',
    };
  });
  if (members.filter((m) => m.role === 'chair').length !== 1) refuse('commission', 'one_chair');
  if (!members.some((m) => m.role === 'member')) refuse('commission', 'members');
  return members;
}
