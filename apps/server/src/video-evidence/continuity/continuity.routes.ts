import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { ownRecordsFilter, type SessionPrincipal } from '../../platform/http/principal.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { findActivity } from '../activities/activities.repository.ts';
import { journalEntries } from '../journal/journal.table.ts';
import { JournalEntry } from '../journal/journal.schemas.ts';
import { FINDING_DECISIONS } from './continuity.table.ts';
import { listFindings } from './continuity.repository.ts';
import { annotateFinding } from './continuity.usecases.ts';
import { timelineRecordings, uploadStates } from './timeline.ts';
import { withIntegrity } from '../recordings/recording-integrity.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Finding = Type.Object({
  id: Uuid,
  journalEntryId: Type.Union([Uuid, Type.Null()]),
  recordingId: Type.Union([Uuid, Type.Null()]),
  kind: Type.String(),
  details: Type.Unknown(),
  detectedAt: When,
  entryNumber: Type.Union([Type.Integer(), Type.Null()]),
  inventoryNumber: Type.Union([Type.String(), Type.Null()]),
  inspectorName: Type.Union([Type.String(), Type.Null()]),
  activityId: Type.Union([Uuid, Type.Null()]),
  annotations: Type.Array(
    Type.Object({ decision: Type.String(), note: Type.String(), annotatedBy: Uuid, annotatedByName: Type.String(), annotatedAt: When }),
  ),
});
const TimelineRecording = Type.Object({
  id: Uuid,
  journalEntryId: Type.Union([Uuid, Type.Null()]),
  originalName: Type.String(),
  fileSequence: Type.Union([Type.Integer(), Type.Null()]),
  /** Null for an unreadable recording attached by hand: its capture time is unknown. */
  startedAt: Type.Union([When, Type.Null()]),
  deviceStartedAt: Type.Union([When, Type.Null()]),
  clockOffsetSeconds: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  state: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  integrity: Type.String(),
});
const EntryTimeline = Type.Object({
  entry: JournalEntry,
  uploadState: Type.String(),
  recordings: Type.Array(TimelineRecording),
  findings: Type.Array(Finding),
});

/** R444-17/18/19: the activity's coverage from issue to return, and the findings the head annotates. */
export function continuityRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  async function timelines(organisationId: string, entries: (typeof journalEntries.$inferSelect)[]) {
    const ids = entries.map((e) => e.id);
    const [recs, findings, states] = await Promise.all([
      timelineRecordings(deps.db, ids).then((rows) => withIntegrity(deps, rows)),
      listFindings(deps.db, organisationId, ids),
      uploadStates(deps.db, ids),
    ]);
    return entries.map((entry) => ({
      entry,
      uploadState: states.get(entry.id)!.uploadState,
      recordings: recs.filter((r) => r.journalEntryId === entry.id),
      findings: findings.filter((f) => f.journalEntryId === entry.id),
    }));
  }

  return async (app) => {
    app.get(
      '/api/v1/organisations/:orgId/activities/:activityId/timeline',
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor', 'inspector']) },
        schema: {
          tags: ['continuity'],
          summary: 'Each issue for the activity with its recordings (metadata, no media) and continuity findings (R444-17, R444-18)',
          params: Type.Object({ orgId: Uuid, activityId: Uuid }),
          response: responses({ 200: Type.Array(EntryTimeline) }),
        },
      },
      async (req) => {
        const onlyFor = ownRecordsFilter(req.principal as SessionPrincipal, req.params.orgId);
        const activity = await findActivity(deps.db, req.params.orgId, req.params.activityId);
        if (!activity || (onlyFor && !activity.inspectorIds.includes(onlyFor))) throw new AppError('activity.not_found');
        const where = [eq(journalEntries.organisationId, req.params.orgId), eq(journalEntries.activityId, activity.id)];
        if (onlyFor) where.push(eq(journalEntries.inspectorId, onlyFor));
        const entries = await deps.db
          .select()
          .from(journalEntries)
          .where(and(...where))
          .orderBy(journalEntries.issuedAt);
        return timelines(req.params.orgId, entries);
      },
    );

    app.get(
      '/api/v1/organisations/:orgId/findings',
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor']) },
        schema: {
          tags: ['continuity'],
          summary: "Continuity findings for the head's dashboard (R444-19)",
          params: OrgParams,
          response: responses({ 200: Type.Array(Finding) }),
        },
      },
      async (req) => listFindings(deps.db, req.params.orgId),
    );

    app.post(
      '/api/v1/organisations/:orgId/findings/:findingId/annotations',
      {
        config: { authz: rule.org(['head']) },
        schema: {
          tags: ['continuity'],
          summary: 'The head explains a finding or refers it for disciplinary proceedings; the finding stays (R444-19)',
          params: Type.Object({ orgId: Uuid, findingId: Uuid }),
          body: Type.Object({ decision: literalUnion(FINDING_DECISIONS), note: Type.String({ minLength: 3, maxLength: 2000 }) }),
          response: responses({ 201: Type.Object({ id: Uuid }) }),
        },
      },
      async (req, reply) =>
        reply.status(201).send({ id: (await annotateFinding(deps, actorOf(req), req.params.orgId, req.params.findingId, req.body)).id }),
    );
  };
}
