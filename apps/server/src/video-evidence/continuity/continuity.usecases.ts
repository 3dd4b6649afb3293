import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findEntry } from '../journal/journal.repository.ts';
import { recordingsOfEntry } from '../recordings/recordings.repository.ts';
import type { FINDING_DECISIONS } from './continuity.table.ts';
import { findFinding, insertAnnotation, insertNewFindings } from './continuity.repository.ts';
import { detectFindings } from './detectFindings.ts';

/** Re-checks one issue of a recorder after new recordings arrived; new findings become ledger entries. */
export async function checkContinuity(deps: AppDeps, organisationId: string, journalEntryId: string) {
  const entry = await findEntry(deps.db, organisationId, journalEntryId);
  if (!entry) return [];
  // Issue 19: an unreadable recording (attached by hand) has no capture time and no duration to
  // place on the timeline: continuity is judged on readable recordings with a corrected time only.
  const recs = (await recordingsOfEntry(deps.db, journalEntryId)).flatMap((r) =>
    r.state === 'stored' && r.startedAt && r.clockOffsetSeconds !== null
      ? [{ ...r, startedAt: r.startedAt, clockOffsetSeconds: r.clockOffsetSeconds }]
      : [],
  );
  const found = detectFindings(entry, recs, {
    gapSeconds: deps.config.gapThresholdSeconds,
    lateStartSeconds: deps.config.startEndToleranceSeconds,
    earlyEndSeconds: deps.config.startEndToleranceSeconds,
    clockOffsetSeconds: deps.config.clockOffsetThresholdSeconds,
  });
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const fresh = await insertNewFindings(
      tx,
      found.map((f) => ({
        id: randomUUID(),
        organisationId,
        journalEntryId,
        recordingId: f.recordingId ?? null,
        kind: f.kind,
        key: f.key,
        details: f.details,
        detectedAt: now,
      })),
    );
    for (const f of fresh) {
      await appendLedgerEntry(
        tx,
        {
          organisationId,
          actor: { kind: 'system', id: null },
          action: 'continuity.finding_detected',
          subjectType: 'finding',
          subjectId: f.id,
          payload: { kind: f.kind, journalEntryId, journalEntryNumber: entry.number, details: f.details },
        },
        now,
      );
    }
    return fresh;
  });
}

/** The head explains a finding or refers it for discipline (R444-19); the finding itself stays. */
export async function annotateFinding(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  findingId: string,
  input: { decision: (typeof FINDING_DECISIONS)[number]; note: string },
) {
  const f = await findFinding(deps.db, organisationId, findingId);
  if (!f) throw new AppError('finding.not_found');
  const row = { id: randomUUID(), findingId, ...input, annotatedBy: actor.id, annotatedAt: deps.now() };
  await deps.db.transaction(async (tx) => {
    await insertAnnotation(tx, row);
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'continuity.finding_annotated', subjectType: 'finding', subjectId: findingId, payload: input },
      deps.now(),
    );
  });
  return row;
}
