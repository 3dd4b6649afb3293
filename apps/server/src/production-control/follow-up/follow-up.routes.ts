import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ESCALATION_STEPS, VIOLATION_STATUSES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { checkReaders, officials } from '../instructions/instructions-http.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { BASE, When } from '../pc-http.ts';
import { listMonthlyChecks, type MonthlyCheckRow } from './follow-up.repository.ts';
import { monthlyCheckDraft, recordMonthlyCheck } from './monthlyCheck.ts';

const Step = Type.Union([literalUnion(ESCALATION_STEPS), Type.Null()]);
const Line = Type.Object({
  violationId: Uuid,
  instructionId: Type.Optional(Uuid),
  instructionNumber: Type.Optional(Type.String()),
  position: Type.Optional(Type.Integer()),
  status: literalUnion(VIOLATION_STATUSES),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  daysOverdue: Type.Optional(Type.Integer()),
  suggested: Type.Optional(Step),
  escalatedTo: Step,
  note: Type.String(),
});
const Check = Type.Object({
  id: Uuid,
  month: Type.String(),
  official: Type.Object({ id: Uuid, fullName: Type.String() }),
  lines: Type.Array(Line),
  summary: Type.String(),
  reportedAt: When,
});
const DraftLine = Type.Object({
  violationId: Uuid,
  instructionId: Uuid,
  instructionNumber: Type.String(),
  position: Type.Integer(),
  description: Type.String(),
  measure: Type.String(),
  performer: Type.String(),
  unitHead: Type.String(),
  status: literalUnion(VIOLATION_STATUSES),
  dueOn: Type.String(),
  overdue: Type.Boolean(),
  daysOverdue: Type.Integer(),
  escalatedBefore: Type.Integer(),
  suggested: Step,
});

/** R315-13: the official's monthly check of every open item, with the escalation ladder. */
export function followUpRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const shaped = async (rows: MonthlyCheckRow[]) => {
      const names = await namesOf(
        deps.db,
        rows.map((r) => r.officialId),
      );
      return rows.map((r) => ({ ...r, official: { id: r.officialId, fullName: names.get(r.officialId) ?? '' } }));
    };

    app.get(
      `${BASE}/monthly-checks/draft`,
      {
        config: { authz: officials },
        schema: {
          tags: ['production-control'],
          summary: 'This month’s check as a draft: every open item in my scope, overdue days, the suggested escalation (R315-13)',
          params: OrgParams,
          response: responses({
            200: Type.Object({
              month: Type.String(),
              appointed: Type.Boolean(),
              lines: Type.Array(DraftLine),
              done: Type.Union([Check, Type.Null()]),
            }),
          }),
        },
      },
      async (req) => {
        const d = await monthlyCheckDraft(deps, deps.db, req.params.orgId, actorOf(req).id);
        return { month: d.month, appointed: d.appointed, lines: d.lines, done: d.done ? (await shaped([d.done]))[0]! : null };
      },
    );

    app.post(
      `${BASE}/monthly-checks`,
      {
        config: { authz: officials },
        schema: {
          tags: ['production-control'],
          summary:
            'Record this month’s check once: a note and the escalation taken for every open item; the result goes to the head (R315-13)',
          params: OrgParams,
          body: Type.Object(
            {
              month: Type.String({ pattern: '^20\\d{2}-(0[1-9]|1[0-2])$' }),
              summary: Type.String({ maxLength: 4000 }),
              lines: Type.Array(
                Type.Object(
                  { violationId: Uuid, note: Type.String({ maxLength: 2000 }), escalatedTo: Step },
                  { additionalProperties: false },
                ),
                { maxItems: 5000 },
              ),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: Check }),
        },
      },
      async (req, reply) =>
        reply.status(201).send((await shaped([await recordMonthlyCheck(deps, actorOf(req), req.params.orgId, req.body)]))[0]!),
    );

    app.get(
      `${BASE}/monthly-checks`,
      {
        config: { authz: checkReaders },
        schema: {
          tags: ['production-control'],
          summary: 'Recorded monthly checks, newest first (R315-13)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Check) }) }),
        },
      },
      async (req) => ({ items: await shaped(await listMonthlyChecks(deps.db, req.params.orgId)) }),
    );
  };
}
