import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Locale, Uuid, responses } from '../../platform/http/schemas.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { BASE, When, YearParams, judges, judgingReaders, organisers, viewerOf } from '../competition-http.ts';
import { yearOrThrow, yearView } from '../years/years.usecases.ts';
import { Year } from '../years/years.routes.ts';
import { buildResults } from './buildResults.ts';
import { decideTie, publishResults, signProtocol } from './results.usecases.ts';

export const ResultsSchema = Type.Object({
  protocol: Type.Unknown({
    description: 'The protocol: commission, every group’s ranking, places, ties and decisions, excluded candidates, score sheets',
  }),
  protocolSha256: Type.String(),
  undecidedTies: Type.Array(
    Type.Object({
      group: Type.Integer(),
      key: Type.String(),
      total: Type.Number(),
      applicationIds: Type.Array(Uuid),
      from: Type.Integer(),
      to: Type.Integer(),
    }),
  ),
  signatures: Type.Array(Type.Object({ userId: Uuid, fullName: Type.String(), signedAt: When })),
  unsigned: Type.Array(Type.String()),
  publishedAt: Type.Union([When, Type.Null()]),
  late: Type.Boolean(),
});

/** RC-19, RC-21, RC-22, RC-24: ranking and places, tie decisions, the signed protocol (PDF in kk and ru), publication. */
export function resultRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/years/:yearId/results`,
      {
        config: { authz: judgingReaders },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Ranking per group by the accepted counts, places I–III, ties at a place and the decisions on them, who signed the protocol',
          params: YearParams,
          response: responses({ 200: ResultsSchema }),
        },
      },
      async (req) => buildResults(deps, await yearOrThrow(deps, req.params.orgId, req.params.yearId)),
    );

    app.post(
      `${BASE}/years/:yearId/ties`,
      {
        config: { authz: judges },
        schema: {
          tags: ['ohs-competition'],
          summary: 'The chair records the commission’s decision on a tie at a place: the order of the tied candidates and why (RC-22)',
          params: YearParams,
          body: Type.Object(
            {
              group: Type.Integer({ minimum: 1, maximum: 2 }),
              order: Type.Array(Uuid, { minItems: 2, maxItems: 50 }),
              reason: Type.String({ minLength: 3, maxLength: 2000 }),
            },
            { additionalProperties: false },
          ),
          response: responses({
            201: Type.Object({ id: Uuid, tieKey: Type.String(), applicationOrder: Type.Array(Uuid), reason: Type.String() }),
          }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await decideTie(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.yearId, req.body)),
    );

    app.post(
      `${BASE}/years/:yearId/protocol/signatures`,
      {
        config: { authz: judges },
        schema: {
          tags: ['ohs-competition'],
          summary: 'A member signs the protocol as it stands, by its SHA-256 (RC-19)',
          params: YearParams,
          response: responses({ 200: ResultsSchema }),
        },
      },
      async (req) => signProtocol(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.yearId),
    );

    app.get(
      `${BASE}/years/:yearId/protocol.pdf`,
      {
        config: { authz: judgingReaders },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'The commission’s protocol as PDF (kk or ru; en for reading): ranking, places, every candidate’s score sheet, signatures',
          params: YearParams,
          querystring: Type.Object({ lang: Type.Optional(Locale) }),
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? req.locale;
        const year = await yearOrThrow(deps, req.params.orgId, req.params.yearId);
        const [results, org] = await Promise.all([buildResults(deps, year), findOrganisation(deps.db, req.params.orgId)]);
        const { renderProtocol } = await import('./protocol.pdf.ts');
        const pdf = await renderProtocol(
          results,
          deps.translator.forLocale(lang),
          lang,
          (lang === 'ru' ? org?.nameRu : org?.nameKk) ?? '',
          year.timeZone,
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="competition-protocol-${year.reportingYear}-${lang}.pdf"`)
          .send(pdf);
      },
    );

    app.post(
      `${BASE}/years/:yearId/publish`,
      {
        config: { authz: organisers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Publish the results: the protocol every member signed, frozen; the year closes (RC-24; marked late after point 21’s deadline)',
          params: YearParams,
          response: responses({ 200: Year }),
        },
      },
      async (req) => yearView(await publishResults(deps, actorOf(req), req.params.orgId, req.params.yearId), deps.now()),
    );
  };
}
