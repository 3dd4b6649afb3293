import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Locale } from '@baqylau/contracts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/format.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { rule } from '../../platform/http/authz.ts';
import { Locale as LocaleSchema, OrgParams, responses } from '../../platform/http/schemas.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { pdfDisposition } from '../instructions/instructions-http.ts';
import { BASE, firstHead, organisers } from '../pc-http.ts';
import { analysesOf, type AnnualAnalysisRow } from './analysis.repository.ts';
import {
  AnalysisParams,
  AnalysisVersion,
  AnnualFigures,
  Indicator,
  IndicatorBody,
  NoticeFromAnalysisBody,
  PresentBody,
  YearParams,
} from './analysis.schemas.ts';
import { annualFigures, approveAnnualAnalysis, presentAnnualAnalysis, publishViolationsNotice } from './annualAnalysis.ts';
import { definitionHistory, definitionsInForce } from './indicators.repository.ts';
import { defineIndicator } from './indicators.usecases.ts';

const tags = ['production-control'];
/** R315-20, R315-24: the analysis is the head's; the service prepares it; the auditor reads it. */
const analysisReaders = rule.org(['head', 'pc_service_head', 'pc_official', 'auditor']);
/** The service presents it and tells staff of the violations and causes. */
const presenters = rule.org(['pc_service_head', 'pc_official']);

/** R315-20: efficiency indicators as data, the annual analysis (versions, the head's approval, PDF), the point-20 notice. */
export function analysisRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const shaped = async (rows: AnnualAnalysisRow[]) => {
      const names = await namesOf(
        deps.db,
        rows.flatMap((r) => [r.presentedBy, r.approval?.approvedBy]),
      );
      const person = (id: string) => ({ id, fullName: names.get(id) ?? '' });
      return rows.map((r) => ({
        id: r.id,
        year: r.year,
        version: r.version,
        sha256: r.sha256,
        directions: r.directions,
        presentedBy: person(r.presentedBy),
        presentedAt: r.presentedAt,
        approval: r.approval ? { approvedBy: person(r.approval.approvedBy), approvedAt: r.approval.approvedAt } : null,
      }));
    };

    app.get(
      `${BASE}/analysis/indicators`,
      {
        config: { authz: analysisReaders },
        schema: {
          tags,
          summary: 'The efficiency indicators in force (defaults or the latest version) and every stored version (R315-20)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Indicator), history: Type.Array(Indicator) }) }),
        },
      },
      async (req) => ({
        items: await definitionsInForce(deps.db, req.params.orgId),
        history: (await definitionHistory(deps.db, req.params.orgId)) as never,
      }),
    );

    app.post(
      `${BASE}/analysis/indicators`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Edit or add an efficiency indicator: a new version (names, computation, target, direction, in use) (R315-20)',
          params: OrgParams,
          body: IndicatorBody,
          response: responses({ 201: Indicator }),
        },
      },
      async (req, reply) => {
        reply.code(201);
        return defineIndicator(deps, actorOf(req), req.params.orgId, req.body);
      },
    );

    app.get(
      `${BASE}/analysis/:year`,
      {
        config: { authz: analysisReaders },
        schema: {
          tags,
          summary:
            'The year’s indicators per official and for the organisation, inspection results per place, and the presented versions (R315-20)',
          params: YearParams,
          response: responses({ 200: Type.Object({ figures: AnnualFigures, versions: Type.Array(AnalysisVersion) }) }),
        },
      },
      async (req) => {
        const { orgId, year } = req.params;
        const figures = await annualFigures(deps, deps.db, orgId, year);
        return { figures, versions: await shaped(await analysesOf(deps.db, orgId, year)) };
      },
    );

    app.post(
      `${BASE}/analysis/:year/presentation`,
      {
        config: { authz: presenters },
        schema: {
          tags,
          summary: 'Present the year’s analysis with the directions for improvement to the head: frozen as a new version (R315-20)',
          params: YearParams,
          body: PresentBody,
          response: responses({ 201: AnalysisVersion }),
        },
      },
      async (req, reply) => {
        const row = await presentAnnualAnalysis(deps, actorOf(req), req.params.orgId, req.params.year, req.body.directions);
        reply.code(201);
        return (await shaped([row]))[0]!;
      },
    );

    app.post(
      `${BASE}/analysis/versions/:analysisId/approval`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The head approves the latest presented version of the year’s analysis (R315-20)',
          params: AnalysisParams,
          response: responses({ 200: AnalysisVersion }),
        },
      },
      async (req) => (await shaped([await approveAnnualAnalysis(deps, actorOf(req), req.params.orgId, req.params.analysisId)]))[0]!,
    );

    app.post(
      `${BASE}/analysis/versions/:analysisId/notice`,
      {
        config: { authz: presenters },
        schema: {
          tags,
          summary:
            'From the approved analysis, publish the notice to staff of the violations found and their causes, in one step (R315-20)',
          params: AnalysisParams,
          body: NoticeFromAnalysisBody,
          response: responses({ 201: Type.Object({ noticeId: Type.String(), addressees: Type.Integer() }) }),
        },
      },
      async (req, reply) => {
        const n = await publishViolationsNotice(deps, actorOf(req), req.params.orgId, req.params.analysisId, {
          causes: req.body.causes,
          addressees: req.body.addressees,
          language: req.body.language ?? req.locale,
          acknowledgeWithinDays: req.body.acknowledgeWithinDays ?? 3,
        });
        reply.code(201);
        return { noticeId: n.id, addressees: n.people.length };
      },
    );

    app.get(
      `${BASE}/analysis/:year/analysis.pdf`,
      {
        config: { authz: analysisReaders },
        schema: {
          tags,
          summary: 'The year’s analysis as PDF (kk or ru): a presented version, or the live figures marked as a draft (R315-20)',
          params: YearParams,
          querystring: Type.Object(
            { lang: Type.Optional(LocaleSchema), version: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => {
        const { orgId, year } = req.params;
        const lang: Locale = req.query.lang ?? req.locale;
        const versions = await analysesOf(deps.db, orgId, year);
        const chosen = req.query.version ? versions.find((v) => v.version === req.query.version) : versions[0];
        if (req.query.version && !chosen) throw new AppError('pc.analysis_not_found');
        const figures = chosen ? chosen.figures : await annualFigures(deps, deps.db, orgId, year);
        const [v] = chosen ? await shaped([chosen]) : [];
        const org = await findOrganisation(deps.db, orgId);
        const { renderAnnualAnalysis } = await import('./annual-analysis.pdf.ts');
        const pdf = await renderAnnualAnalysis(
          {
            organisation: (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '',
            lang,
            figures,
            directions: chosen?.directions ?? [],
            version: v?.version ?? null,
            presentedOn: v ? formatDate(v.presentedAt) : null,
            presentedBy: v?.presentedBy.fullName ?? '',
            approvedOn: v?.approval ? formatDate(v.approval.approvedAt) : null,
            approvedBy: v?.approval?.approvedBy.fullName ?? null,
          },
          deps.translator.forLocale(lang),
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', pdfDisposition('annual-analysis', v ? `${year}-v${v.version}` : String(year), lang))
          .send(pdf);
      },
    );
  };
}
