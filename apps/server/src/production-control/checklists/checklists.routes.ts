import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SEVERITIES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, When, organisers, readers } from '../pc-http.ts';
import { checkQuestions } from './checkQuestions.ts';
import { readJson, readXlsx, writeXlsx, type ChecklistDocument } from './checklist-transfer.ts';
import {
  findChecklist,
  findVersion,
  listChecklists,
  listVersions,
  type ChecklistRow,
  type ChecklistVersionRow,
} from './checklists.repository.ts';
import { createChecklist, publishVersion, saveDraft, startRevision } from './checklists.usecases.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Purpose = literalUnion(['inspection', 'comprehensive_programme'] as const);
const Question = Type.Object({
  id: Type.String(),
  text: Type.String(),
  reference: Type.Object({ act: Type.String(), point: Type.String() }),
  severity: literalUnion(SEVERITIES),
});
/** What the editor sends: types are strict, the rules (required, lengths, severity) are judged per row by checkQuestions. */
const QuestionIn = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 200 })),
    text: Type.String({ maxLength: 5000 }),
    reference: Type.Object(
      { act: Type.String({ maxLength: 1000 }), point: Type.String({ maxLength: 200 }) },
      { additionalProperties: false },
    ),
    severity: Type.String({ maxLength: 50 }),
  },
  { additionalProperties: false },
);
const Summary = Type.Object({
  version: Type.Integer(),
  status: literalUnion(['draft', 'published'] as const),
  questionCount: Type.Integer(),
  publishedAt: Type.Union([When, Type.Null()]),
});
const Checklist = Type.Object({
  id: Uuid,
  title: Type.String(),
  purpose: Purpose,
  createdAt: When,
  versions: Type.Array(Summary),
  publishedVersion: Type.Union([Type.Integer(), Type.Null()]),
});
const Version = Type.Object({
  checklistId: Uuid,
  title: Type.String(),
  purpose: Purpose,
  version: Type.Integer(),
  status: literalUnion(['draft', 'published'] as const),
  questions: Type.Array(Question),
  publishedBy: Type.Union([Uuid, Type.Null()]),
  publishedAt: Type.Union([When, Type.Null()]),
});
const Title = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });
const ChecklistParams = Type.Object({ orgId: Uuid, checklistId: Uuid });
const VersionParams = Type.Object({ orgId: Uuid, checklistId: Uuid, version: Type.Integer({ minimum: 1 }) });
const tags = ['production-control'];

const summary = (c: ChecklistRow, versions: ChecklistVersionRow[]) => {
  const own = versions.filter((v) => v.checklistId === c.id);
  return {
    ...c,
    versions: own.map((v) => ({ version: v.version, status: v.status, questionCount: v.questions.length, publishedAt: v.publishedAt })),
    publishedVersion: own.find((v) => v.status === 'published')?.version ?? null,
  };
};
const versionView = (c: ChecklistRow, v: ChecklistVersionRow) => ({
  checklistId: c.id,
  title: c.title,
  purpose: c.purpose,
  version: v.version,
  status: v.status,
  questions: v.questions,
  publishedBy: v.publishedBy,
  publishedAt: v.publishedAt,
});

