import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PLACE_KINDS, PLACEMENT_VERDICTS, ROOM_TYPES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { formatDate } from '../../platform/format.ts';
import { Locale, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { BASE, CiteSchema, readers } from '../cctv-http.ts';
import { Camera, cameraView } from '../cameras/cameras.routes.ts';
import { buildComplianceReport } from './complianceReport.ts';
import { FINDINGS } from './judgeCompliance.ts';

const Row = Type.Object({
  camera: Camera,
  place: Type.Object({
    id: Uuid,
    path: Type.String(),
    kind: literalUnion(PLACE_KINDS),
    roomType: Type.Union([literalUnion(ROOM_TYPES), Type.Null()]),
    unit: Type.String(),
  }),
  consent: Type.Union([Type.Object({ ok: Type.Boolean(), patientSide: Type.Boolean(), workerSide: Type.Boolean() }), Type.Null()]),
  compliant: Type.Boolean(),
  verdict: literalUnion(PLACEMENT_VERDICTS),
  cites: Type.Array(CiteSchema),
  findings: Type.Array(Type.Object({ finding: literalUnion(FINDINGS), cites: Type.Array(CiteSchema) })),
});

/** The compliance report: as data for the dashboard and the floor plans, and as a PDF in kk or ru. */
export function complianceRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/compliance`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Every camera in service with its verdict, cited points, missing sign or consent (R335-4 … R335-12)',
          params: OrgParams,
          response: responses({
            200: Type.Object({
              date: Type.String(),
              rules: Type.Object({ id: Type.String(), wording: Type.String() }),
              careTypes: Type.Array(Type.String()),
              total: Type.Integer(),
              compliant: Type.Integer(),
              cameras: Type.Array(Row),
            }),
          }),
        },
      },
      async (req) => {
        const r = await buildComplianceReport(deps, req.params.orgId);
        return { ...r, cameras: r.cameras.map((c) => ({ ...c, camera: cameraView(c.camera) })) };
      },
    );

    app.get(
      `${BASE}/compliance.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The compliance report as PDF (kk or ru; en for reading)',
          params: OrgParams,
          querystring: Type.Object({ lang: Type.Optional(Locale) }),
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? req.locale;
        const t = deps.translator.forLocale(lang);
        const [report, org] = await Promise.all([
          buildComplianceReport(deps, req.params.orgId),
          findOrganisation(deps.db, req.params.orgId),
        ]);
        const { renderComplianceReport } = await import('./compliance.pdf.ts');
        const pdf = await renderComplianceReport(
          report,
          t,
          lang,
          (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '',
          formatDate(report.date),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="cctv-compliance-${report.date}-${lang}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      `${BASE}/sign.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The sign «Бейне бақылауда» / «Ведется видеонаблюдение» to print (point 6)',
          params: OrgParams,
        },
      },
      async (req, reply) => {
        const { renderSign } = await import('./sign.pdf.ts');
        const pdf = await renderSign(deps.translator.forLocale(req.locale)('common:cctv.pdf.sign.title'));
        return reply.type('application/pdf').header('content-disposition', 'attachment; filename="cctv-sign.pdf"').send(pdf);
      },
    );
  };
}
