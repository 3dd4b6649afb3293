import { Type, type FastifyPluginAsyncTypebox, type TSchema } from '@fastify/type-provider-typebox';
import { DOCUMENT_TEXT_MAX, type Locale, type PcDocumentContent } from '@baqylau/contracts';
import type { TFunction } from 'i18next';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/format.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { rule } from '../../platform/http/authz.ts';
import { Locale as LocaleSchema, Uuid, responses } from '../../platform/http/schemas.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { pdfDisposition } from '../instructions/instructions-http.ts';
import { BASE, When, firstHead } from '../pc-http.ts';
import type { DocumentVersionRow } from './documents.repository.ts';
import { listVersions } from './documents.repository.ts';
import type { DocumentMeta } from './documents.pdf.ts';
import { approveDocument, currentDocument, presentDocument, saveDocumentTexts, type DocumentSpec } from './documents.ts';

const Person = Type.Object({ id: Uuid, fullName: Type.String() });
export const DocumentVersion = Type.Object({
  id: Uuid,
  period: Type.String(),
  version: Type.Integer(),
  contentSha256: Type.String(),
  presentedBy: Person,
  presentedAt: When,
  approval: Type.Union([Type.Object({ approvedBy: Person, approvedAt: When }), Type.Null()]),
});

export interface DocumentRoutesOptions {
  spec: DocumentSpec;
  /** The URL segment under the production-control base, e.g. `annual-information`. */
  slug: string;
  /** The period's path parameter (`year`), or none for a standing document. */
  periodParam?: { name: 'year'; schema: TSchema };
  readers: ReturnType<typeof rule.org>;
  presenters: ReturnType<typeof rule.org>;
  /** What the requirement IDs in the summaries are. */
  ids: string;
  render(content: PcDocumentContent, meta: DocumentMeta, t: TFunction): Promise<Buffer>;
}

/**
 * The routes every generated document has: the live document (figures + draft texts) with its versions,
 * saving the texts, presenting a version, the first head's approval and the PDF (kk or ru).
 */
