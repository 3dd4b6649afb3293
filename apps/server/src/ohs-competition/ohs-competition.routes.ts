import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import { applicationRoutes } from './applications/applications.routes.ts';
import { documentRoutes } from './applications/documents.routes.ts';
import { judgingRoutes } from './judging/judging.routes.ts';
import { stageOneRoutes } from './judging/stage-one.routes.ts';
import { memberOrganisationRoutes } from './member-organisations/member-organisations.routes.ts';
import { peopleRoutes } from './member-organisations/people.routes.ts';
import { publicRoutes } from './results/public.routes.ts';
import { resultRoutes } from './results/results.routes.ts';
import { yearRoutes } from './years/years.routes.ts';

/** Every route of the union competition, as one plugin. */
export function ohsCompetitionRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(memberOrganisationRoutes(deps));
    await app.register(peopleRoutes(deps));
    await app.register(yearRoutes(deps));
    await app.register(applicationRoutes(deps));
    await app.register(documentRoutes(deps));
    await app.register(judgingRoutes(deps));
    await app.register(stageOneRoutes(deps));
    await app.register(resultRoutes(deps));
    await app.register(publicRoutes(deps));
  };
}
