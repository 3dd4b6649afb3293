import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { Ok, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { openEntryForRecorder } from '../journal/journal.repository.ts';
import { JournalEntry } from '../journal/journal.schemas.ts';
import { RECORDER_STATUSES } from './recorders.table.ts';
import { countRecordersByStatus, findRecorder, listRecorders, recorderHistory } from './recorders.repository.ts';
import { markRepaired, registerRecorder, reportBreakage, sendToRepair, writeOff } from './recorders.usecases.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Recorder = Type.Object({
  id: Uuid,
  inventoryNumber: Type.String(),
  serialNumber: Type.String(),
  model: Type.String(),
  notes: Type.String(),
  status: literalUnion(RECORDER_STATUSES),
  createdAt: When,
});
const RecorderParams = Type.Object({ orgId: Uuid, recorderId: Uuid });
const Reason = Type.Object({ note: Type.String({ minLength: 3, maxLength: 2000 }) });

export function recorderRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/organisations/:orgId/recorders';
    const readers = rule.org(['head', 'responsible', 'auditor']);
    const keeper = rule.org(['responsible']);

    app.get(
      base,
      {
        config: { authz: readers },
        schema: {
          tags: ['recorders'],
          summary: 'Recorders with a status filter, and counts per status (R444-7)',
          params: OrgParams,
          querystring: Type.Object({
            status: Type.Optional(literalUnion(RECORDER_STATUSES)),
            inventoryNumber: Type.Optional(Type.String({ maxLength: 50 })),
          }),
          response: responses({ 200: Type.Object({ items: Type.Array(Recorder), counts: Type.Record(Type.String(), Type.Integer()) }) }),
        },
      },
      async (req) => {
        const counts = Object.fromEntries((await countRecordersByStatus(deps.db, req.params.orgId)).map((c) => [c.status, c.count]));
        const items = await listRecorders(deps.db, req.params.orgId, req.query.status);
        // A scanned inventory number finds its recorder exactly (trimmed, case-insensitive).
        const wanted = req.query.inventoryNumber?.trim().toLowerCase();
        return { items: wanted ? items.filter((r) => r.inventoryNumber.toLowerCase() === wanted) : items, counts };
      },
    );

    app.post(
      base,
      {
        config: { authz: keeper },
        schema: {
          tags: ['recorders'],
          summary: 'Register a recorder under its inventory number (R444-7)',
          params: OrgParams,
          body: Type.Object({
            inventoryNumber: Type.String({ minLength: 1, maxLength: 50 }),
            serialNumber: Type.String({ minLength: 1, maxLength: 100 }),
            model: Type.String({ minLength: 1, maxLength: 200 }),
            notes: Type.Optional(Type.String({ maxLength: 2000 })),
          }),
          response: responses({ 201: Recorder }),
        },
      },
      async (req, reply) => reply.status(201).send(await registerRecorder(deps, actorOf(req), req.params.orgId, req.body)),
    );

    app.get(
      `${base}/:recorderId`,
      {
        config: { authz: readers },
        schema: {
          tags: ['recorders'],
          summary: 'A recorder and its history: issues, returns, breakages, repairs',
          params: RecorderParams,
          response: responses({
            200: Type.Object({
              recorder: Recorder,
              openEntry: Type.Union([JournalEntry, Type.Null()]),
              history: Type.Array(
                Type.Object({
                  seq: Type.Integer(),
                  recordedAt: When,
                  action: Type.String(),
                  actorId: Type.Union([Type.String(), Type.Null()]),
                  payload: Type.Unknown(),
                }),
              ),
            }),
          }),
        },
      },
      async (req) => {
        const recorder = await findRecorder(deps.db, req.params.orgId, req.params.recorderId);
        if (!recorder) throw new AppError('recorder.not_found');
        return {
          recorder,
          history: await recorderHistory(deps.db, req.params.orgId, recorder.id),
          openEntry: (await openEntryForRecorder(deps.db, recorder.id)) ?? null,
        };
      },
    );

    app.post(
      `${base}/:recorderId/breakage`,
      {
        config: { authz: rule.org(['responsible', 'inspector']) },
        schema: {
          tags: ['recorders'],
          summary: 'Report a broken recorder; head and responsible person are notified at once (R444-20)',
          params: RecorderParams,
          body: Type.Object({ description: Type.String({ minLength: 3, maxLength: 2000 }) }),
          response: responses({ 201: Type.Object({ id: Uuid }) }),
        },
      },
      async (req, reply) => {
        const p = req.principal as SessionPrincipal;
        // An inspector reports only the recorder they hold; the responsible person may report any.
        if (!p.roles.get(req.params.orgId)?.has('responsible')) {
          const open = await openEntryForRecorder(deps.db, req.params.recorderId);
          if (open?.inspectorId !== p.userId) throw new AppError('auth.forbidden');
        }
        const report = await reportBreakage(deps, actorOf(req), req.params.orgId, req.params.recorderId, req.body.description);
        return reply.status(201).send({ id: report.id });
      },
    );

    for (const [path, summary, run] of [
      ['repair', 'Send a broken recorder to repair', sendToRepair],
      ['repaired', 'Mark a recorder repaired: it can be issued again', markRepaired],
      ['write-off', 'Write a recorder off', writeOff],
    ] as const) {
      app.post(
        `${base}/:recorderId/${path}`,
        {
          config: { authz: keeper },
          schema: { tags: ['recorders'], summary, params: RecorderParams, body: Reason, response: responses({ 200: Ok }) },
        },
        async (req) => {
          await run(deps, actorOf(req), req.params.orgId, req.params.recorderId, req.body.note);
          return { ok: true as const };
        },
      );
    }
  };
}
