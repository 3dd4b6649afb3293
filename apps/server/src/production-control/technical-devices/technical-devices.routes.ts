import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, OrgParams, responses } from '../../platform/http/schemas.ts';
import { listFacilities, listUnits } from '../facilities/facilities.repository.ts';
import { BASE, organisers, readers, service } from '../pc-http.ts';
import { readObjectsCsv, readObjectsXlsx, toObjectInputs } from './objects-import.ts';
import { decommissionObject, recordExamination, registerObjects } from './technical-devices.usecases.ts';
import { technicalRegister } from './technical-devices.view.ts';
import {
  Examination,
  ExaminationBody,
  ObjectBody,
  ObjectDetail,
  ObjectParams,
  Register,
  TechnicalObject,
} from './technical-devices.schemas.ts';

const tags = ['production-control'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';
const ROOT = `${BASE}/technical-objects`;
const ONE = `${ROOT}/:objectId`;

/** R315-4, R315-6, R315-26 section 5: technical devices, buildings and structures, and their examinations. */
export function technicalDeviceRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const t of [XLSX, CSV])
      if (!app.hasContentTypeParser(t))
        app.addContentTypeParser(t, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));

    const one = async (orgId: string, objectId: string) => {
      const r = await technicalRegister(deps.db, orgId, deps.now(), objectId);
      const object = r.items[0];
      if (!object) throw new AppError('pc.technical_object_not_found');
      return { object, alerts: r.alerts, history: r.history };
    };

    app.get(
      ROOT,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary:
            'The register of technical devices, buildings and structures with each one’s state per examination kind, and the head’s alerts (R315-6)',
          params: OrgParams,
          response: responses({ 200: Register }),
        },
      },
      async (req) => {
        const { today, items, alerts } = await technicalRegister(deps.db, req.params.orgId, deps.now());
        return { today, items, alerts };
      },
    );

    app.post(
      ROOT,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary:
            'Register a technical device, building or structure of a facility (registration number unique in the organisation) (R315-6)',
          params: OrgParams,
          body: ObjectBody,
          response: responses({ 201: TechnicalObject }),
        },
      },
      async (req, reply) => {
        const [made] = await registerObjects(deps, actorOf(req), req.params.orgId, [req.body]);
        reply.code(201);
        return (await one(req.params.orgId, made!.id)).object;
      },
    );

    app.post(
      `${ROOT}/import`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary:
            'Import an object list from XLSX or CSV (columns kind, name, registrationNumber, facility, unit, manufacturer, serialNumber, commissionedOn); every row is checked, one bad row writes nothing (R315-6)',
          params: OrgParams,
          response: responses({ 201: Type.Object({ imported: Type.Integer() }), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const ct = req.headers['content-type']?.split(';')[0]?.trim();
        if (ct !== XLSX && ct !== CSV) throw new AppError('pc.technical_import_unreadable', { format: ct ?? '—' });
        const sheet = ct === XLSX ? await readObjectsXlsx(req.body as Buffer) : readObjectsCsv(req.body as Buffer);
        const { orgId } = req.params;
        const [facilities, units] = await Promise.all([listFacilities(deps.db, orgId), listUnits(deps.db, orgId)]);
        const rows = toObjectInputs(sheet, facilities, units);
        const made = await registerObjects(
          deps,
          actorOf(req),
          orgId,
          rows.map((r) => r.input),
          { import: ct === XLSX ? 'xlsx' : 'csv', rowNumbers: rows.map((r) => r.row) },
        );
        reply.code(201);
        return { imported: made.length };
      },
    );

    app.get(
      ONE,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'One object with its state and every examination recorded, newest first (R315-6)',
          params: ObjectParams,
          response: responses({ 200: ObjectDetail }),
        },
      },
      async (req) => one(req.params.orgId, req.params.objectId),
    );

    app.post(
      `${ONE}/decommission`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'The object leaves service; it stays in the register with its examinations (R315-6)',
          params: ObjectParams,
          body: Type.Object({ decommissionedOn: IsoDate }, { additionalProperties: false }),
          response: responses({ 200: TechnicalObject }),
        },
      },
      async (req) => {
        await decommissionObject(deps, actorOf(req), req.params.orgId, req.params.objectId, req.body.decommissionedOn);
        return (await one(req.params.orgId, req.params.objectId)).object;
      },
    );

    app.post(
      `${ONE}/examinations`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary:
            'Record an examination, certification, expertise or diagnostics (write-once): its result and when the next falls due; an unfit result is told to the first head (R315-6, R315-26)',
          params: ObjectParams,
          body: ExaminationBody,
          response: responses({ 201: Examination }),
        },
      },
      async (req, reply) => {
        const { orgId, objectId } = req.params;
        const row = await recordExamination(deps, actorOf(req), orgId, objectId, req.body);
        reply.code(201);
        return (await one(orgId, objectId)).history.find((e) => e.id === row.id)!;
      },
    );
  };
}
