import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { accessRefusals } from './access-refusals.table.ts';

/** A window keeps the first ids asked for; a flood enumerating ids is still one row. */
const MAX_SUBJECT_IDS = 20;
export const SEAL_ACCESS_REFUSALS = 'audit.seal_access_refusals';

export interface AccessRefusal {
  /** The organisation whose evidence was asked for (the owner of the id when it exists). */
  organisationId: string;
  actor: Actor;
  /** The error code that refused it. */
  rule: string;
  status: number;
  method: string;
  route: string;
  subjectType: string;
  subjectId: string | null;
  /** The organisation the URL named, when it is not the owner (a foreign head asking in their own subdivision). */
  requestedOrganisationId: string | null;
  ip: string;
}

/**
 * R444-13/R444-21: records a refused request for evidence where the head
 * sees it. Aggregated so that a flood cannot fill the chain: the first refusal
 * of a (caller, rule, kind of evidence) in a window of
 * ACCESS_REFUSAL_WINDOW_MINUTES is a ledger entry (`evidence.access_refused`,
 * who, what, when, which rule); the repeats only raise the window's counter,
 * and when the window ends a job seals the count into the ledger
 * (`evidence.access_refusals_counted`). So N refusals make one row here and at
 * most two ledger entries per window.
 */
export async function recordAccessRefusal(deps: AppDeps, r: AccessRefusal) {
  const now = deps.now();
  const windowMs = deps.config.accessRefusalWindowMinutes * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const actorKey = r.actor.id ? `${r.actor.kind}:${r.actor.id}` : r.actor.kind;
  const t = accessRefusals;
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t)
      .values({
        id: randomUUID(),
        organisationId: r.organisationId,
        actorKey,
        actorKind: r.actor.kind,
        actorId: r.actor.id,
        rule: r.rule,
        status: r.status,
        subjectType: r.subjectType,
        subjectIds: r.subjectId ? [r.subjectId] : [],
        route: `${r.method} ${r.route}`,
        windowStart,
        firstAt: now,
        lastAt: now,
        count: 1,
      })
      .onConflictDoUpdate({
        target: [t.organisationId, t.actorKey, t.rule, t.subjectType, t.windowStart],
        set: {
          count: sql`${t.count} + 1`,
          lastAt: now,
          subjectIds: r.subjectId
            ? sql`CASE WHEN jsonb_array_length(${t.subjectIds}) < ${MAX_SUBJECT_IDS}
                        AND NOT ${t.subjectIds} @> jsonb_build_array(${r.subjectId}::text)
                   THEN ${t.subjectIds} || jsonb_build_array(${r.subjectId}::text) ELSE ${t.subjectIds} END`
            : sql`${t.subjectIds}`,
        },
      })
      .returning({ id: t.id, count: t.count });
    if (row!.count > 1) return; // a repeat: the window's entry stands for it, the counter holds the number
    const { seq } = await appendLedgerEntry(
      tx,
      {
        organisationId: r.organisationId,
        actor: r.actor,
        action: 'evidence.access_refused',
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        payload: {
          rule: r.rule,
          status: r.status,
          route: `${r.method} ${r.route}`,
          ip: r.ip,
          requestedOrganisationId: r.requestedOrganisationId,
          windowStart: windowStart.toISOString(),
          windowMinutes: deps.config.accessRefusalWindowMinutes,
        },
      },
      now,
    );
    await tx.update(t).set({ ledgerSeq: seq }).where(eq(t.id, row!.id));
    await enqueueJob(
      tx,
      SEAL_ACCESS_REFUSALS,
      { id: row!.id },
      { organisationId: r.organisationId, dedupeKey: `access-refusal:${row!.id}`, runAt: new Date(windowStart.getTime() + windowMs) },
    );
  });
}

/** After its window: the number of refusals the window counted goes into the chain (only when there were repeats). */
export async function sealAccessRefusals(deps: AppDeps, id: string) {
  const t = accessRefusals;
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(t).where(eq(t.id, id)).for('update');
    if (!row || row.sealedSeq !== null || row.count <= 1) return;
    const { seq } = await appendLedgerEntry(
      tx,
      {
        organisationId: row.organisationId,
        actor: { kind: row.actorKind as Actor['kind'], id: row.actorId },
        action: 'evidence.access_refusals_counted',
        subjectType: row.subjectType,
        subjectId: row.subjectIds[0] ?? null,
        payload: {
          rule: row.rule,
          route: row.route,
          count: row.count,
          firstAt: row.firstAt.toISOString(),
          lastAt: row.lastAt.toISOString(),
          subjectIds: row.subjectIds,
          refusedSeq: row.ledgerSeq,
        },
      },
      deps.now(),
    );
    await tx.update(t).set({ sealedSeq: seq }).where(eq(t.id, id));
  });
}

/** The refusal windows of an organisation, newest first (the audit view). */
export function listAccessRefusals(deps: AppDeps, organisationId: string, q: { from?: Date; to?: Date; limit: number }) {
  const t = accessRefusals;
  const where = [eq(t.organisationId, organisationId)];
  if (q.from) where.push(gte(t.lastAt, q.from));
  if (q.to) where.push(lt(t.firstAt, q.to));
  return deps.db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.lastAt))
    .limit(q.limit);
}
