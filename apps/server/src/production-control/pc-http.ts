import { Type } from '@fastify/type-provider-typebox';
import type { OrgRole } from '@baqylau/contracts';
import { rule } from '../platform/http/authz.ts';

/**
 * Who does what under Order 315. The first head (kernel `head`) approves, decides proposals, settles
 * deadlines and cancels instructions by order; the production-control service keeps the records and
 * inspects (an inspection also needs an appointment in force covering the facility, R315-3); unit
 * heads receive acts and instructions and agree deadlines; performers report measures done; the
 * auditor reads. Narrower checks (own unit, own measure) are made in the use cases.
 */
export const PC_SERVICE: OrgRole[] = ['head', 'pc_service_head', 'pc_official'];
export const PC_READERS: OrgRole[] = [...PC_SERVICE, 'unit_head', 'auditor'];
export const PC_PARTICIPANTS: OrgRole[] = [...PC_READERS, 'performer'];
export const readers = rule.org(PC_READERS);
export const participants = rule.org(PC_PARTICIPANTS);
export const service = rule.org(PC_SERVICE);
/** Setting up facilities, units, appointments, checklists and the schedule: the head and the service's head. */
export const organisers = rule.org(['head', 'pc_service_head']);
export const firstHead = rule.org(['head']);

export const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const BASE = '/api/v1/organisations/:orgId/production-control';
