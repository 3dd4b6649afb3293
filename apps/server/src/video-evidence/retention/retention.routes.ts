import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Locale, Ok, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { deletionActPdf, listDeletionActs } from './deletionActs.ts';
import { executeDeletion } from './executeDeletion.ts';
import { holdsOfRecording, liftHold, placeHoldByHead } from './holds.usecases.ts';
import { listDueRecordings, listUpcomingDeletions, organisationDates } from './retention.repository.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const RetentionRecording = Type.Object({
  id: Uuid,
  sha256: Type.String(),
  size: Type.Number(),
  originalName: Type.String(),
  /** Null for an unreadable recording: its capture time is unknown. */
  startedAt: Type.Union([Type.String(), Type.Null()]),
  retainUntil: Type.String(),
  retentionYears: Type.Integer(),
  coveredByPoint12: Type.Boolean(),
  inventoryNumber: Type.String(),
  journalEntryId: Type.Union([Uuid, Type.Null()]),
  journalEntryNumber: Type.Union([Type.Integer(), Type.Null()]),
  activityId: Type.Union([Uuid, Type.Null()]),
  activityReference: Type.Union([Type.String(), Type.Null()]),
  activityType: Type.Union([Type.String(), Type.Null()]),
  held: Type.Boolean(),
});
const Hold = Type.Object({
  id: Uuid,
  recordingId: Uuid,
  source: Type.String(),
  packageId: Type.Union([Uuid, Type.Null()]),
  reason: Type.String(),
  reference: Type.String(),
  placedBy: Uuid,
  placedAt: When,
  liftedBy: Type.Union([Uuid, Type.Null()]),
  liftedAt: Type.Union([When, Type.Null()]),
  liftReason: Type.Union([Type.String(), Type.Null()]),
});
const Act = Type.Object({
  id: Uuid,
  number: Type.String(),
  executedBy: Uuid,
  executedAt: When,
  recordingCount: Type.Integer(),
  totalBytes: Type.Number(),
  contentHash: Type.String(),
});
const Reason = Type.String({ minLength: 3, maxLength: 1000 });

/**
 * R444-12: the retention review. Everyone who may read recordings' metadata
 * sees what falls due; only the responsible person deletes (R444-6), with the
 * second factor again; only the head places and lifts holds.
 */
export function retentionRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  const today = async (orgId: string) => (await organisationDates(deps.db, orgId, deps.now())).retentionToday;
  return async (app) => {
    const base = '/api/v1/organisations/:orgId/retention';
    const readers = rule.org(['head', 'responsible', 'auditor']);

    app.get(
      `${base}/due`,
      {
        config: { authz: readers, evidence: 'recording' },
        schema: {
          tags: ['retention'],
          summary: 'Recordings past their retention period and not under legal hold: the deletion review list (R444-12)',
          params: OrgParams,
          response: responses({ 200: Type.Array(RetentionRecording) }),
        },
      },
      async (req) => listDueRecordings(deps.db, req.params.orgId, await today(req.params.orgId)),
    );

    app.get(
      `${base}/upcoming`,
      {
        config: { authz: readers, evidence: 'recording' },
        schema: {
          tags: ['retention'],
          summary: 'Recordings falling due within the next days (default 30), held ones marked',
          params: OrgParams,
          querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })) }),
          response: responses({ 200: Type.Array(RetentionRecording) }),
        },
      },
      async (req) => listUpcomingDeletions(deps.db, req.params.orgId, await today(req.params.orgId), req.query.days ?? 30),
    );

    app.post(
      `${base}/deletions`,
      {
        config: { authz: rule.org(['responsible']) },
        schema: {
          tags: ['retention'],
          summary:
            'Delete a reviewed batch of expired recordings, confirmed with the second factor; returns the deletion act (R444-6, R444-12)',
          params: OrgParams,
          body: Type.Object({
            recordingIds: Type.Array(Uuid, { minItems: 1, maxItems: 2000 }),
            totpCode: Type.String({ pattern: '^\\d{6}$' }),
          }),
          response: responses({ 200: Act }),
        },
      },
      async (req) => executeDeletion(deps, actorOf(req).id, req.params.orgId, req.body),
    );

    app.get(
      `${base}/acts`,
      {
        config: { authz: readers, evidence: 'deletion_act' },
        schema: {
          tags: ['retention'],
          summary: 'Deletion acts, newest first',
          params: OrgParams,
          response: responses({ 200: Type.Array(Act) }),
        },
      },
      async (req) => listDeletionActs(deps, req.params.orgId),
    );

    app.get(
      `${base}/acts/:actId/pdf`,
      {
        config: { authz: readers, evidence: 'deletion_act' },
        schema: {
          tags: ['retention'],
          summary: 'The deletion act as PDF (kk, ru or en), listing every deleted recording with its SHA-256',
          params: Type.Object({ orgId: Uuid, actId: Uuid }),
          querystring: Type.Object({ lang: Type.Optional(Locale) }),
          response: responses({ 200: Binary }),
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? req.locale;
        const { act, pdf } = await deletionActPdf(deps, req.params.orgId, req.params.actId, lang);
        await appendLedgerEntry(
          deps.db,
          {
            organisationId: req.params.orgId,
            actor: actorOf(req),
            action: 'retention.act_exported',
            subjectType: 'deletion_act',
            subjectId: act.id,
            payload: { number: act.number, lang },
          },
          deps.now(),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="deletion-act-${act.number}-${lang}.pdf"`)
          .send(pdf);
      },
    );

    const recBase = '/api/v1/organisations/:orgId/recordings/:recordingId/holds';
    app.get(
      recBase,
      {
        config: { authz: readers, evidence: 'recording' },
        schema: {
          tags: ['retention'],
          summary: 'Legal holds of a recording, active and lifted',
          params: Type.Object({ orgId: Uuid, recordingId: Uuid }),
          response: responses({ 200: Type.Array(Hold) }),
        },
      },
      async (req) => holdsOfRecording(deps, req.params.orgId, req.params.recordingId),
    );

    app.post(
      recBase,
      {
        config: { authz: rule.org(['head']) },
        schema: {
          tags: ['retention'],
          summary: 'Place a legal hold with a reason and the case reference: the recording will not expire while it is active',
          params: Type.Object({ orgId: Uuid, recordingId: Uuid }),
          body: Type.Object({ reason: Reason, reference: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: responses({ 200: Hold }),
        },
      },
      async (req) => placeHoldByHead(deps, actorOf(req), req.params.orgId, req.params.recordingId, req.body),
    );

    app.post(
      '/api/v1/organisations/:orgId/holds/:holdId/lift',
      {
        config: { authz: rule.org(['head']) },
        schema: {
          tags: ['retention'],
          summary: 'Lift a legal hold, with a reason (the head only)',
          params: Type.Object({ orgId: Uuid, holdId: Uuid }),
          body: Type.Object({ reason: Reason }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await liftHold(deps, actorOf(req), req.params.orgId, req.params.holdId, req.body.reason);
        return { ok: true as const };
      },
    );
  };
}