export function documentRoutes(deps: AppDeps, o: DocumentRoutesOptions): FastifyPluginAsyncTypebox {
  const tags = ['production-control'];
  const base = `${BASE}/${o.slug}`;
  const at = o.periodParam ? `${base}/:${o.periodParam.name}` : base;
  const Params = Type.Object(o.periodParam ? { orgId: Uuid, [o.periodParam.name]: o.periodParam.schema } : { orgId: Uuid });
  const periodOf = (params: Record<string, unknown>) => o.spec.period(deps, o.periodParam ? String(params[o.periodParam.name]) : undefined);
  const orgOf = (params: unknown) => (params as { orgId: string }).orgId;
  const Texts = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: DOCUMENT_TEXT_MAX + 1 }));

  const shaped = async (rows: DocumentVersionRow[]) => {
    const names = await namesOf(
      deps.db,
      rows.flatMap((r) => [r.presentedBy, r.approval?.approvedBy]).filter((x): x is string => !!x),
    );
    const person = (id: string) => ({ id, fullName: names.get(id) ?? '' });
    return rows.map((r) => ({
      id: r.id,
      period: r.period,
      version: r.version,
      contentSha256: r.contentSha256,
      presentedBy: person(r.presentedBy),
      presentedAt: r.presentedAt,
      approval: r.approval ? { approvedBy: person(r.approval.approvedBy), approvedAt: r.approval.approvedAt } : null,
    }));
  };

  return async (app) => {
    app.get(
      `${base}/versions`,
      {
        config: { authz: o.readers },
        schema: {
          tags,
          summary: `Every presented version, newest first (${o.ids})`,
          params: Type.Object({ orgId: Uuid }),
          response: responses({ 200: Type.Object({ items: Type.Array(DocumentVersion) }) }),
        },
      },
      async (req) => ({ items: await shaped(await listVersions(deps.db, orgOf(req.params), o.spec.kind)) }),
    );

    app.get(
      at,
      {
        config: { authz: o.readers },
        schema: {
          tags,
          summary: `The document as it stands now — figures from the data, the draft's editable texts — and its presented versions (${o.ids})`,
          params: Params,
          response: responses({
            200: Type.Object({
              figures: Type.Unknown({
                description: 'The figures section by section (contracts: AnnualInformationFigures / RegulationFigures)',
              }),
              texts: Type.Record(Type.String(), Type.String()),
              draft: Type.Union([Type.Object({ updatedBy: Person, updatedAt: When }), Type.Null()]),
              versions: Type.Array(DocumentVersion),
            }),
          }),
        },
      },
      async (req) => {
        const period = periodOf(req.params as Record<string, unknown>);
        const { content, draft } = await currentDocument(deps, deps.db, o.spec, orgOf(req.params), period);
        const names = draft ? await namesOf(deps.db, [draft.updatedBy]) : new Map<string, string>();
        return {
          ...content,
          draft: draft
            ? { updatedBy: { id: draft.updatedBy, fullName: names.get(draft.updatedBy) ?? '' }, updatedAt: draft.updatedAt }
            : null,
          versions: await shaped(await listVersions(deps.db, orgOf(req.params), o.spec.kind, period)),
        };
      },
    );

    app.put(
      `${at}/texts`,
      {
        config: { authz: o.presenters },
        schema: {
          tags,
          summary: `Save the draft's editable texts (the parts the data cannot say) (${o.ids})`,
          params: Params,
          body: Type.Object({ texts: Texts }, { additionalProperties: false }),
          response: responses({ 200: Type.Object({ texts: Type.Record(Type.String(), Type.String()) }) }),
        },
      },
      async (req) => ({
        texts: await saveDocumentTexts(
          deps,
          actorOf(req),
          o.spec,
          orgOf(req.params),
          periodOf(req.params as Record<string, unknown>),
          req.body.texts,
        ),
      }),
    );

    app.post(
      `${at}/presentation`,
      {
        config: { authz: o.presenters },
        schema: {
          tags,
          summary: `Present the document to the first head: figures and texts are frozen as a new write-once version (${o.ids})`,
          params: Params,
          response: responses({ 201: DocumentVersion }),
        },
      },
      async (req, reply) => {
        const row = await presentDocument(deps, actorOf(req), o.spec, orgOf(req.params), periodOf(req.params as Record<string, unknown>));
        reply.code(201);
        return (await shaped([row]))[0]!;
      },
    );

    app.post(
      `${base}/versions/:versionId/approval`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: `The first head approves the latest presented version (${o.ids})`,
          params: Type.Object({ orgId: Uuid, versionId: Uuid }),
          response: responses({ 200: DocumentVersion }),
        },
      },
      async (req) => (await shaped([await approveDocument(deps, actorOf(req), o.spec, orgOf(req.params), req.params.versionId)]))[0]!,
    );

    app.get(
      `${at}/document.pdf`,
      {
        config: { authz: o.readers },
        schema: {
          tags,
          summary: `The document as PDF (kk or ru): a presented version, or the live document marked as a draft (${o.ids})`,
          params: Params,
          querystring: Type.Object(
            { lang: Type.Optional(LocaleSchema), version: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => {
        const orgId = orgOf(req.params);
        const period = periodOf(req.params as Record<string, unknown>);
        const lang: Locale = req.query.lang ?? req.locale;
        const versions = await listVersions(deps.db, orgId, o.spec.kind, period);
        const chosen = req.query.version ? versions.find((v) => v.version === req.query.version) : versions[0];
        if (req.query.version && !chosen) throw new AppError('pc.document_not_found', { kind: o.spec.kind });
        const content = chosen ? chosen.content : (await currentDocument(deps, deps.db, o.spec, orgId, period)).content;
        const [v] = chosen ? await shaped([chosen]) : [];
        const org = await findOrganisation(deps.db, orgId);
        const t = deps.translator.forLocale(lang);
        const pdf = await o.render(
          content,
          {
            organisation: (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '',
            bin: org?.bin ?? '',
            version: v?.version ?? null,
            presentedOn: v ? formatDate(v.presentedAt) : null,
            presentedBy: v?.presentedBy.fullName ?? '',
            approvedOn: v?.approval ? formatDate(v.approval.approvedAt) : null,
            approvedBy: v?.approval?.approvedBy.fullName ?? null,
          },
          t,
        );
        const name = period ? `${period}${v ? `-v${v.version}` : ''}` : v ? `v${v.version}` : 'draft';
        return reply
          .type('application/pdf')
          .header('content-disposition', pdfDisposition(o.slug, name, lang))
          .send(pdf);
      },
    );
  };
}
