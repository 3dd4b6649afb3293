import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { capaEvent, capaFor, needText } from './capa-rules.ts';
import { capaParts, insertEvaluation, insertManagementReport, updateCapa } from './capa.repository.ts';

/**
 * Point 22(4): the effectiveness of the round's measures, once all are done — by whom, when, on what
 * evidence. Effective: the CAPA may be closed. Not effective: it reopens for new measures (next round).
 */
export async function evaluateEffectiveness(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  capaId: string,
  input: { effective: boolean; conclusion: string },
) {
  const evidence = needText('conclusion', input.conclusion);
  return deps.db.transaction(async (tx) => {
    const capa = await capaFor(tx, organisationId, capaId, ['measures_done']);
    const row = {
      id: randomUUID(),
      organisationId,
      capaId,
      round: capa.round,
      effective: input.effective,
      evidence,
      evaluatedBy: actor.id,
      evaluatedAt: deps.now(),
    };
    await insertEvaluation(tx, row);
    const set = input.effective ? { status: 'evaluated' as const } : { status: 'open' as const, round: capa.round + 1 };
    await updateCapa(tx, capa.id, set);
    await capaEvent(tx, deps, actor, capa, input.effective ? 'pc.capa_evaluated_effective' : 'pc.capa_reopened', {
      round: capa.round,
      effective: input.effective,
      evidence,
    });
    return { evaluation: row, capa: { ...capa, ...set } };
  });
}

/** Point 23(4): the information on the preventive actions taken, presented to the organisation's management. */
export async function reportToManagement(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  capaId: string,
  input: { summary: string },
) {
  const text = needText('summary', input.summary);
  return deps.db.transaction(async (tx) => {
    const capa = await capaFor(tx, organisationId, capaId, ['open', 'measures_in_progress', 'measures_done', 'evaluated']);
    const row = { id: randomUUID(), organisationId, capaId, text, reportedBy: actor.id, reportedAt: deps.now() };
    await insertManagementReport(tx, row);
    await capaEvent(tx, deps, actor, capa, 'pc.capa_reported_to_management', { text });
    return row;
  });
}

/**
 * R315-21: only the head or the service's head closes a CAPA, and only once its measures are evaluated
 * effective (a preventive one also reported to management). The database refuses it on any other path.
 */
export async function closeCapa(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  capaId: string,
  input: { note?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const capa = await capaFor(tx, organisationId, capaId, ['open', 'measures_in_progress', 'measures_done', 'evaluated']);
    const parts = await capaParts(tx, capa.id);
    const effective = parts.evaluations.some((e) => e.round === capa.round && e.effective);
    if (capa.status !== 'evaluated' || !effective)
      throw new AppError('pc.capa_not_evaluated', { number: capa.number, status: capa.status });
    if (capa.kind === 'preventive' && !parts.reports.length)
      throw new AppError('pc.capa_management_report_required', { number: capa.number });
    const set = { status: 'closed' as const, closedBy: actor.id, closedAt: deps.now(), closingNote: input.note?.trim() || null };
    await updateCapa(tx, capa.id, set);
    await capaEvent(tx, deps, actor, capa, 'pc.capa_closed', { note: set.closingNote, round: capa.round });
    return { ...capa, ...set };
  });
}
