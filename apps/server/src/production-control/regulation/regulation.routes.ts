import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { documentRoutes } from '../documents/documents.routes.ts';
import { PC_READERS } from '../pc-http.ts';
import { regulationSpec } from './regulation.ts';

/**
 * R315-6: the regulation is read by everyone who works under it (unit heads too); the service drafts
 * and presents it; the first head approves it.
 */
export const regulationRoutes = (deps: AppDeps) =>
  documentRoutes(deps, {
    spec: regulationSpec,
    slug: 'regulation',
    readers: rule.org(PC_READERS),
    presenters: rule.org(['pc_service_head', 'pc_official']),
    ids: 'R315-6',
    render: async (content, meta, t) => (await import('./regulation.pdf.ts')).renderRegulation(content, meta, t),
  });
