import { randomUUID } from 'node:crypto';
import { notifyRoles } from '../../kernel/notifications/notify.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/format.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { listFacilities, listUnits } from '../facilities/facilities.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { checkObject, isDay, type ObjectContext, type ObjectInput } from './checkObject.ts';
import { EXAMINATION_KINDS, EXAMINATION_RESULTS } from './technical-devices.table.ts';
import {
  findObject,
  insertExamination,
  insertObjects,
  setDecommissioned,
  takenRegistrations,
  type ExaminationRow,
  type TechnicalObjectRow,
} from './technical-devices.repository.ts';

type User = Actor & { id: string };
/** Who hears of an unfit result or a due examination: the first head and the production-control service. */
export const EXAMINATION_ADDRESSEES = ['head', 'pc_service_head'] as const;

async function objectContext(db: DbOrTx, organisationId: string, numbers: string[], today: string): Promise<ObjectContext> {
  const [facilities, units, taken] = await Promise.all([
    listFacilities(db, organisationId),
    listUnits(db, organisationId),
    takenRegistrations(db, organisationId, numbers),
  ]);
  return { facilities, units, taken, today };
}

/** An import's errors name the file's column: the facility and unit are given there by registration number and name. */
const COLUMN: Record<string, string> = { facilityId: 'facility', unitId: 'unit' };

const numbersOf = (rows: ObjectInput[]) => rows.map((r) => String(r.registrationNumber ?? '').trim()).filter(Boolean);

/**
 * R315-4, R315-6: objects enter the register — one from the form, or all rows of an import at once.
 * Every row is checked by the same rule (numbers unique in the organisation and in the file); one bad
 * row writes nothing. `rowNumbers` number the errors as in the file (its header is row 1).
 */
export async function registerObjects(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  rows: ObjectInput[],
  source: { import?: 'xlsx' | 'csv'; rowNumbers?: number[] } = {},
) {
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId); // two imports at once cannot both take a number
    const ctx = await objectContext(tx, organisationId, numbersOf(rows), dateInZone(deps.now()));
    const checked = rows.map((input, i) => {
      const fail = (field: string, rule: string): never => {
        throw source.import
          ? new AppError('pc.technical_import_row_invalid', { row: source.rowNumbers?.[i] ?? i + 2, field: COLUMN[field] ?? field, rule })
          : new AppError('pc.technical_object_invalid', { field, rule });
      };
      const c = checkObject(input, ctx, fail);
      ctx.taken.add(c.registrationNumber); // a number twice in one file is refused as taken
      return c;
    });
    if (!checked.length) throw new AppError('pc.technical_import_empty');
    const now = deps.now();
    const made: TechnicalObjectRow[] = checked.map((c) => ({
      id: randomUUID(),
      organisationId,
      ...c,
      decommissionedOn: null,
      createdBy: actor.id,
      createdAt: now,
    }));
    await insertObjects(tx, made);
    for (const o of made)
      await recordPcEvent(tx, deps, {
        organisationId,
        actor,
        action: 'pc.technical_object_registered',
        subjectType: 'pc_technical_object',
        subjectId: o.id,
        payload: { ...o, createdAt: undefined, source: source.import ?? 'form' },
      });
    return made;
  });
}

/** The object leaves service; it stays in the register with its examinations (never deleted). */
export async function decommissionObject(deps: AppDeps, actor: User, organisationId: string, id: string, on: string) {
  return deps.db.transaction(async (tx) => {
    const o = await findObject(tx, organisationId, id, true);
    if (!o) throw new AppError('pc.technical_object_not_found');
    if (o.decommissionedOn) throw new AppError('pc.technical_object_decommissioned', { name: o.name });
    if (!isDay(on)) throw new AppError('pc.technical_object_invalid', { field: 'decommissionedOn', rule: 'not_date' });
    if (on > dateInZone(deps.now())) throw new AppError('pc.technical_object_invalid', { field: 'decommissionedOn', rule: 'future' });
    if (o.commissionedOn && on < o.commissionedOn)
      throw new AppError('pc.technical_object_invalid', { field: 'decommissionedOn', rule: 'before_commissioned' });
    await setDecommissioned(tx, id, on);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.technical_object_decommissioned',
      subjectType: 'pc_technical_object',
      subjectId: id,
      payload: { name: o.name, registrationNumber: o.registrationNumber, decommissionedOn: on },
    });
    return { ...o, decommissionedOn: on };
  });
}

export interface ExaminationInput {
  kind: string;
  performedOn: string;
  nextDueOn: string;
  result: string;
  performedBy: string;
  documentNumber: string;
}

/**
 * R315-6, R315-26 section 5: an examination or certification is recorded once (the table refuses any
 * change); the next one falls due after it. An unfit result is told to the first head at once.
 */
export async function recordExamination(deps: AppDeps, actor: User, organisationId: string, objectId: string, input: ExaminationInput) {
  const fail = (field: string, rule: string): never => {
    throw new AppError('pc.examination_invalid', { field, rule });
  };
  const today = dateInZone(deps.now());
  if (!EXAMINATION_KINDS.includes(input.kind as never)) fail('examinationKind', 'kind');
  if (!isDay(input.performedOn)) fail('performedOn', 'not_date');
  if (input.performedOn > today) fail('performedOn', 'future');
  if (!isDay(input.nextDueOn)) fail('nextDueOn', 'not_date');
  if (input.nextDueOn <= input.performedOn) fail('nextDueOn', 'after_performed');
  if (!EXAMINATION_RESULTS.includes(input.result as never)) fail('result', 'result');
  const performedBy = input.performedBy.trim();
  if (!performedBy) fail('performedBy', 'required');
  const documentNumber = input.documentNumber.trim();
  if (!documentNumber) fail('documentNumber', 'required');
  return deps.db.transaction(async (tx) => {
    const o = await findObject(tx, organisationId, objectId, true);
    if (!o) throw new AppError('pc.technical_object_not_found');
    if (o.decommissionedOn) throw new AppError('pc.technical_object_decommissioned', { name: o.name });
    const row: ExaminationRow = {
      id: randomUUID(),
      organisationId,
      objectId,
      kind: input.kind as ExaminationRow['kind'],
      performedOn: input.performedOn,
      nextDueOn: input.nextDueOn,
      result: input.result as ExaminationRow['result'],
      performedBy,
      documentNumber,
      recordedBy: actor.id,
      recordedAt: deps.now(),
    };
    await insertExamination(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.examination_recorded',
      subjectType: 'pc_technical_object',
      subjectId: objectId,
      payload: { ...row, recordedAt: undefined },
    });
    if (row.result === 'unfit')
      await notifyRoles(
        tx,
        organisationId,
        [...EXAMINATION_ADDRESSEES],
        'pc.examination_unfit',
        { objectId, name: o.name, registrationNumber: o.registrationNumber, date: formatDate(row.performedOn), document: documentNumber },
        deps.now(),
      );
    return row;
  });
}
