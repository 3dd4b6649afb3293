export { acceptRawUploads } from '../platform/storage/checked-upload.ts';
import { Type } from '@fastify/type-provider-typebox';
import type { OrgRole } from '@baqylau/contracts';
import { rule } from '../platform/http/authz.ts';
import { Uuid } from '../platform/http/schemas.ts';

/** Who does what under DSM-335: the head and the person in charge of CCTV keep the registers; the auditor reads. */
export const CCTV_READERS: OrgRole[] = ['head', 'cctv_officer', 'auditor'];
export const CCTV_KEEPERS: OrgRole[] = ['head', 'cctv_officer'];
export const readers = rule.org(CCTV_READERS);
export const keepers = rule.org(CCTV_KEEPERS);
/** Decisions on access requests: the head (the organisation answers the family). */
export const deciders = rule.org(['head']);

export const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const CiteSchema = Type.Object({ point: Type.String(), subpoint: Type.Optional(Type.Integer()) });
export const PlaceParams = Type.Object({ orgId: Uuid, placeId: Uuid });
export const CameraParams = Type.Object({ orgId: Uuid, cameraId: Uuid });
export const ConsentParams = Type.Object({ orgId: Uuid, consentId: Uuid });
export const RequestParams = Type.Object({ orgId: Uuid, requestId: Uuid });
export const BASE = '/api/v1/organisations/:orgId/cctv';

/** The declared size, when the client sent one (checked again while streaming). */
export const declaredLength = (h: string | undefined) => (h && Number.isFinite(Number(h)) ? Number(h) : undefined);
