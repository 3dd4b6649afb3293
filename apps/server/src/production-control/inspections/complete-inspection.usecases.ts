import { randomUUID } from 'node:crypto';
import type { JournalEntryContent } from '@baqylau/contracts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { insertJournalEntry, nextJournalSeq } from '../journal/journal.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { violationsOfInspection } from '../violations/violations.repository.ts';
import { lockOwnInspection } from './answer-item.usecases.ts';
import { findFacility, findUnit, itemsOf, updateInspection } from './inspections.repository.ts';

/**
 * Completes the inspection once every item is answered, with the official's conclusion, and writes
 * its journal entry (R315-12). The act and instruction are issued afterwards; their numbers reach
 * the journal view by a join, so the entry stays as written.
 */
export async function completeInspection(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  id: string,
  input: { conclusion: string },
) {
  const conclusion = input.conclusion.trim();
  if (conclusion.length < 3) throw new AppError('pc.conclusion_required');
  return deps.db.transaction(async (tx) => {
    const i = await lockOwnInspection(tx, organisationId, id, actor);
    const items = await itemsOf(tx, i.id);
    const unanswered = items.filter((x) => !x.outcome).length;
    if (unanswered) throw new AppError('pc.items_unanswered', { count: unanswered });
    const [facility, unit, official, violations] = await Promise.all([
      findFacility(tx, organisationId, i.facilityId),
      i.unitId ? findUnit(tx, organisationId, i.unitId) : undefined,
      findUserById(tx, i.officialId),
      violationsOfInspection(tx, i.id),
    ]);
    const now = deps.now();
    const set = { status: 'completed' as const, completedAt: now, conclusion };
    await updateInspection(tx, i.id, set);
    const content: JournalEntryContent = {
      inspectionId: i.id,
      kind: i.kind,
      facility: facility?.name ?? '',
      unit: unit?.name ?? null,
      official: official?.fullName ?? '',
      startedAt: i.startedAt.toISOString(),
      completedAt: now.toISOString(),
      items: items.length,
      violations: violations.length,
      dangerous: violations.filter((v) => v.dangerous).length,
      recheckedConfirmed: items.filter((x) => x.outcome === 'eliminated_confirmed').length,
      reopened: items.filter((x) => x.outcome === 'reopened').length,
      conclusion,
      actNumber: null,
      instructionNumber: null,
    };
    const entry = {
      id: randomUUID(),
      organisationId,
      seq: await nextJournalSeq(tx, organisationId),
      inspectionId: i.id,
      content,
      enteredAt: now,
    };
    await insertJournalEntry(tx, entry);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.inspection_completed',
      subjectType: 'pc_inspection',
      subjectId: i.id,
      payload: { conclusion, journalSeq: entry.seq, violations: content.violations, dangerous: content.dangerous },
    });
    return { inspection: { ...i, ...set }, journalEntry: entry };
  });
}
