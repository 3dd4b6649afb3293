import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, Locale, Uuid, responses } from '../../platform/http/schemas.ts';
import { dateInZone } from '../../platform/time.ts';
import { BASE, firstHead, readers } from '../pc-http.ts';
import { closeInstruction } from './closure.usecases.ts';
import { renderOrderPdf } from './documents.ts';
import { instructionView } from './instruction-view.ts';
import { InstructionParams, closers, pdfDisposition } from './instructions-http.ts';
import { Instruction, Order } from './instructions.schemas.ts';
import { cancelInstruction, signPerformersOrder } from './orders.usecases.ts';

const OrderHead = { number: Type.String({ minLength: 1, maxLength: 50 }), orderDate: IsoDate };
const orderView = (o: { id: string; kind: string; number: string; orderDate: string; instructionId: string | null }) => ({
  id: o.id,
  kind: o.kind,
  number: o.number,
  orderDate: o.orderDate,
  instructionId: o.instructionId,
});

/** R315-17 the performers order, R315-4 cancellation by order, R315-27 closure on request; orders as PDF. */
export function instructionOrderRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const one = `${BASE}/instructions/:instructionId`;
    const shaped = async (i: Parameters<typeof instructionView>[1]) => instructionView(deps.db, i, dateInZone(deps.now()));

    app.post(
      `${one}/performers-order`,
      {
        config: { authz: firstHead },
        schema: {
          tags: ['production-control'],
          summary: 'The first head names the performers outside the unit by an organisation-wide order (R315-17)',
          params: InstructionParams,
          body: Type.Object(OrderHead, { additionalProperties: false }),
          response: responses({ 201: Order }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(orderView(await signPerformersOrder(deps, actorOf(req), req.params.orgId, req.params.instructionId, req.body))),
    );

    app.post(
      `${one}/cancel`,
      {
        config: { authz: firstHead },
        schema: {
          tags: ['production-control'],
          summary: 'Cancel the instruction by the first head’s written order: number, date, reason (R315-4)',
          params: InstructionParams,
          body: Type.Object({ ...OrderHead, reason: Type.String({ minLength: 3, maxLength: 4000 }) }, { additionalProperties: false }),
          response: responses({ 200: Instruction }),
        },
      },
      async (req) => shaped(await cancelInstruction(deps, actorOf(req), req.params.orgId, req.params.instructionId, req.body)),
    );

    app.post(
      `${one}/close`,
      {
        config: { authz: closers },
        schema: {
          tags: ['production-control'],
          summary: 'Close the instruction: refused while any item is not verified eliminated (R315-27)',
          params: InstructionParams,
          body: Type.Object({}, { additionalProperties: false }),
          response: responses({ 200: Instruction }),
        },
      },
      async (req) => shaped(await closeInstruction(deps, actorOf(req), req.params.orgId, req.params.instructionId)),
    );

    app.get(
      `${BASE}/orders/:orderId/order.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags: ['production-control'],
          summary: 'A performers or cancellation order as PDF (kk or ru)',
          params: Type.Object({ orgId: Uuid, orderId: Uuid }),
          querystring: Type.Object({ lang: Type.Optional(Locale) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? req.locale;
        const { pdf, number } = await renderOrderPdf(deps, req.params.orgId, req.params.orderId, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', pdfDisposition('order', number, lang))
          .send(pdf);
      },
    );
  };
}
