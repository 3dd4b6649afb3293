import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { checkTraining, trainingContext, type TrainingInput } from './training-checks.ts';
import { readTrainingSheet } from './training-sheet.ts';
import { insertRecords, memberByLogin, type TrainingRow } from './training.repository.ts';

type User = Actor & { id: string };

const logged = (row: TrainingRow) => ({ ...row, recordedAt: undefined });

/**
 * R315-4 (point 4.10): a training, retraining or knowledge check is entered in the register, written
 * once; a mistake is corrected by a new record naming the one it supersedes.
 */
export async function recordTraining(deps: AppDeps, actor: User, organisationId: string, input: TrainingInput) {
  return deps.db.transaction(async (tx) => {
    const ctx = await trainingContext(tx, organisationId, dateInZone(deps.now()));
    const row = await checkTraining(ctx, input, { recordedBy: actor.id, at: deps.now() });
    await insertRecords(tx, [row]);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: row.supersedes ? 'pc.training_corrected' : 'pc.training_recorded',
      subjectType: 'pc_training_record',
      subjectId: row.id,
      payload: logged(row),
    });
    return row;
  });
}

/**
 * A list from a sheet (CSV or XLSX): every row passes the same check as the form, in the file's
 * order (a row may correct an earlier one); the first bad row refuses the whole file with its line
 * and field, and nothing is written.
 */
export async function importTraining(deps: AppDeps, actor: User, organisationId: string, bytes: Buffer, format: 'csv' | 'xlsx') {
  const lines = await readTrainingSheet(bytes, format);
  return deps.db.transaction(async (tx) => {
    const ctx = await trainingContext(tx, organisationId, dateInZone(deps.now()));
    const rows: TrainingRow[] = [];
    for (const { line, cells } of lines) {
      const bad = (field: string, value: string): never => {
        throw new AppError('pc.training_import_invalid', { row: line, field, rule: 'unknown', value });
      };
      const facility =
        ctx.facilities.find((f) => f.registrationNumber === cells.facility || f.name === cells.facility) ??
        bad('facility', cells.facility ?? '');
      const unit = cells.unit
        ? (ctx.units.find((u) => u.facilityId === facility.id && u.name === cells.unit) ?? bad('unit', cells.unit))
        : null;
      // An optional `login` column links the record to the person's account.
      const personId = cells.login ? ((await memberByLogin(tx, organisationId, cells.login)) ?? bad('login', cells.login)) : null;
      const row = await checkTraining(
        ctx,
        {
          personId,
          fullName: cells.full_name,
          position: cells.position,
          facilityId: facility.id,
          unitId: unit?.id ?? null,
          kind: cells.kind,
          programme: cells.programme,
          completedOn: cells.completed_on,
          validUntil: cells.valid_until,
          documentNumber: cells.document_number,
          supersedes: cells.supersedes || null,
        },
        { recordedBy: actor.id, at: deps.now() },
        line,
      );
      rows.push(row);
      ctx.records.push(row);
    }
    await insertRecords(tx, rows);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.training_imported',
      subjectType: 'pc_training_record',
      subjectId: rows[0]!.id,
      payload: { format, records: rows.map(logged) },
    });
    return rows;
  });
}
