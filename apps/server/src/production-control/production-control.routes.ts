import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { followUpRoutes } from './follow-up/follow-up.routes.ts';
import { instructionRoutes } from './instructions/instructions.routes.ts';
import { instructionItemRoutes } from './instructions/items.routes.ts';
import { instructionOrderRoutes } from './instructions/orders.routes.ts';

/** Every route of Order 315, as one plugin (each feature folder adds its own plugin here). */
export function productionControlRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // After the inspection: acts, instructions, orders, measures, verification (R315-4, -15, -16, -17, -27); the monthly check (R315-13).
    await app.register(instructionRoutes(deps));
    await app.register(instructionItemRoutes(deps));
    await app.register(instructionOrderRoutes(deps));
    await app.register(followUpRoutes(deps));
  };
}
