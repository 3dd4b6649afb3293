import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { inspectionRoutes } from './inspections/inspections.routes.ts';
import { journalRoutes } from './journal/journal.routes.ts';
import { proposalRoutes } from './violations/proposals.routes.ts';
import { violationRoutes } from './violations/violations.routes.ts';

/** Every route of Order 315, as one plugin (each feature folder adds its own plugin here). */
export function productionControlRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(inspectionRoutes(deps));
    await app.register(violationRoutes(deps));
    await app.register(proposalRoutes(deps));
    await app.register(journalRoutes(deps));
  };
}
