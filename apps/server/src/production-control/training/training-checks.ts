import { randomUUID } from 'node:crypto';
import { TRAINING_KINDS, type TrainingKind } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { listFacilities, listUnits, type FacilityRow, type UnitRow } from '../facilities/facilities.repository.ts';
import { isMember, recordsOf, type TrainingRow } from './training.repository.ts';

/** A record as typed in the form or read from a sheet: anything may be missing or wrong. */
export interface TrainingInput {
  personId?: string | null;
  fullName?: string;
  position?: string;
  facilityId?: string;
  unitId?: string | null;
  kind?: string;
  programme?: string;
  completedOn?: string;
  validUntil?: string;
  documentNumber?: string;
  supersedes?: string | null;
}

/** What every row is checked against: the organisation's facilities, units and records (and those accepted earlier in the same file). */
export interface TrainingContext {
  db: DbOrTx;
  organisationId: string;
  today: string;
  facilities: FacilityRow[];
  units: UnitRow[];
  records: Pick<TrainingRow, 'id' | 'supersedes'>[];
}

export async function trainingContext(db: DbOrTx, organisationId: string, today: string): Promise<TrainingContext> {
  const [facilities, units, records] = await Promise.all([
    listFacilities(db, organisationId),
    listUnits(db, organisationId),
    recordsOf(db, organisationId),
  ]);
  return { db, organisationId, today, facilities, units, records };
}

/** In an import the error names the sheet's column, as the user sees it. */
const COLUMN: Record<string, string> = {
  fullName: 'full_name',
  facilityId: 'facility',
  unitId: 'unit',
  completedOn: 'completed_on',
  validUntil: 'valid_until',
  documentNumber: 'document_number',
};

const isDay = (v: string) => {
  const t = Date.parse(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
};

/**
 * The one check of a training record (R315-4, point 4.10), for the form and for every row of an import:
 * a refusal names the field and the rule (and the row of the file). Nothing is corrected silently.
 */
export async function checkTraining(
  ctx: TrainingContext,
  input: TrainingInput,
  who: { recordedBy: string; at: Date },
  row?: number,
): Promise<TrainingRow> {
  const fail = (field: string, rule: string, value?: unknown): never => {
    const details = { field, rule, value: value === undefined || value === null ? '' : String(value) };
    throw row === undefined
      ? new AppError('pc.training_invalid', details)
      : new AppError('pc.training_import_invalid', { row, ...details, field: COLUMN[field] ?? field });
  };
  const text = (v: string | undefined, field: string, max: number, min = 1) => {
    const s = (v ?? '').trim();
    if (s.length < min) fail(field, 'required');
    if (s.length > max) fail(field, 'too_long');
    return s;
  };
  const fullName = text(input.fullName, 'fullName', 300, 3);
  const position = text(input.position, 'position', 300);
  if (!(TRAINING_KINDS as readonly string[]).includes(input.kind ?? '')) fail('kind', 'kind', input.kind);
  const programme = text(input.programme, 'programme', 500, 3);
  const documentNumber = text(input.documentNumber, 'documentNumber', 100);
  const completedOn = input.completedOn ?? '';
  if (!isDay(completedOn)) fail('completedOn', 'date', completedOn);
  if (completedOn > ctx.today) fail('completedOn', 'future', completedOn);
  const validUntil = input.validUntil ?? '';
  if (!isDay(validUntil)) fail('validUntil', 'date', validUntil);
  if (validUntil <= completedOn) fail('validUntil', 'not_after_completed', validUntil);
  const facility = ctx.facilities.find((f) => f.id === input.facilityId);
  if (!facility) fail('facilityId', 'unknown', input.facilityId);
  const unitId = input.unitId || null;
  if (unitId && ctx.units.find((u) => u.id === unitId)?.facilityId !== facility!.id) fail('unitId', 'unit_of_other_facility', unitId);
  const personId = input.personId || null;
  if (personId && !(await isMember(ctx.db, ctx.organisationId, personId))) fail('personId', 'not_member', personId);
  const supersedes = input.supersedes || null;
  if (supersedes) {
    if (!ctx.records.some((r) => r.id === supersedes)) fail('supersedes', 'unknown', supersedes);
    // A record is corrected once; a second correction supersedes the first correction.
    if (ctx.records.some((r) => r.supersedes === supersedes)) fail('supersedes', 'already_superseded', supersedes);
  }
  return {
    id: randomUUID(),
    organisationId: ctx.organisationId,
    personId,
    fullName,
    position,
    facilityId: facility!.id,
    unitId,
    kind: input.kind as TrainingKind,
    programme,
    completedOn,
    validUntil,
    documentNumber,
    supersedes,
    recordedBy: who.recordedBy,
    recordedAt: who.at,
    removalProposalId: null,
  };
}
