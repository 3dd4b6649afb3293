import type { FacilityRow, UnitRow } from '../facilities/facilities.repository.ts';
import { TECHNICAL_OBJECT_KINDS } from './technical-devices.table.ts';

export type TechnicalObjectKind = (typeof TECHNICAL_OBJECT_KINDS)[number];

/** An object as typed in the form or read from a file row: anything may be missing or wrong. */
export interface ObjectInput {
  kind?: unknown;
  name?: unknown;
  registrationNumber?: unknown;
  facilityId?: unknown;
  unitId?: unknown;
  manufacturer?: unknown;
  serialNumber?: unknown;
  commissionedOn?: unknown;
}

export interface CheckedObject {
  kind: TechnicalObjectKind;
  name: string;
  registrationNumber: string;
  facilityId: string;
  unitId: string | null;
  manufacturer: string;
  serialNumber: string;
  commissionedOn: string | null;
}

/** What the check needs to know of the organisation: its facilities and units, numbers already registered. */
export interface ObjectContext {
  facilities: FacilityRow[];
  units: UnitRow[];
  taken: Set<string>;
  today: string;
}

const LIMITS = { name: 300, registrationNumber: 100, manufacturer: 300, serialNumber: 100 } as const;
const DATE = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar date written yyyy-mm-dd (2026-02-30 is not one). */
export const isDay = (s: string) => DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * The one check of a technical device, building or structure (R315-4, R315-6): for the form and for each
 * row of an import alike. `fail(field, rule)` throws the caller's coded error (with or without a row number).
 */
export function checkObject(input: ObjectInput, ctx: ObjectContext, fail: (field: string, rule: string) => never): CheckedObject {
  const text = (v: unknown, field: keyof typeof LIMITS, required: boolean) => {
    if (v === undefined || v === null || v === '') return required ? fail(field, 'required') : '';
    if (typeof v !== 'string' && typeof v !== 'number') return fail(field, 'not_text');
    const s = String(v).trim();
    if (required && !s) fail(field, 'required');
    if (s.length > LIMITS[field]) fail(field, 'too_long');
    return s;
  };
  if (!TECHNICAL_OBJECT_KINDS.includes(input.kind as TechnicalObjectKind)) fail('objectKind', 'kind');
  const name = text(input.name, 'name', true);
  const registrationNumber = text(input.registrationNumber, 'registrationNumber', true);
  if (ctx.taken.has(registrationNumber)) fail('registrationNumber', 'taken');
  const facility = ctx.facilities.find((f) => f.id === input.facilityId);
  if (!facility) fail('facilityId', 'unknown');
  if (facility!.decommissionedOn) fail('facilityId', 'decommissioned');
  let unitId: string | null = null;
  if (input.unitId !== undefined && input.unitId !== null && input.unitId !== '') {
    const unit = ctx.units.find((u) => u.id === input.unitId);
    if (!unit) fail('unitId', 'unknown');
    if (unit!.facilityId !== facility!.id) fail('unitId', 'unit_of_other_facility');
    unitId = unit!.id;
  }
  let commissionedOn: string | null = null;
  if (input.commissionedOn !== undefined && input.commissionedOn !== null && input.commissionedOn !== '') {
    const d = String(input.commissionedOn).trim();
    if (!isDay(d)) fail('commissionedOn', 'not_date');
    if (d > ctx.today) fail('commissionedOn', 'future');
    commissionedOn = d;
  }
  return {
    kind: input.kind as TechnicalObjectKind,
    name,
    registrationNumber,
    facilityId: facility!.id,
    unitId,
    manufacturer: text(input.manufacturer, 'manufacturer', false),
    serialNumber: text(input.serialNumber, 'serialNumber', false),
    commissionedOn,
  };
}
