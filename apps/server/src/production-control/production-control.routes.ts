import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { checklistsRoutes } from './checklists/checklists.routes.ts';
import { formsRoutes } from './forms/forms.routes.ts';
import { facilitiesRoutes } from './facilities/facilities.routes.ts';
import { officialsRoutes } from './officials/officials.routes.ts';
import { scheduleRoutes } from './schedule/schedule.routes.ts';

/** Every route of Order 315, as one plugin (each feature folder adds its own plugin here). */
export function productionControlRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // Setup: facilities and units, officials, checklists, the schedule, printed forms.
    await app.register(facilitiesRoutes(deps));
    await app.register(officialsRoutes(deps));
    await app.register(checklistsRoutes(deps));
    await app.register(scheduleRoutes(deps));
    await app.register(formsRoutes(deps));
  };
}
