export { acceptRawUploads } from '../platform/storage/checked-upload.ts';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { OrgRole } from '@baqylau/contracts';
import { rule } from '../platform/http/authz.ts';
import { Uuid } from '../platform/http/schemas.ts';
import type { Viewer } from './competition-access.ts';

/**
 * Who does what in the competition: the head (the union's chairman, point 14) and the competition
 * secretary run it; a member organisation's coordinator prepares its candidates; commission members
 * judge; the auditor reads. Finer limits (own member organisation, own commission, recusal) are in
 * competition-access.ts and the use cases.
 */
export const ORGANISERS: OrgRole[] = ['head', 'competition_secretary'];
export const organisers = rule.org(ORGANISERS);
export const preparers = rule.org([...ORGANISERS, 'member_coordinator']);
export const readers = rule.org([...ORGANISERS, 'member_coordinator', 'commission_member', 'auditor']);
export const judges = rule.org(['commission_member']);
/** What the commission works on before publication (reviews, ranking, protocol): not the member organisations' to read. */
export const judgingReaders = rule.org([...ORGANISERS, 'commission_member', 'auditor']);

export const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const YearParams = Type.Object({ orgId: Uuid, yearId: Uuid });
export const ApplicationParams = Type.Object({ orgId: Uuid, applicationId: Uuid });
export const DocumentParams = Type.Object({ orgId: Uuid, applicationId: Uuid, documentId: Uuid });
export const BASE = '/api/v1/organisations/:orgId/competition';

/** The caller's roles in the union, for the use cases' finer limits. */
export function viewerOf(req: FastifyRequest & { params: { orgId: string } }): Viewer {
  const p = req.principal;
  if (p?.kind !== 'session') throw new Error('viewerOf on a request without a session');
  return { userId: p.userId, roles: p.roles.get(req.params.orgId) ?? new Set() };
}
