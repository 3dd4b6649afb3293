import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Locale, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { buildJournalPrintModel, type JournalPrintModel } from './journal.print-model.ts';

const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const FORMATS = {
  // Renderers load on first use: pdfkit and exceljs are ~50 MB a server that never prints need not hold.
  'print.pdf': { type: 'application/pdf', render: async (m: JournalPrintModel) => (await import('./journal.pdf.ts')).renderJournalPdf(m) },
  'export.xlsx': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: async (m: JournalPrintModel) => (await import('./journal.xlsx.ts')).renderJournalXlsx(m),
  },
} as const;

export function journalPrintRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const [file, format] of Object.entries(FORMATS)) {
      app.get(
        `/api/v1/organisations/:orgId/journals/:journalId/${file}`,
        {
          config: { authz: rule.org(['head', 'responsible', 'auditor']), evidence: 'journal' },
          schema: {
            tags: ['journal'],
            summary: `The journal in the official form of Appendix 1 (${file}; kk, ru or en) (R444-A1)`,
            params: Type.Object({ orgId: Uuid, journalId: Uuid }),
            querystring: Type.Object({ lang: Type.Optional(Locale) }),
            response: responses({ 200: Binary }),
          },
        },
        async (req, reply) => {
          const lang = req.query.lang ?? req.locale;
          const model = await buildJournalPrintModel(deps, req.params.orgId, req.params.journalId, lang);
          const body = await format.render(model);
          await appendLedgerEntry(
            deps.db,
            {
              organisationId: req.params.orgId,
              actor: actorOf(req),
              action: 'journal.exported',
              subjectType: 'journal',
              subjectId: req.params.journalId,
              payload: { file, lang, rows: model.rows.length },
            },
            deps.now(),
          );
          const name = `journal-${req.params.journalId.slice(0, 8)}-${lang}.${file.split('.')[1]}`;
          return reply.type(format.type).header('content-disposition', `attachment; filename="${name}"`).send(body);
        },
      );
    }

    app.get(
      '/api/v1/organisations/:orgId/badge.pdf',
      {
        config: { authz: rule.org(['head', 'responsible', 'inspector', 'auditor']) },
        schema: {
          tags: ['journal'],
          summary: 'Printable badge "Attention! Audio and video recording in progress" (R444-16)',
          params: OrgParams,
          response: responses({ 200: Binary }),
        },
      },
      async (req, reply) =>
        reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="badge.pdf"')
          .send(
            await (
              await import('../recorders/badge.pdf.ts')
            ).renderBadgeSheet(deps.translator.forLocale(req.locale)('common:pdf.badge.title')),
          ),
    );
  };
}
