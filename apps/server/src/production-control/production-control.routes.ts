import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';

/** Every route of Order 315, as one plugin (each feature folder adds its own plugin here). */
export function productionControlRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    void deps;
    void app;
  };
}
