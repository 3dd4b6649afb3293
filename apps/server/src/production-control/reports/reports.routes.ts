import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Locale } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatMonth } from '../../platform/format.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { rule } from '../../platform/http/authz.ts';
import { Locale as LocaleSchema, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { pdfDisposition } from '../instructions/instructions-http.ts';
import { BASE, firstHead } from '../pc-http.ts';
import { approveMonthlyReport, monthlyFigures, presentMonthlyReport } from './monthlyReport.ts';
import { listMonthlyReports, type MonthlyReportRow } from './reports.repository.ts';
import { Figures, MonthParams, Trends, Version } from './reports.schemas.ts';
import { productionControlTrends } from './trends.ts';

const tags = ['production-control'];
/** R315-18, R315-24: the report is the head's; the service prepares it; the auditor reads it. Unit heads and performers do not see the organisation's figures. */
const reportReaders = rule.org(['head', 'pc_service_head', 'pc_official', 'auditor']);
/** Point 18: the production-control official presents it to the head. */
const presenters = rule.org(['pc_service_head', 'pc_official']);

/** R315-18: the monthly report — live figures, presented versions, the head's approval, PDF in kk and ru. */
export function reportRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const shaped = async (rows: MonthlyReportRow[]) => {
      const names = await namesOf(
        deps.db,
        rows.flatMap((r) => [r.presentedBy, r.approval?.approvedBy]).filter((x): x is string => !!x),
      );
      const person = (id: string) => ({ id, fullName: names.get(id) ?? '' });
      return rows.map((r) => ({
        id: r.id,
        month: r.month,
        version: r.version,
        figuresSha256: r.figuresSha256,
        presentedBy: person(r.presentedBy),
        presentedAt: r.presentedAt,
        approval: r.approval ? { approvedBy: person(r.approval.approvedBy), approvedAt: r.approval.approvedAt } : null,
      }));
    };

    app.get(
      `${BASE}/reports/monthly/:month`,
      {
        config: { authz: reportReaders },
        schema: {
          tags,
          summary:
            'The month’s figures as they stand now (as at its end, or now while it runs), and the versions presented to the head (R315-18)',
          params: MonthParams,
          response: responses({ 200: Type.Object({ figures: Figures, versions: Type.Array(Version) }) }),
        },
      },
      async (req) => {
        const { orgId, month } = req.params;
        const figures = await monthlyFigures(deps, deps.db, orgId, month);
        const versions = (await listMonthlyReports(deps.db, orgId)).filter((r) => r.month === month);
        return { figures, versions: await shaped(versions) };
      },
    );

    app.get(
      `${BASE}/reports/trends`,
      {
        config: { authz: reportReaders },
        schema: {
          tags,
          summary:
            'The head’s charts: violations by unit and month, measures closed by their deadline per month, overdue measures by age (R315-18)',
          params: OrgParams,
          response: responses({ 200: Trends }),
        },
      },
      async (req) => productionControlTrends(deps, req.params.orgId),
    );

    app.get(
      `${BASE}/reports/monthly`,
      {
        config: { authz: reportReaders },
        schema: {
          tags,
          summary: 'Every presented version of every month, newest first (R315-18)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Version) }) }),
        },
      },
      async (req) => ({ items: await shaped(await listMonthlyReports(deps.db, req.params.orgId)) }),
    );

    app.post(
      `${BASE}/reports/monthly/:month/presentation`,
      {
        config: { authz: presenters },
        schema: {
          tags,
          summary: 'Present the month’s report to the head once the month is over: its figures are frozen as a new version (R315-18)',
          params: MonthParams,
          response: responses({ 201: Version }),
        },
      },
      async (req, reply) => {
        const row = await presentMonthlyReport(deps, actorOf(req), req.params.orgId, req.params.month);
        reply.code(201);
        return (await shaped([{ ...row, approval: null }]))[0]!;
      },
    );

    app.post(
      `${BASE}/reports/monthly/versions/:reportId/approval`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The head approves the latest presented version of a month’s report (R315-18)',
          params: Type.Object({ orgId: Uuid, reportId: Uuid }),
          response: responses({ 200: Version }),
        },
      },
      async (req) => (await shaped([await approveMonthlyReport(deps, actorOf(req), req.params.orgId, req.params.reportId)]))[0]!,
    );

    app.get(
      `${BASE}/reports/monthly/:month/report.pdf`,
      {
        config: { authz: reportReaders },
        schema: {
          tags,
          summary: 'The month’s report as PDF (kk or ru): a presented version, or the live figures marked as a draft (R315-18)',
          params: MonthParams,
          querystring: Type.Object(
            { lang: Type.Optional(LocaleSchema), version: Type.Optional(Type.Integer({ minimum: 1 })) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => {
        const { orgId, month } = req.params;
        const lang: Locale = req.query.lang ?? req.locale;
        const versions = (await listMonthlyReports(deps.db, orgId)).filter((r) => r.month === month);
        const chosen = req.query.version ? versions.find((v) => v.version === req.query.version) : versions[0];
        if (req.query.version && !chosen) throw new AppError('pc.report_not_found');
        const figures = chosen ? chosen.figures : await monthlyFigures(deps, deps.db, orgId, month);
        const [v] = chosen ? await shaped([chosen]) : [];
        const org = await findOrganisation(deps.db, orgId);
        const t = deps.translator.forLocale(lang);
        const { renderMonthlyReport } = await import('./monthly-report.pdf.ts');
        const pdf = await renderMonthlyReport(
          {
            organisation: (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '',
            figures,
            period: formatMonth(month, lang),
            version: v?.version ?? null,
            presentedOn: v ? formatDate(v.presentedAt) : null,
            presentedBy: v?.presentedBy.fullName ?? '',
            approvedOn: v?.approval ? formatDate(v.approval.approvedAt) : null,
            approvedBy: v?.approval?.approvedBy.fullName ?? null,
          },
          t,
        );
        return reply
          .type('application/pdf')
          .header('content-disposition', pdfDisposition('monthly-report', v ? `${month}-v${v.version}` : month, lang))
          .send(pdf);
      },
    );
  };
}
