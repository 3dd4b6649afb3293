import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { BASE, When } from '../competition-http.ts';
import { findDocument } from '../applications/applications.repository.ts';
import { findYearByNumber } from '../years/years.repository.ts';
import type { Protocol } from './buildResults.ts';
import { findPublication, publishedYears } from './results.repository.ts';

/** What the winners' published materials may be (point 24): their work, not their certificates. */
const PUBLIC_MATERIALS = ['best_practice_sheet', 'video', 'article', 'poster'];
const Name = Type.Object({ nameKk: Type.String(), nameRu: Type.String() });
const Published = Type.Object({
  reportingYear: Type.Integer(),
  publishedAt: When,
  late: Type.Boolean(),
  protocolSha256: Type.String(),
  groups: Type.Array(
    Type.Object({
      group: Type.Integer(),
      ranking: Type.Array(
        Type.Object({
          position: Type.Integer(),
          place: Type.Union([Type.Integer(), Type.Null()]),
          candidate: Type.String(),
          memberOrganisation: Name,
          total: Type.Number(),
        }),
      ),
      tieDecisions: Type.Array(Type.Object({ candidates: Type.Array(Type.String()), reason: Type.String() })),
    }),
  ),
  materials: Type.Array(Type.Object({ documentId: Uuid, candidate: Type.String(), kind: Type.String(), title: Type.String() })),
});

/** The public face of a published protocol: ranking and places, tie decisions, winners' materials — no personal data beyond names. */
function publicView(reportingYear: number, publishedAt: Date, resultsClosesAt: Date, protocolSha256: string, p: Protocol) {
  const placed = new Set(p.groups.flatMap((g) => g.ranking.filter((r) => r.place).map((r) => r.applicationId)));
  const name = new Map(p.sheets.map((s) => [s.applicationId, s.candidate]));
  return {
    reportingYear,
    publishedAt,
    late: publishedAt.getTime() >= resultsClosesAt.getTime(),
    protocolSha256,
    groups: p.groups.map((g) => ({
      group: g.group,
      ranking: g.ranking.map(({ position, place, candidate, memberOrganisation, total }) => ({
        position,
        place,
        candidate,
        memberOrganisation,
        total,
      })),
      tieDecisions: g.ties.flatMap((t) =>
        t.decision ? [{ candidates: t.decision.order.map((id) => name.get(id) ?? ''), reason: t.decision.reason }] : [],
      ),
    })),
    materials: p.sheets
      .filter((s) => placed.has(s.applicationId))
      .flatMap((s) =>
        s.documents
          .filter((d) => PUBLIC_MATERIALS.includes(d.kind))
          .map((d) => ({ documentId: d.id, applicationId: s.applicationId, candidate: s.candidate, kind: d.kind, title: d.title })),
      ),
  };
}

/** RC-24: published results and the winners' materials, without sign-in; nothing before publication. */
export function publicRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const published = async (orgId: string, reportingYear: number) => {
      const year = await findYearByNumber(deps.db, orgId, reportingYear);
      const pub = year?.publishedAt ? await findPublication(deps.db, year.id) : undefined;
      if (!year || !pub) throw new AppError('competition.results_not_published', { year: reportingYear });
      return publicView(year.reportingYear, pub.publishedAt, year.resultsClosesAt, pub.protocolSha256, pub.protocol as Protocol);
    };

    app.get(
      `${BASE}/published`,
      {
        config: { authz: rule.public },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Years whose results are published (public, RC-24)',
          params: OrgParams,
          response: responses({
            200: Type.Object({ items: Type.Array(Type.Object({ reportingYear: Type.Integer(), publishedAt: When })) }),
          }),
        },
      },
      async (req) => ({
        items: (await publishedYears(deps.db, req.params.orgId)).map((r) => ({
          reportingYear: r.year.reportingYear,
          publishedAt: r.publication.publishedAt,
        })),
      }),
    );

    app.get(
      `${BASE}/published/:reportingYear`,
      {
        config: { authz: rule.public },
        schema: {
          tags: ['ohs-competition'],
          summary: 'A year’s published results: ranking, places, tie decisions, the winners’ materials (public, RC-24)',
          params: Type.Object({ orgId: Uuid, reportingYear: Type.Integer({ minimum: 2000, maximum: 2200 }) }),
          response: responses({ 200: Published }),
        },
      },
      async (req) => published(req.params.orgId, req.params.reportingYear),
    );

    app.get(
      `${BASE}/published/:reportingYear/materials/:documentId`,
      {
        config: { authz: rule.public },
        schema: {
          tags: ['ohs-competition'],
          summary: 'A published material of a winner (public, RC-24)',
          params: Type.Object({ orgId: Uuid, reportingYear: Type.Integer({ minimum: 2000, maximum: 2200 }), documentId: Uuid }),
        },
      },
      async (req, reply) => {
        const view = await published(req.params.orgId, req.params.reportingYear);
        const m = view.materials.find((x) => x.documentId === req.params.documentId);
        const found = m && (await findDocument(deps.db, m.applicationId, m.documentId));
        const stat = found ? await deps.store.stat(found.document.sha256) : undefined;
        if (!found || !stat) throw new AppError('competition.document_not_found');
        return sendStoredObject(req, reply, deps, {
          sha256: found.document.sha256,
          size: stat.size,
          contentType: found.document.mime,
          downloadName: found.document.fileName,
        });
      },
    );
  };
}
