import { Type } from '@fastify/type-provider-typebox';
import { SEVERITIES, VIOLATION_EVENTS, VIOLATION_STATUSES } from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { Reference } from '../inspections/inspections.schemas.ts';
import { When } from '../pc-http.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);

export const Violation = Type.Object({
  id: Uuid,
  inspectionId: Uuid,
  itemId: Uuid,
  facilityId: Uuid,
  facilityName: Type.String(),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  description: Type.String(),
  reference: Reference,
  severity: literalUnion(SEVERITIES),
  dangerous: Type.Boolean(),
  eliminatedOnSpot: Type.Boolean(),
  status: literalUnion(VIOLATION_STATUSES),
  foundAt: When,
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  verifiedAt: Nullable(When),
  recheckedAt: Nullable(When),
});

export const ViolationEvent = Type.Object({
  id: Uuid,
  kind: literalUnion(VIOLATION_EVENTS),
  at: When,
  actorId: Uuid,
  actorName: Type.String(),
  note: Nullable(Type.String()),
  inspectionId: Nullable(Uuid),
});

export const Attachment = Type.Object({
  id: Uuid,
  purpose: literalUnion(['finding', 'measure_report'] as const),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: When,
});

export const ViolationDetail = Type.Object({
  ...Violation.properties,
  events: Type.Array(ViolationEvent),
  attachments: Type.Array(Attachment),
});

export const ViolationParams = Type.Object({ orgId: Uuid, violationId: Uuid });
export const AttachmentParams = Type.Object({ orgId: Uuid, violationId: Uuid, attachmentId: Uuid });

/** A keyset cursor: the last row's found_at (ISO) and id. */
export const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/;
export const encodeCursor = (foundAt: Date, id: string) => `${foundAt.toISOString()}_${id}`;
