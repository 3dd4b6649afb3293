import { randomUUID } from 'node:crypto';
import type { EscalationStep, MonthlyCheckLine, ViolationEvent } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { insertViolationEvent, namesOf } from '../instructions/instructions.repository.ts';
import { scopeOfOfficial } from '../instructions/scope.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads, notifyPeople } from '../pc-notify.ts';
import { escalationCounts, findMonthlyCheck, insertMonthlyCheck, openItems } from './follow-up.repository.ts';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** R315-13's ladder: overdue < 30 days → the performer; 30–60 → the unit head; > 60, or escalated twice already → the first head. */
export function suggestEscalation(daysOverdue: number, escalatedBefore: number): EscalationStep | null {
  if (daysOverdue <= 0) return null;
  if (daysOverdue > 60 || escalatedBefore >= 2) return 'first_head';
  return daysOverdue >= 30 ? 'unit_head' : 'performer';
}

/** The month being checked is the current one in the organisation's zone. */
const currentMonth = (deps: AppDeps) => dateInZone(deps.now()).slice(0, 7);

/**
 * The draft of this month's check: every open item in the official's scope, with its deadline,
 * overdue days and the ladder's suggestion. Without an appointment in force the scope is empty
 * (and recording is refused).
 */
export async function monthlyCheckDraft(deps: AppDeps, db: DbOrTx, organisationId: string, officialId: string) {
  const today = dateInZone(deps.now());
  const scope = await scopeOfOfficial(db, organisationId, officialId, today);
  const rows = (await openItems(db, organisationId)).filter((r) => scope.covers(r.instruction.facilityId, r.instruction.unitId));
  const counts = await escalationCounts(
    db,
    rows.map((r) => r.violation.id),
  );
  const names = await namesOf(
    db,
    rows.flatMap((r) => [r.item.performerId, r.instruction.unitHeadId]),
  );
  const lines = rows.map(({ item, violation: v, instruction }) => {
    const overdue = v.status === 'open' && item.deadline < today;
    const daysOverdue = overdue ? daysBetween(item.deadline, today) : 0;
    const escalatedBefore = counts.get(v.id) ?? 0;
    return {
      violationId: v.id,
      instructionId: instruction.id,
      instructionNumber: instruction.number,
      position: item.position,
      description: v.description,
      measure: item.measure,
      performer: names.get(item.performerId) ?? '',
      performerId: item.performerId,
      unitHeadId: instruction.unitHeadId,
      unitHead: instruction.unitHeadId ? (names.get(instruction.unitHeadId) ?? '') : '',
      status: v.status,
      dueOn: item.deadline,
      overdue,
      daysOverdue,
      escalatedBefore,
      suggested: suggestEscalation(daysOverdue, escalatedBefore),
    };
  });
  return {
    month: currentMonth(deps),
    appointed: scope.appointed,
    lines,
    done: await findMonthlyCheck(db, organisationId, currentMonth(deps), officialId),
  };
}

export interface MonthlyCheckInput {
  month: string;
  summary: string;
  lines: { violationId: string; note: string; escalatedTo: EscalationStep | null }[];
}

const EVENT: Record<EscalationStep, ViolationEvent> = {
  performer: 'escalated_performer',
  unit_head: 'escalated_unit_head',
  first_head: 'escalated_first_head',
};

/**
 * R315-13: the official records this month's check once: every open item in scope with a note and
 * the escalation taken. Each escalation is an event on the violation and a notice to the person it
 * reaches; the result goes to the first head.
 */
export async function recordMonthlyCheck(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: MonthlyCheckInput) {
  if (input.month !== currentMonth(deps))
    throw new AppError('pc.monthly_month_invalid', { month: input.month, current: currentMonth(deps) });
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId); // one check per official and month, even when sent twice at once
    if (await findMonthlyCheck(tx, organisationId, input.month, actor.id))
      throw new AppError('pc.monthly_check_exists', { month: input.month });
    const draft = await monthlyCheckDraft(deps, tx, organisationId, actor.id);
    if (!draft.appointed) throw new AppError('pc.monthly_not_appointed');
    const given = new Map(input.lines.map((l) => [l.violationId, l]));
    const missing = draft.lines.filter((l) => !given.has(l.violationId)).length;
    const unknown = input.lines.filter((l) => !draft.lines.some((d) => d.violationId === l.violationId)).length;
    if (missing || unknown || given.size !== input.lines.length) throw new AppError('pc.monthly_lines_mismatch', { missing, unknown });
    const now = deps.now();
    const lines: MonthlyCheckLine[] = draft.lines.map((d) => {
      const l = given.get(d.violationId)!;
      if (l.escalatedTo && !d.overdue)
        throw new AppError('pc.monthly_escalation_not_overdue', { instruction: d.instructionNumber, position: d.position });
      return {
        violationId: d.violationId,
        instructionId: d.instructionId,
        instructionNumber: d.instructionNumber,
        position: d.position,
        status: d.status,
        dueOn: d.dueOn,
        overdue: d.overdue,
        daysOverdue: d.daysOverdue,
        suggested: d.suggested,
        escalatedTo: l.escalatedTo,
        note: l.note.trim(),
      };
    });
    const row = {
      id: randomUUID(),
      organisationId,
      month: input.month,
      officialId: actor.id,
      lines,
      summary: input.summary.trim(),
      reportedAt: now,
    };
    await insertMonthlyCheck(tx, row);
    for (const [i, l] of lines.entries()) {
      if (!l.escalatedTo) continue;
      const d = draft.lines[i]!;
      await insertViolationEvent(tx, {
        id: randomUUID(),
        organisationId,
        violationId: l.violationId,
        kind: EVENT[l.escalatedTo],
        at: now,
        actorId: actor.id,
        note: l.note || null,
      });
      const payload = { instruction: d.instructionNumber, position: d.position, deadline: d.dueOn, days: d.daysOverdue, note: l.note };
      if (l.escalatedTo === 'first_head') await notifyHeads(tx, organisationId, 'pc.escalated', payload, now);
      else
        await notifyPeople(
          tx,
          organisationId,
          [l.escalatedTo === 'performer' ? d.performerId : d.unitHeadId],
          'pc.escalated',
          payload,
          now,
        );
    }
    const escalated = lines.filter((l) => l.escalatedTo).length;
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.monthly_check_recorded',
      subjectType: 'pc_monthly_check',
      subjectId: row.id,
      payload: { ...row, reportedAt: undefined },
    });
    await notifyHeads(
      tx,
      organisationId,
      'pc.monthly_check_reported',
      { month: input.month, open: lines.length, overdue: lines.filter((l) => l.overdue).length, escalated },
      now,
    );
    return row;
  });
}
