import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { activityRoutes } from './activities/activities.routes.ts';
import { materialRoutes } from './activities/materials.routes.ts';
import { recorderRoutes } from './recorders/recorders.routes.ts';
import { journalRoutes } from './journal/journal.routes.ts';
import { journalPrintRoutes } from './journal/journal.print.routes.ts';
import { dockRoutes } from './recordings/dock.routes.ts';
import { continuityRoutes } from './continuity/continuity.routes.ts';
import { recordingRoutes } from './recordings/recordings.routes.ts';
import { packageRoutes } from './packages/packages.routes.ts';
import { retentionRoutes } from './retention/retention.routes.ts';
import { recordRefusedEvidenceRequests } from '../kernel/audit/evidence-refusals.hook.ts';
import { EVIDENCE_OWNERS } from './evidence-owners.ts';

/** Every route of Order 444, as one plugin. */
export function videoEvidenceRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // R444-13/R444-21: a refused request on any route marked `config.evidence` below is recorded for the head.
    recordRefusedEvidenceRequests(app, deps, EVIDENCE_OWNERS);
    await app.register(activityRoutes(deps));
    await app.register(recorderRoutes(deps));
    await app.register(journalRoutes(deps));
    await app.register(journalPrintRoutes(deps));
    await app.register(dockRoutes(deps));
    await app.register(continuityRoutes(deps));
    await app.register(recordingRoutes(deps));
    await app.register(materialRoutes(deps));
    await app.register(packageRoutes(deps));
    await app.register(retentionRoutes(deps));
  };
}
