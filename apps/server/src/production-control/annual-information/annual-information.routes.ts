import { Type } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { documentRoutes } from '../documents/documents.routes.ts';
import { annualInformationSpec } from './annualInformation.ts';

/**
 * R315-26: the service's head organises the annual information, the service (head and officials)
 * prepares and presents it, the first head approves it; the auditor reads it.
 */
export const annualInformationRoutes = (deps: AppDeps) =>
  documentRoutes(deps, {
    spec: annualInformationSpec,
    slug: 'annual-information',
    periodParam: { name: 'year', schema: Type.String({ maxLength: 10 }) },
    readers: rule.org(['head', 'pc_service_head', 'pc_official', 'auditor']),
    presenters: rule.org(['pc_service_head', 'pc_official']),
    ids: 'R315-26',
    render: async (content, meta, t) => (await import('./annual-information.pdf.ts')).renderAnnualInformation(content, meta, t),
  });
