import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { membersWithRoles } from '../instructions/instructions.repository.ts';
import { rolesInOrganisation } from '../officials/people.repository.ts';
import { notifyHeads, notifyPeople } from '../pc-notify.ts';
import { capaEvent, capaFor, needText, today } from './capa-rules.ts';
import { capaParts, insertDecision, insertMeasure, updateCapa, updateMeasures, type CapaMeasureRow } from './capa.repository.ts';

const DATE = /^(19|20)\d{2}-\d{2}-\d{2}$/;
/** Who may be made responsible for a measure: the service, a unit head, a performer. */
const RESPONSIBLE_ROLES = ['head', 'pc_service_head', 'pc_official', 'unit_head', 'performer'];

export interface MeasureInput {
  causeId: string;
  description: string;
  responsibleId: string;
  dueOn: string;
  resources: string;
}

/**
 * Point 22(3): a measure eliminating a recorded cause of this CAPA, with its responsible person, deadline
 * and resources (what guarantees it is done, 22(4)). It waits for the first head's decision.
 */
export async function addMeasure(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  capaId: string,
  input: MeasureInput,
) {
  const description = needText('description', input.description);
  const resources = needText('resources', input.resources);
  if (!DATE.test(input.dueOn) || input.dueOn < today(deps))
    throw new AppError('pc.capa_due_invalid', { field: 'dueOn', today: today(deps) });
  return deps.db.transaction(async (tx) => {
    const capa = await capaFor(tx, organisationId, capaId, ['open', 'measures_in_progress', 'measures_done']);
    const parts = await capaParts(tx, capa.id);
    if (!parts.causes.length) throw new AppError('pc.capa_cause_required', { number: capa.number });
    if (!parts.causes.some((c) => c.id === input.causeId)) throw new AppError('pc.capa_cause_record_invalid', { field: 'causeId' });
    if (!(await membersWithRoles(tx, organisationId, [input.responsibleId], RESPONSIBLE_ROLES)).size)
      throw new AppError('pc.capa_responsible_invalid', { field: 'responsibleId' });
    const row: CapaMeasureRow = {
      id: randomUUID(),
      organisationId,
      capaId,
      causeId: input.causeId,
      round: capa.round,
      description,
      responsibleId: input.responsibleId,
      dueOn: input.dueOn,
      resources,
      status: 'proposed',
      decisionId: null,
      addedBy: actor.id,
      addedAt: deps.now(),
      doneBy: null,
      doneAt: null,
      doneReport: null,
    };
    await insertMeasure(tx, row);
    if (capa.status !== 'measures_in_progress') await updateCapa(tx, capa.id, { status: 'measures_in_progress' });
    await capaEvent(tx, deps, actor, capa, 'pc.capa_measure_added', { measure: row });
    // Point 22(4): the measure waits for the first head's decision.
    await notifyHeads(tx, organisationId, 'pc.capa_decision_awaited', { capaId, number: capa.number, measure: description }, row.addedAt);
    return row;
  });
}

/**
 * Point 22(4), 23(3): the first head's decision approving the measures proposed in this round — its number,
 * date and text. Only approved measures are carried out and reported done.
 */
export async function approveMeasures(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  capaId: string,
  input: { number: string; decidedOn: string; wording: string },
) {
  const number = needText('number', input.number);
  const text = needText('wording', input.wording);
  if (!DATE.test(input.decidedOn) || input.decidedOn > today(deps))
    throw new AppError('pc.capa_decision_date_invalid', { field: 'decidedOn' });
  return deps.db.transaction(async (tx) => {
    const capa = await capaFor(tx, organisationId, capaId, ['measures_in_progress']);
    const proposed = (await capaParts(tx, capa.id)).measures.filter((m) => m.status === 'proposed');
    if (!proposed.length) throw new AppError('pc.capa_nothing_to_approve', { number: capa.number });
    const row = {
      id: randomUUID(),
      organisationId,
      capaId,
      number,
      decidedOn: input.decidedOn,
      text,
      decidedBy: actor.id,
      decidedAt: deps.now(),
    };
    await insertDecision(tx, row);
    await updateMeasures(
      tx,
      proposed.map((m) => m.id),
      { status: 'approved', decisionId: row.id },
    );
    await capaEvent(tx, deps, actor, capa, 'pc.capa_measures_approved', { decision: row, measureIds: proposed.map((m) => m.id) });
    for (const m of proposed)
      await notifyPeople(
        tx,
        organisationId,
        [m.responsibleId],
        'pc.capa_measure_assigned',
        { capaId, number: capa.number, measure: m.description, dueOn: m.dueOn },
        row.decidedAt,
      );
    return row;
  });
}

/**
 * An approved measure is reported done with what was done — by the service, or by its responsible unit head.
 * When every measure of the round is done, the CAPA waits for the evaluation of effectiveness.
 */
export async function markMeasureDone(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  capaId: string,
  measureId: string,
  input: { summary: string },
) {
  const report = needText('summary', input.summary);
  return deps.db.transaction(async (tx) => {
    const capa = await capaFor(tx, organisationId, capaId, ['measures_in_progress']);
    const { measures } = await capaParts(tx, capa.id);
    const measure = measures.find((m) => m.id === measureId);
    if (!measure) throw new AppError('pc.capa_measure_not_found');
    const roles = await rolesInOrganisation(tx, organisationId, actor.id);
    const service = ['head', 'pc_service_head', 'pc_official'].some((r) => roles.has(r as never));
    if (!service && measure.responsibleId !== actor.id) throw new AppError('pc.capa_measure_not_responsible');
    if (measure.status === 'done') throw new AppError('pc.capa_measure_done');
    if (measure.status !== 'approved') throw new AppError('pc.capa_measure_not_approved');
    const set = { status: 'done' as const, doneBy: actor.id, doneAt: deps.now(), doneReport: report };
    await updateMeasures(tx, [measure.id], set);
    const allDone = measures.filter((m) => m.round === capa.round).every((m) => m.id === measure.id || m.status === 'done');
    if (allDone) await updateCapa(tx, capa.id, { status: 'measures_done' });
    await capaEvent(tx, deps, actor, capa, 'pc.capa_measure_done', { measureId, report, allDone });
    return { ...measure, ...set };
  });
}
