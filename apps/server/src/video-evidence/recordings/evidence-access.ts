import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { accessPurposes, mediaViews, type ACCESS_PURPOSES } from './access.table.ts';
import type { RecordingRow } from './recordings.repository.ts';

export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** R444-21: the user states why before the first view or download of this session. */
export async function statePurpose(deps: AppDeps, p: SessionPrincipal, organisationId: string, purpose: AccessPurpose, note: string) {
  if (purpose === 'other' && note.trim().length < 3) throw new AppError('evidence.purpose_note_required');
  const row = { sessionId: p.sessionId, userId: p.userId, organisationId, purpose, note, statedAt: deps.now() };
  await deps.db.transaction(async (tx) => {
    await tx.insert(accessPurposes).values(row).onConflictDoUpdate({ target: accessPurposes.sessionId, set: row });
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor: { kind: 'user', id: p.userId },
        action: 'evidence.purpose_stated',
        subjectType: 'session',
        subjectId: p.sessionId.slice(0, 16),
        payload: { purpose, note },
      },
      deps.now(),
    );
  });
}

export async function purposeOf(deps: AppDeps, p: SessionPrincipal, organisationId: string) {
  const [row] = await deps.db
    .select()
    .from(accessPurposes)
    .where(and(eq(accessPurposes.sessionId, p.sessionId), eq(accessPurposes.organisationId, organisationId)));
  return row;
}

const loggedViews = new Set<string>();
function remember(key: string) {
  if (loggedViews.size > 50_000) loggedViews.clear(); // bounded: a forgotten pair only costs one database check
  loggedViews.add(key);
}

/**
 * Logs media access: every download, and the first request of each playback
 * session (a player's many Range requests are one viewing, not hundreds).
 */
export async function logMediaAccess(
  deps: AppDeps,
  p: SessionPrincipal,
  rec: RecordingRow,
  kind: 'view' | 'download',
  range: string | undefined,
) {
  // A player's later Range requests of an already logged viewing skip the database (the row stays the record).
  const viewKey = `${p.sessionId}:${rec.id}`;
  if (kind === 'view' && loggedViews.has(viewKey)) return;
  const purpose = await purposeOf(deps, p, rec.organisationId);
  if (!purpose) throw new AppError('evidence.purpose_required');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (kind === 'view') {
      const fresh = await tx
        .insert(mediaViews)
        .values({ sessionId: p.sessionId, recordingId: rec.id, firstAt: now })
        .onConflictDoNothing()
        .returning();
      if (fresh.length === 0) return;
    }
    await appendLedgerEntry(
      tx,
      {
        organisationId: rec.organisationId,
        actor: { kind: 'user', id: p.userId },
        action: kind === 'view' ? 'recording.viewed' : 'recording.downloaded',
        subjectType: 'recording',
        subjectId: rec.id,
        payload: { sha256: rec.sha256, purpose: purpose.purpose, note: purpose.note, range: range ?? null },
      },
      now,
    );
  });
  if (kind === 'view') remember(viewKey);
}
