import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, Ok, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { dateInZone } from '../../platform/time.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { BASE, When, firstHead, organisers, readers } from '../pc-http.ts';
import { listFacilities } from '../facilities/facilities.repository.ts';
import { namesByIds } from '../officials/people.repository.ts';
import { describeItems } from './describeItems.ts';
import { plannedInspections } from './plannedInspections.ts';
import { findSchedule, itemsOf, listSchedules } from './schedule.repository.ts';
import { addItem, approveSchedule, changeItem, createSchedule, removeItem, reviseSchedule } from './schedule.usecases.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Status = literalUnion(['draft', 'approved', 'superseded'] as const);
const Kind = literalUnion(['scheduled', 'comprehensive'] as const);
const Schedule = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  revision: Type.Integer(),
  status: Status,
  approvedBy: Nullable(Uuid),
  approvedAt: Nullable(When),
  createdAt: When,
});
const Item = Type.Object({
  id: Uuid,
  scheduleId: Uuid,
  facilityId: Uuid,
  facilityName: Type.String(),
  registrationNumber: Type.String(),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  kind: Kind,
  plannedOn: Type.String(),
  checklistId: Uuid,
  checklistTitle: Type.String(),
  responsibleOfficialId: Uuid,
  responsibleName: Type.String(),
  previousItemId: Nullable(Uuid),
  remindedAt: Nullable(When),
  done: Type.Boolean(),
  overdue: Type.Boolean(),
});
const ItemFields = {
  facilityId: Uuid,
  unitId: Type.Optional(Nullable(Uuid)),
  kind: Kind,
  plannedOn: IsoDate,
  checklistId: Uuid,
  responsibleOfficialId: Uuid,
};
const ScheduleParams = Type.Object({ orgId: Uuid, scheduleId: Uuid });
const ItemParams = Type.Object({ orgId: Uuid, scheduleId: Uuid, itemId: Uuid });
const tags = ['production-control'];

