import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { INSPECTION_KINDS } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { IsoDate, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { BASE, When, readers } from '../pc-http.ts';
import { journalColumns, readJournal } from './journal.usecases.ts';

const TAGS = ['production-control'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);
const Query = Type.Object(
  { facilityId: Type.Optional(Uuid), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
const Line = Type.Object({
  seq: Type.Integer(),
  enteredAt: When,
  inspectionId: Uuid,
  kind: literalUnion(INSPECTION_KINDS),
  facility: Type.String(),
  unit: Nullable(Type.String()),
  official: Type.String(),
  startedAt: Type.String(),
  completedAt: Type.String(),
  items: Type.Integer(),
  violations: Type.Integer(),
  dangerous: Type.Integer(),
  recheckedConfirmed: Type.Integer(),
  reopened: Type.Integer(),
  conclusion: Type.String(),
  actNumber: Nullable(Type.String()),
  instructionNumber: Nullable(Type.String()),
});

/** R315-12: the production-control journal — append-only entries, as data and as a printed PDF (kk, ru). */
export function journalRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/journal`,
      {
        config: { authz: readers },
        schema: {
          tags: TAGS,
          summary: 'The production-control journal (filters: facility, period of completion)',
          params: OrgParams,
          querystring: Query,
          response: responses({ 200: Type.Object({ items: Type.Array(Line) }) }),
        },
      },
      async (req) => ({ items: await readJournal(deps, req.params.orgId, req.query) }),
    );

    app.get(
      `${BASE}/journal.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags: TAGS,
          summary: 'The printed journal (kk or ru), its columns from the form definition',
          params: OrgParams,
          querystring: Type.Object(
            { ...Query.properties, lang: Type.Optional(literalUnion(['kk', 'ru'] as const)) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => {
        const { lang: asked, ...q } = req.query;
        const lang = asked ?? (req.locale === 'kk' ? 'kk' : 'ru');
        const [lines, columns, org] = await Promise.all([
          readJournal(deps, req.params.orgId, q),
          journalColumns(deps, req.params.orgId),
          findOrganisation(deps.db, req.params.orgId),
        ]);
        const { renderJournal } = await import('./journal.pdf.ts');
        const pdf = await renderJournal(
          lines,
          columns,
          deps.translator.forLocale(lang),
          lang,
          (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '',
        );
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="pc-journal-${lang}.pdf"`).send(pdf);
      },
    );
  };
}