/** R315-11 and the inspections' questions: checklist templates and comprehensive programmes, versioned. */
export function checklistsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    const load = async (orgId: string, checklistId: string, version: number) => {
      const c = await findChecklist(deps.db, orgId, checklistId);
      if (!c) throw new AppError('pc.checklist_not_found');
      const v = await findVersion(deps.db, orgId, checklistId, version);
      if (!v) throw new AppError('pc.checklist_version_not_found');
      return { c, v };
    };

    app.get(
      `${BASE}/checklists`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'Checklists and comprehensive programmes with their versions',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Checklist) }) }),
        },
      },
      async (req) => {
        const [list, versions] = await Promise.all([listChecklists(deps.db, req.params.orgId), listVersions(deps.db, req.params.orgId)]);
        return { items: list.map((c) => summary(c, versions)) };
      },
    );

    app.post(
      `${BASE}/checklists`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Create a checklist or a comprehensive programme as draft version 1',
          params: OrgParams,
          body: Type.Object(
            { title: Title, purpose: Purpose, questions: Type.Array(QuestionIn, { maxItems: 1000 }) },
            { additionalProperties: false },
          ),
          response: responses({ 201: Version }),
        },
      },
      async (req, reply) => {
        const { checklist, version } = await createChecklist(deps, actorOf(req), req.params.orgId, req.body);
        return reply.status(201).send(versionView(checklist, version));
      },
    );

    app.get(
      `${BASE}/checklists/:checklistId`,
      {
        config: { authz: readers },
        schema: { tags, summary: 'One checklist with its versions', params: ChecklistParams, response: responses({ 200: Checklist }) },
      },
      async (req) => {
        const c = await findChecklist(deps.db, req.params.orgId, req.params.checklistId);
        if (!c) throw new AppError('pc.checklist_not_found');
        return summary(c, await listVersions(deps.db, req.params.orgId, c.id));
      },
    );

    app.post(
      `${BASE}/checklists/:checklistId/versions`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Start a new draft version (version + 1) copying the latest published one',
          params: ChecklistParams,
          response: responses({ 201: Version }),
        },
      },
      async (req, reply) => {
        const { checklist, version } = await startRevision(deps, actorOf(req), req.params.orgId, req.params.checklistId);
        return reply.status(201).send(versionView(checklist, version));
      },
    );

    app.get(
      `${BASE}/checklists/:checklistId/versions/:version`,
      {
        config: { authz: readers },
        schema: { tags, summary: 'One version with its questions', params: VersionParams, response: responses({ 200: Version }) },
      },
      async (req) => {
        const { c, v } = await load(req.params.orgId, req.params.checklistId, req.params.version);
        return versionView(c, v);
      },
    );

    app.put(
      `${BASE}/checklists/:checklistId/versions/:version`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Save a draft’s questions (a published version is refused: it never changes)',
          params: VersionParams,
          body: Type.Object(
            { title: Type.Optional(Title), questions: Type.Array(QuestionIn, { maxItems: 1000 }) },
            { additionalProperties: false },
          ),
          response: responses({ 200: Version }),
        },
      },
      async (req) => {
        const { checklist, version } = await saveDraft(
          deps,
          actorOf(req),
          req.params.orgId,
          req.params.checklistId,
          req.params.version,
          req.body,
        );
        return versionView(checklist, version);
      },
    );

    app.post(
      `${BASE}/checklists/:checklistId/versions/:version/publish`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Publish a draft; a comprehensive programme is approved so only by the first head (R315-11)',
          params: VersionParams,
          response: responses({ 200: Version }),
        },
      },
      async (req) => {
        const p = req.principal;
        const isFirstHead = p?.kind === 'session' && !!p.roles.get(req.params.orgId)?.has('head');
        const { checklist, version } = await publishVersion(
          deps,
          actorOf(req),
          req.params.orgId,
          req.params.checklistId,
          req.params.version,
          isFirstHead,
        );
        return versionView(checklist, version);
      },
    );

    app.get(
      `${BASE}/checklists/:checklistId/versions/:version/export`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'Export a version as JSON or XLSX (columns id, text, act, point, severity)',
          params: VersionParams,
          querystring: Type.Object({ format: literalUnion(['json', 'xlsx'] as const) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const { c, v } = await load(req.params.orgId, req.params.checklistId, req.params.version);
        const doc: ChecklistDocument = {
          format: 'baqylau.checklist',
          title: c.title,
          purpose: c.purpose,
          version: v.version,
          status: v.status,
          questions: v.questions,
        };
        const name = `checklist-v${v.version}`;
        if (req.query.format === 'json')
          return reply
            .type('application/json')
            .header('content-disposition', `attachment; filename="${name}.json"`)
            .send(JSON.stringify(doc, null, 2));
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await writeXlsx(doc));
      },
    );

    app.post(
      `${BASE}/checklists/import`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary:
            'Import a checklist from JSON (an export) or XLSX, as a new checklist or into one’s draft (into); rows are checked as in the editor',
          params: OrgParams,
          querystring: Type.Object(
            { title: Type.Optional(Title), purpose: Type.Optional(Purpose), into: Type.Optional(Uuid) },
            { additionalProperties: false },
          ),
          response: responses({ 201: Version, 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const ct = req.headers['content-type']?.split(';')[0]?.trim();
        if (ct !== 'application/json' && ct !== XLSX) throw new AppError('pc.checklist_import_unreadable', { format: ct ?? '—' });
        const read = ct === XLSX ? await readXlsx(req.body as Buffer) : readJson(req.body);
        checkQuestions(read.questions); // a bad file changes nothing, not even by starting a revision
        const actor = actorOf(req);
        const { orgId } = req.params;
        if (req.query.into) {
          const latest = (await listVersions(deps.db, orgId, req.query.into))[0];
          if (!latest) throw new AppError('pc.checklist_not_found');
          const draft = latest.status === 'draft' ? latest : (await startRevision(deps, actor, orgId, req.query.into)).version;
          const saved = await saveDraft(deps, actor, orgId, req.query.into, draft.version, {
            title: req.query.title,
            questions: read.questions,
          });
          return reply.status(201).send(versionView(saved.checklist, saved.version));
        }
        const title = req.query.title ?? read.title?.trim();
        if (!title) throw new AppError('pc.checklist_title_required');
        const purpose = req.query.purpose ?? read.purpose ?? 'inspection';
        const made = await createChecklist(
          deps,
          actor,
          orgId,
          { title, purpose, questions: read.questions },
          ct === XLSX ? 'xlsx' : 'json',
        );
        return reply.status(201).send(versionView(made.checklist, made.version));
      },
    );
  };
}
