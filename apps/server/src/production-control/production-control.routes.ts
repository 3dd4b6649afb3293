import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { checklistsRoutes } from './checklists/checklists.routes.ts';
import { formsRoutes } from './forms/forms.routes.ts';
import { facilitiesRoutes } from './facilities/facilities.routes.ts';
import { officialsRoutes } from './officials/officials.routes.ts';
import { scheduleRoutes } from './schedule/schedule.routes.ts';
import { inspectionRoutes } from './inspections/inspections.routes.ts';
import { journalRoutes } from './journal/journal.routes.ts';
import { proposalRoutes } from './violations/proposals.routes.ts';
import { violationRoutes } from './violations/violations.routes.ts';

/** Every route of Order 315, as one plugin (each feature folder adds its own plugin here). */
export function productionControlRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // Setup: facilities and units, officials, checklists, the schedule, printed forms.
    await app.register(facilitiesRoutes(deps));
    await app.register(officialsRoutes(deps));
    await app.register(checklistsRoutes(deps));
    await app.register(scheduleRoutes(deps));
    await app.register(formsRoutes(deps));
    await app.register(inspectionRoutes(deps));
    await app.register(violationRoutes(deps));
    await app.register(proposalRoutes(deps));
    await app.register(journalRoutes(deps));
  };
}
