import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EDUCATION_ORGANISATION_TYPES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { applicationVisibility, visibleApplication } from '../competition-access.ts';
import { ApplicationParams, BASE, YearParams, preparers, readers, viewerOf } from '../competition-http.ts';
import { yearOrThrow } from '../years/years.usecases.ts';
import { findApplication, listApplications, type ApplicationRow } from './applications.repository.ts';
import { ApplicationDetail, ApplicationSummary, DraftBody } from './applications.schemas.ts';
import { createApplication, recordFatalAccident, updateDraft } from './applications.usecases.ts';
import { applicationDetail, applicationSummary } from './applicationView.ts';
import { submitApplication } from './submitApplication.ts';

/** RC-16: applications to stage II — drafts, submission with a receipt; RC-8 exclusion; RC-18 evidence flags. */
export function applicationRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const detail = async (orgId: string, a: ApplicationRow) => applicationDetail(deps, await yearOrThrow(deps, orgId, a.yearId), a);

    app.get(
      `${BASE}/years/:yearId/applications`,
      {
        config: { authz: readers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'The year’s applications the caller may see: all (organisers), their member organisation’s (coordinator), those sent to stage II (commission)',
          params: YearParams,
          response: responses({ 200: Type.Object({ items: Type.Array(ApplicationSummary) }) }),
        },
      },
      async (req) => {
        const year = await yearOrThrow(deps, req.params.orgId, req.params.yearId);
        const visible = await applicationVisibility(deps.db, req.params.orgId, viewerOf(req));
        return { items: (await listApplications(deps.db, year.id)).filter(visible).map(applicationSummary) };
      },
    );

    app.post(
      `${BASE}/years/:yearId/applications`,
      {
        config: { authz: preparers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Start a candidate’s application (a draft) for a member organisation (RC-16); the group follows from the organisation type (RC-9)',
          params: YearParams,
          body: Type.Object(
            { ...DraftBody, memberOrganisationId: Uuid, educationOrganisationType: literalUnion(EDUCATION_ORGANISATION_TYPES) },
            { additionalProperties: false },
          ),
          response: responses({ 201: ApplicationDetail }),
        },
      },
      async (req, reply) => {
        const a = await createApplication(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.yearId, req.body);
        return reply.status(201).send(await detail(req.params.orgId, a));
      },
    );

    app.get(
      `${BASE}/applications/:applicationId`,
      {
        config: { authz: readers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'One application: questionnaire, characteristic, indicator table, documents, evidence flags (RC-18), the claimed score',
          params: ApplicationParams,
          response: responses({ 200: ApplicationDetail }),
        },
      },
      async (req) => {
        const a = await findApplication(deps.db, req.params.orgId, req.params.applicationId);
        return detail(req.params.orgId, await visibleApplication(deps.db, req.params.orgId, viewerOf(req), a));
      },
    );

    app.patch(
      `${BASE}/applications/:applicationId`,
      {
        config: { authz: preparers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Edit a draft: questionnaire rows, characteristic, explanatory note, indicator counts (checked against the table, RC-A1)',
          params: ApplicationParams,
          body: Type.Object(DraftBody, { additionalProperties: false }),
          response: responses({ 200: ApplicationDetail }),
        },
      },
      async (req) => {
        const a = await updateDraft(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.applicationId, req.body);
        return detail(req.params.orgId, a);
      },
    );

    app.post(
      `${BASE}/applications/:applicationId/submit`,
      {
        config: { authz: preparers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Send the application to stage II before the deadline of point 16; one per group per member organisation (RC-10); answers the receipt',
          params: ApplicationParams,
          response: responses({ 200: ApplicationDetail }),
        },
      },
      async (req) => {
        const a = await submitApplication(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.applicationId);
        return detail(req.params.orgId, a);
      },
    );

    app.post(
      `${BASE}/applications/:applicationId/fatal-accident`,
      {
        config: { authz: preparers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Record a fatal work accident in the candidate’s organisation in the reporting year: the candidate is excluded (RC-8, point 8)',
          params: ApplicationParams,
          body: Type.Object({ occurredOn: IsoDate, note: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
          response: responses({ 200: ApplicationDetail }),
        },
      },
      async (req) => {
        const a = await recordFatalAccident(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.applicationId, req.body);
        return detail(req.params.orgId, a);
      },
    );
  };
}
