import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { accessRequestRoutes } from './access-requests/access-requests.routes.ts';
import { cameraRoutes } from './cameras/cameras.routes.ts';
import { complianceRoutes } from './compliance/compliance.routes.ts';
import { consentRoutes } from './consents/consents.routes.ts';
import { disclosurePackageRoutes } from './disclosure-packages/disclosure-packages.routes.ts';
import { premisesRoutes } from './premises/premises.routes.ts';
import { recordRefusedEvidenceRequests } from '../kernel/audit/evidence-refusals.hook.ts';

/** Every route of DSM-335, as one plugin. */
export function medicalCctvRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    // A refused request for an applicant's clip or a disclosure package is recorded for the head (routes marked `config.evidence`).
    recordRefusedEvidenceRequests(app, deps);
    await app.register(premisesRoutes(deps));
    await app.register(cameraRoutes(deps));
    await app.register(consentRoutes(deps));
    await app.register(complianceRoutes(deps));
    await app.register(accessRequestRoutes(deps));
    await app.register(disclosurePackageRoutes(deps));
  };
}