/** R315-7: the yearly schedule of inspections (Appendix 1), its revisions, calendar, overdue lines and print. */
export function scheduleRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const today = () => dateInZone(deps.now());
    const load = async (orgId: string, scheduleId: string) => {
      const s = await findSchedule(deps.db, orgId, scheduleId);
      if (!s) throw new AppError('pc.schedule_not_found');
      return { s, items: await describeItems(deps, orgId, await itemsOf(deps.db, s.id), today()) };
    };
    const one = async (orgId: string, scheduleId: string, itemId: string) =>
      (await load(orgId, scheduleId)).items.find((i) => i.id === itemId)!;

    app.get(
      `${BASE}/dashboard`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'Counts for the home page: facilities in service, planned inspections due in 30 days, overdue ones',
          params: OrgParams,
          response: responses({ 200: Type.Object({ facilities: Type.Integer(), dueSoon: Type.Integer(), overdue: Type.Integer() }) }),
        },
      },
      async (req) => {
        const [facilities, planned] = await Promise.all([
          listFacilities(deps.db, req.params.orgId),
          plannedInspections(deps.db, req.params.orgId, today()),
        ]);
        return {
          facilities: facilities.filter((f) => !f.decommissionedOn).length,
          dueSoon: planned.dueSoon.length,
          overdue: planned.overdue.length,
        };
      },
    );

    app.get(
      `${BASE}/schedule/overdue`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'Planned inspections of schedules in force whose date passed without an inspection',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Item) }) }),
        },
      },
      async (req) => ({
        items: await describeItems(deps, req.params.orgId, (await plannedInspections(deps.db, req.params.orgId, today())).overdue, today()),
      }),
    );

    app.get(
      `${BASE}/schedules`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'The schedules and their revisions, newest first',
          params: OrgParams,
          querystring: Type.Object(
            { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ items: Type.Array(Schedule) }) }),
        },
      },
      async (req) => ({ items: await listSchedules(deps.db, req.params.orgId, req.query.year) }),
    );

    app.post(
      `${BASE}/schedules`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Start the year’s schedule as draft revision 1',
          params: OrgParams,
          body: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
          response: responses({ 201: Schedule }),
        },
      },
      async (req, reply) => reply.status(201).send(await createSchedule(deps, actorOf(req), req.params.orgId, req.body.year)),
    );

    app.get(
      `${BASE}/schedules/:scheduleId`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'One revision with its lines',
          params: ScheduleParams,
          response: responses({ 200: Type.Object({ ...Schedule.properties, items: Type.Array(Item) }) }),
        },
      },
      async (req) => {
        const { s, items } = await load(req.params.orgId, req.params.scheduleId);
        return { ...s, items };
      },
    );

    app.get(
      `${BASE}/schedules/:scheduleId/calendar`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'The revision’s lines by month (1–12)',
          params: ScheduleParams,
          response: responses({
            200: Type.Object({ year: Type.Integer(), months: Type.Array(Type.Object({ month: Type.Integer(), items: Type.Array(Item) })) }),
          }),
        },
      },
      async (req) => {
        const { s, items } = await load(req.params.orgId, req.params.scheduleId);
        const months = Array.from({ length: 12 }, (_, m) => ({
          month: m + 1,
          items: items.filter((i) => Number(i.plannedOn.slice(5, 7)) === m + 1),
        }));
        return { year: s.year, months };
      },
    );

    app.post(
      `${BASE}/schedules/:scheduleId/items`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Add a line to a draft schedule',
          params: ScheduleParams,
          body: Type.Object(ItemFields, { additionalProperties: false }),
          response: responses({ 201: Item }),
        },
      },
      async (req, reply) => {
        const row = await addItem(deps, actorOf(req), req.params.orgId, req.params.scheduleId, req.body);
        return reply.status(201).send(await one(req.params.orgId, req.params.scheduleId, row.id));
      },
    );

    app.patch(
      `${BASE}/schedules/:scheduleId/items/:itemId`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Change a line of a draft schedule',
          params: ItemParams,
          body: Type.Partial(Type.Object(ItemFields), { additionalProperties: false, minProperties: 1 }),
          response: responses({ 200: Item }),
        },
      },
      async (req) => {
        await changeItem(deps, actorOf(req), req.params.orgId, req.params.scheduleId, req.params.itemId, req.body);
        return one(req.params.orgId, req.params.scheduleId, req.params.itemId);
      },
    );

    app.delete(
      `${BASE}/schedules/:scheduleId/items/:itemId`,
      {
        config: { authz: organisers },
        schema: { tags, summary: 'Remove a line from a draft schedule', params: ItemParams, response: responses({ 200: Ok }) },
      },
      async (req) => {
        await removeItem(deps, actorOf(req), req.params.orgId, req.params.scheduleId, req.params.itemId);
        return { ok: true as const };
      },
    );

    app.post(
      `${BASE}/schedules/:scheduleId/approve`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The first head approves a draft; the revision it replaces is superseded (R315-7)',
          params: ScheduleParams,
          response: responses({ 200: Schedule }),
        },
      },
      async (req) => approveSchedule(deps, actorOf(req), req.params.orgId, req.params.scheduleId),
    );

    app.post(
      `${BASE}/schedules/:scheduleId/revisions`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Start a new draft revision of an approved schedule, copying its lines',
          params: ScheduleParams,
          response: responses({ 201: Schedule }),
        },
      },
      async (req, reply) => reply.status(201).send(await reviseSchedule(deps, actorOf(req), req.params.orgId, req.params.scheduleId)),
    );

    app.get(
      `${BASE}/schedules/:scheduleId/print.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'The schedule on the Appendix 1 form, in Kazakh or Russian',
          params: ScheduleParams,
          querystring: Type.Object({ lang: Type.Optional(literalUnion(['kk', 'ru'] as const)) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? (req.locale === 'kk' ? 'kk' : 'ru');
        const { s, items } = await load(req.params.orgId, req.params.scheduleId);
        const org = await findOrganisation(deps.db, req.params.orgId);
        const approver = s.approvedBy ? ((await namesByIds(deps.db, [s.approvedBy])).get(s.approvedBy) ?? null) : null;
        const { printSchedule } = await import('./schedule-print.ts');
        const pdf = await printSchedule(deps, deps.translator.forLocale(lang), lang, s, items, {
          name: (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '',
          approverName: approver,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="pc-schedule-${s.year}-r${s.revision}-${lang}.pdf"`)
          .send(pdf);
      },
    );
  };
}
