import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { Uuid, responses } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/errors.ts';
import { findActivity } from './activities.repository.ts';
import { listMaterials } from './materials.repository.ts';
import { addActivityMaterial, downloadActivityMaterial } from './materials.usecases.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
export const Material = Type.Object({
  id: Uuid,
  activityId: Uuid,
  title: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  uploadedBy: Type.Object({ id: Uuid, fullName: Type.String() }),
  uploadedAt: When,
});
const ActivityParams = Type.Object({ orgId: Uuid, activityId: Uuid });

/** R444-14, R444-18: the activity's materials (PDF) — uploaded as a raw body, listed, downloaded (logged). */
export function materialRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The PDF stays a stream: it is checked and hashed on its way into the store, never buffered here.
    app.addContentTypeParser('application/pdf', (_req, payload, done) => done(null, payload));
    const base = '/api/v1/organisations/:orgId/activities/:activityId/materials';

    app.post(
      base,
      {
        config: { authz: rule.org(['head', 'responsible', 'inspector']) },
        schema: {
          tags: ['activities'],
          summary: 'Upload a material (PDF as the raw body, Content-Type application/pdf); an inspector only to an assigned activity',
          params: ActivityParams,
          querystring: Type.Object({
            title: Type.String({ minLength: 2, maxLength: 300 }),
            fileName: Type.String({ minLength: 1, maxLength: 300 }),
          }),
          consumes: ['application/pdf'],
          response: responses({ 201: Material, 413: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        if (req.headers['content-type']?.split(';')[0]?.trim() !== 'application/pdf') throw new AppError('material.not_pdf');
        const p = req.principal as SessionPrincipal;
        const length = Number(req.headers['content-length']);
        const row = await addActivityMaterial(
          deps,
          actorOf(req),
          p.roles.get(req.params.orgId) ?? new Set(),
          req.params.orgId,
          req.params.activityId,
          { title: req.query.title, fileName: req.query.fileName, declaredSize: Number.isFinite(length) ? length : undefined },
          req.body as AsyncIterable<Buffer>,
        );
        const { uploadedBy, ...rest } = row;
        return reply.status(201).send({ ...rest, uploadedBy: { id: uploadedBy, fullName: p.fullName } });
      },
    );

    app.get(
      base,
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor']), evidence: 'material' },
        schema: {
          tags: ['activities'],
          summary: "The activity's materials, oldest first",
          params: ActivityParams,
          response: responses({ 200: Type.Array(Material) }),
        },
      },
      async (req) => {
        if (!(await findActivity(deps.db, req.params.orgId, req.params.activityId))) throw new AppError('activity.not_found');
        const rows = await listMaterials(deps.db, req.params.orgId, req.params.activityId);
        return rows.map(({ uploadedBy, uploadedByName, ...m }) => ({ ...m, uploadedBy: { id: uploadedBy, fullName: uploadedByName } }));
      },
    );

    app.get(
      `${base}/:materialId/file`,
      {
        // A HEAD request would count as a logged download: only GET serves the bytes.
        exposeHeadRoute: false,
        config: { authz: rule.org(['head', 'responsible']), evidence: 'material' },
        schema: {
          tags: ['activities'],
          summary: 'Download a material (the PDF as stored); each download is in the ledger (R444-21)',
          params: Type.Object({ orgId: Uuid, activityId: Uuid, materialId: Uuid }),
          response: responses({ 200: Binary }),
        },
      },
      async (req, reply) => {
        const m = await downloadActivityMaterial(deps, actorOf(req), req.params.orgId, req.params.activityId, req.params.materialId);
        return sendStoredObject(req, reply, deps, {
          sha256: m.sha256,
          size: m.size,
          contentType: 'application/pdf',
          downloadName: m.fileName,
        });
      },
    );
  };
}
