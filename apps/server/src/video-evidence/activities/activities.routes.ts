import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { ownRecordsFilter, type SessionPrincipal } from '../../platform/http/principal.ts';
import { IsoDateTime, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { ACTIVITY_TYPES } from './activities.table.ts';
import { findActivity, listActivities } from './activities.repository.ts';
import { registerActivity } from './activities.usecases.ts';
import { retentionClassOf } from './retention.ts';
import { usersByIds } from '../../kernel/users/users.repository.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Activity = Type.Object({
  id: Uuid,
  type: literalUnion(ACTIVITY_TYPES),
  referenceNumber: Type.String(),
  subjectBin: Type.String(),
  subjectName: Type.String(),
  objectName: Type.String(),
  objectAddress: Type.String(),
  plannedStart: When,
  plannedEnd: When,
  inspectorIds: Type.Array(Uuid),
  retention: Type.Object({ years: Type.Integer(), coveredByPoint12: Type.Boolean() }),
  inspectors: Type.Array(Type.Object({ id: Uuid, fullName: Type.String() })),
});

export function activityRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  /** Adds the retention class and the assigned inspectors' names (inspectors cannot read the member list). */
  async function withDetails<T extends { type: (typeof ACTIVITY_TYPES)[number]; inspectorIds: string[] }>(list: T[]) {
    const names = new Map((await usersByIds(deps.db, [...new Set(list.flatMap((a) => a.inspectorIds))])).map((u) => [u.id, u.fullName]));
    return list.map((a) => ({
      ...a,
      retention: retentionClassOf(a.type, deps.config.investigationRetentionYears),
      inspectors: a.inspectorIds.map((id) => ({ id, fullName: names.get(id) ?? '' })),
    }));
  }
  return async (app) => {
    const base = '/api/v1/organisations/:orgId/activities';
    app.get(
      base,
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor', 'inspector']) },
        schema: {
          tags: ['activities'],
          summary: 'Control activities; an inspector sees those assigned to them (R444-4)',
          params: OrgParams,
          response: responses({ 200: Type.Array(Activity) }),
        },
      },
      async (req) => {
        return withDetails(
          await listActivities(deps.db, req.params.orgId, ownRecordsFilter(req.principal as SessionPrincipal, req.params.orgId)),
        );
      },
    );

    app.post(
      base,
      {
        config: { authz: rule.org(['head', 'responsible']) },
        schema: {
          tags: ['activities'],
          summary: 'Register a control activity with subject (BIN), object and inspectors (R444-4, R444-5)',
          params: OrgParams,
          body: Type.Object({
            type: literalUnion(ACTIVITY_TYPES),
            referenceNumber: Type.String({ minLength: 1, maxLength: 100 }),
            subjectBin: Type.String({ pattern: '^\\d{12}$' }),
            subjectName: Type.String({ minLength: 2, maxLength: 300 }),
            objectName: Type.String({ minLength: 2, maxLength: 300 }),
            objectAddress: Type.String({ minLength: 2, maxLength: 500 }),
            plannedStart: IsoDateTime,
            plannedEnd: IsoDateTime,
            inspectorIds: Type.Array(Uuid, { minItems: 1, maxItems: 20 }),
          }),
          response: responses({ 201: Activity }),
        },
      },
      async (req, reply) => {
        const row = await registerActivity(deps, actorOf(req), req.params.orgId, req.body);
        return reply.status(201).send((await withDetails([{ ...row, inspectorIds: [...new Set(req.body.inspectorIds)] }]))[0]!);
      },
    );

    app.get(
      `${base}/:activityId`,
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor', 'inspector']) },
        schema: {
          tags: ['activities'],
          summary: 'One control activity',
          params: Type.Object({ orgId: Uuid, activityId: Uuid }),
          response: responses({ 200: Activity }),
        },
      },
      async (req) => {
        const a = await findActivity(deps.db, req.params.orgId, req.params.activityId);
        const onlyFor = ownRecordsFilter(req.principal as SessionPrincipal, req.params.orgId);
        if (!a || (onlyFor && !a.inspectorIds.includes(onlyFor))) throw new AppError('activity.not_found');
        return (await withDetails([a]))[0]!;
      },
    );
  };
}
