import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { INSTRUCTION_STATUSES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, Locale, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { dateInZone } from '../../platform/time.ts';
import { BASE, readers } from '../pc-http.ts';
import { renderActPdf, renderInstructionPdf } from './documents.ts';
import { instructionList } from './instruction-list.ts';
import { instructionView } from './instruction-view.ts';
import { InstructionParams, officials, pdfDisposition } from './instructions-http.ts';
import { findInstruction } from './instructions.repository.ts';
import { Act, Instruction, InstructionSummary } from './instructions.schemas.ts';
import { issueActAndInstruction } from './issueInstruction.ts';

const NewItem = Type.Object(
  {
    violationId: Uuid,
    measure: Type.String({ minLength: 3, maxLength: 2000 }),
    performerId: Uuid,
    deadline: IsoDate,
    performerOutsideUnit: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const Lang = Type.Object({ lang: Type.Optional(Locale) }, { additionalProperties: false });

/** R315-15, R315-16: the act and the instruction after an inspection; the list and one instruction; their PDFs. */
export function instructionRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const today = () => dateInZone(deps.now());
    const view = async (orgId: string, id: string) => {
      const i = await findInstruction(deps.db, orgId, id);
      if (!i) throw new AppError('pc.instruction_not_found');
      return instructionView(deps.db, i, today());
    };

    app.post(
      `${BASE}/inspections/:inspectionId/act`,
      {
        config: { authz: officials },
        schema: {
          tags: ['production-control'],
          summary: 'Issue the act to the unit head and, for violations not eliminated on the spot, the instruction (R315-15, R315-16)',
          params: Type.Object({ orgId: Uuid, inspectionId: Uuid }),
          body: Type.Object(
            { issuedOn: IsoDate, unitId: Type.Optional(Uuid), items: Type.Array(NewItem, { maxItems: 500 }) },
            { additionalProperties: false },
          ),
          response: responses({ 201: Type.Object({ act: Act, instruction: Type.Union([Instruction, Type.Null()]) }) }),
        },
      },
      async (req, reply) => {
        const r = await issueActAndInstruction(deps, actorOf(req), req.params.orgId, req.params.inspectionId, req.body);
        const instruction = r.instruction ? await view(req.params.orgId, r.instruction.id) : null;
        return reply.status(201).send({ act: r.act, instruction });
      },
    );

    app.get(
      `${BASE}/instructions`,
      {
        config: { authz: readers },
        schema: {
          tags: ['production-control'],
          summary: 'Instructions, newest first (filters: status, unit, overdue)',
          params: OrgParams,
          querystring: Type.Object(
            {
              status: Type.Optional(literalUnion(INSTRUCTION_STATUSES)),
              unitId: Type.Optional(Uuid),
              overdue: Type.Optional(literalUnion(['true', 'false'])),
            },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ items: Type.Array(InstructionSummary) }) }),
        },
      },
      async (req) => {
        const { status, unitId, overdue } = req.query;
        return {
          items: await instructionList(
            deps.db,
            req.params.orgId,
            { status, unitId, overdue: overdue === undefined ? undefined : overdue === 'true' },
            today(),
          ),
        };
      },
    );

    app.get(
      `${BASE}/instructions/:instructionId`,
      {
        config: { authz: readers },
        schema: {
          tags: ['production-control'],
          summary: 'One instruction with its items, agreements, evidence and history',
          params: InstructionParams,
          response: responses({ 200: Instruction }),
        },
      },
      async (req) => view(req.params.orgId, req.params.instructionId),
    );

    app.get(
      `${BASE}/instructions/:instructionId/instruction.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags: ['production-control'],
          summary: 'The instruction as PDF (kk or ru)',
          params: InstructionParams,
          querystring: Lang,
        },
      },
      async (req, reply) => {
        const v = await view(req.params.orgId, req.params.instructionId);
        const lang = req.query.lang ?? req.locale;
        const pdf = await renderInstructionPdf(deps, req.params.orgId, v, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', pdfDisposition('instruction', v.number, lang))
          .send(pdf);
      },
    );

    app.get(
      `${BASE}/acts/:actId/act.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags: ['production-control'],
          summary: 'The act of an inspection as PDF (kk or ru)',
          params: Type.Object({ orgId: Uuid, actId: Uuid }),
          querystring: Lang,
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? req.locale;
        const { pdf, number } = await renderActPdf(deps, req.params.orgId, req.params.actId, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', pdfDisposition('act', number, lang))
          .send(pdf);
      },
    );
  };
}
