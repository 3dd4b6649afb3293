import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { commissionOf, isDay, pastDate, refuse, text } from './accident-checks.ts';
import {
  findAccident,
  findInvestigation,
  findMeasure,
  insertInvestigation,
  insertMeasures,
  updateAccident,
  updateInvestigation,
  updateMeasure,
  type AccidentRow,
  type MeasureRow,
} from './accidents.repository.ts';

type User = Actor & { id: string };
type Status = AccidentRow['status'];

/** The accident, locked, in one of the states the step accepts (statuses move only here). */
async function lockIn(tx: Tx, organisationId: string, id: string, states: Status[]) {
  const a = await findAccident(tx, organisationId, id, true);
  if (!a) throw new AppError('pc.accident_not_found');
  if (!states.includes(a.status)) throw new AppError('pc.accident_state_invalid', { state: a.status });
  return a;
}

const log = (tx: Tx, deps: AppDeps, actor: User, a: AccidentRow, action: string, payload: Record<string, unknown>) =>
  recordPcEvent(tx, deps, { organisationId: a.organisationId, actor, action, subjectType: 'pc_accident', subjectId: a.id, payload });

/** R315-4 (point 4.12): the investigation starts with the order appointing the commission — registered → under_investigation. */
export async function appointCommission(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  accidentId: string,
  input: { orderNumber: string; orderDate: string; commission: { fullName?: string; position?: string; role?: string }[] },
) {
  const today = dateInZone(deps.now());
  const orderNumber = text(input.orderNumber, 'orderNumber', 50);
  const commission = commissionOf(input.commission);
  return deps.db.transaction(async (tx) => {
    const a = await lockIn(tx, organisationId, accidentId, ['registered']);
    const orderDate = pastDate(input.orderDate, 'orderDate', today, { day: dateInZone(a.occurredAt), rule: 'before_occurred' });
    const row = {
      accidentId: a.id,
      organisationId,
      orderNumber,
      orderDate,
      commission,
      startedBy: actor.id,
      startedAt: deps.now(),
      actNumber: null,
      actDate: null,
      causes: null,
      actSha256: null,
      actMime: null,
      actSize: null,
      actFileName: null,
      completedBy: null,
      completedAt: null,
    };
    await insertInvestigation(tx, row);
    await updateAccident(tx, a.id, { status: 'under_investigation' });
    await log(tx, deps, actor, a, 'pc.accident_commission_appointed', { orderNumber, orderDate, commission });
    return row;
  });
}

/** The signed investigation act's scan (JPEG/PNG/PDF, already stored by the checked upload); replaceable until the act is recorded. */
export async function attachInvestigationAct(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  accidentId: string,
  file: { sha256: string; size: number; mime: string; fileName: string },
) {
  return deps.db.transaction(async (tx) => {
    const a = await lockIn(tx, organisationId, accidentId, ['under_investigation']);
    const set = { actSha256: file.sha256, actSize: file.size, actMime: file.mime, actFileName: file.fileName };
    await updateInvestigation(tx, a.id, set);
    await log(tx, deps, actor, a, 'pc.accident_act_file_added', set);
    return set;
  });
}

/** Throws unless the accident is in a state that takes the act's file (checked before the upload is stored). */
export async function assertTakesActFile(deps: AppDeps, organisationId: string, accidentId: string) {
  const a = await findAccident(deps.db, organisationId, accidentId);
  if (!a) throw new AppError('pc.accident_not_found');
  if (a.status !== 'under_investigation') throw new AppError('pc.accident_state_invalid', { state: a.status });
}

export interface NewMeasure {
  measure: string;
  responsible: string;
  dueOn: string;
}

/**
 * The investigation act: number, date, causes and the measures it prescribes (each with a responsible
 * person and a deadline not before the act) — under_investigation → investigated. The act's file must
 * be attached first; afterwards nothing of the investigation changes.
 */
export async function recordInvestigationAct(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  accidentId: string,
  input: { actNumber: string; actDate: string; causes: string; measures: NewMeasure[] },
) {
  const today = dateInZone(deps.now());
  const actNumber = text(input.actNumber, 'actNumber', 50);
  const causes = text(input.causes, 'causes', 4000, 10);
  if (input.measures.length === 0) refuse('measures', 'required');
  if (input.measures.length > 100) refuse('measures', 'over_limit');
  return deps.db.transaction(async (tx) => {
    const a = await lockIn(tx, organisationId, accidentId, ['under_investigation']);
    const inv = (await findInvestigation(tx, a.id))!;
    const actDate = pastDate(input.actDate, 'actDate', today, { day: inv.orderDate, rule: 'before_order' });
    if (!inv.actSha256) throw new AppError('pc.accident_act_file_required');
    const measures: MeasureRow[] = input.measures.map((m) => {
      const dueOn = m.dueOn;
      if (!isDay(dueOn)) refuse('dueOn', 'date', dueOn);
      if (dueOn < actDate) refuse('dueOn', 'before_act', dueOn);
      return {
        id: randomUUID(),
        organisationId,
        accidentId: a.id,
        measure: text(m.measure, 'measure', 2000, 3),
        responsible: text(m.responsible, 'responsible', 300, 3),
        dueOn,
        doneOn: null,
        doneRecordedBy: null,
      };
    });
    const set = { actNumber, actDate, causes, completedBy: actor.id, completedAt: deps.now() };
    await updateInvestigation(tx, a.id, set);
    await insertMeasures(tx, measures);
    await updateAccident(tx, a.id, { status: 'investigated' });
    await log(tx, deps, actor, a, 'pc.accident_investigated', {
      actNumber,
      actDate,
      causes,
      actSha256: inv.actSha256,
      measures: measures.map(({ id, measure, responsible, dueOn }) => ({ id, measure, responsible, dueOn })),
    });
    return { ...inv, ...set, measures };
  });
}

/** A measure of the act is marked done (on a day not before the act, not in the future), once. */
export async function markMeasureDone(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  accidentId: string,
  measureId: string,
  input: { doneOn: string },
) {
  const today = dateInZone(deps.now());
  return deps.db.transaction(async (tx) => {
    const a = await lockIn(tx, organisationId, accidentId, ['investigated']);
    const m = await findMeasure(tx, organisationId, a.id, measureId);
    if (!m) throw new AppError('pc.accident_measure_not_found');
    if (m.doneOn) throw new AppError('pc.accident_measure_done', { date: m.doneOn });
    const inv = (await findInvestigation(tx, a.id))!;
    const doneOn = pastDate(input.doneOn, 'doneOn', today, { day: inv.actDate!, rule: 'before_act' });
    await updateMeasure(tx, m.id, { doneOn, doneRecordedBy: actor.id });
    await log(tx, deps, actor, a, 'pc.accident_measure_done', { measureId: m.id, doneOn });
    return { ...m, doneOn, doneRecordedBy: actor.id };
  });
}
