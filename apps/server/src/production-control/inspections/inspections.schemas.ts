import { Type } from '@fastify/type-provider-typebox';
import { HAZARD_FEATURES, INSPECTION_KINDS, ITEM_OUTCOMES, SEVERITIES, VIOLATION_STATUSES } from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';
import type { InspectionItemRow, InspectionRow } from './inspections.repository.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);
export const Reference = Type.Object({ act: Type.String(), point: Type.String() });

export const InspectionItem = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  source: literalUnion(['checklist', 'recheck'] as const),
  questionId: Nullable(Type.String()),
  text: Type.String(),
  reference: Reference,
  severity: literalUnion(SEVERITIES),
  recheckViolationId: Nullable(Uuid),
  outcome: Nullable(literalUnion(ITEM_OUTCOMES)),
  note: Nullable(Type.String()),
  answeredAt: Nullable(When),
  hasViolation: Type.Boolean(),
  /** The violation recorded by this item's answer, or the one it re-checks. */
  violationId: Nullable(Uuid),
});

export const Inspection = Type.Object({
  id: Uuid,
  kind: literalUnion(INSPECTION_KINDS),
  facilityId: Uuid,
  facilityName: Type.String(),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  officialId: Uuid,
  officialName: Type.String(),
  scheduleItemId: Nullable(Uuid),
  checklistVersionId: Uuid,
  orderNumber: Nullable(Type.String()),
  orderDate: Nullable(Type.String()),
  basis: Nullable(literalUnion(['accident', 'injury'] as const)),
  basisDescription: Nullable(Type.String()),
  status: literalUnion(['in_progress', 'completed'] as const),
  briefSeenAt: Nullable(When),
  startedAt: When,
  completedAt: Nullable(When),
  conclusion: Nullable(Type.String()),
});

/** The act issued after a completed inspection and its instruction (R315-15, R315-16), null until issued. */
export const ActRef = Nullable(
  Type.Object({
    id: Uuid,
    number: Type.String(),
    issuedOn: Type.String(),
    instructionId: Nullable(Uuid),
    instructionNumber: Nullable(Type.String()),
  }),
);

export const InspectionWithItems = Type.Object({ ...Inspection.properties, items: Type.Array(InspectionItem), act: ActRef });

export const inspectionView = (i: InspectionRow, names: { facilityName: string; unitName: string | null; officialName: string }) => ({
  ...i,
  ...names,
});
export const itemView = (x: InspectionItemRow, found?: Map<string, string>) => ({
  ...x,
  violationId: x.recheckViolationId ?? found?.get(x.id) ?? null,
  answeredBy: undefined,
  inspectionId: undefined,
  organisationId: undefined,
});

const BriefViolation = Type.Object({
  id: Uuid,
  description: Type.String(),
  reference: Reference,
  severity: literalUnion(SEVERITIES),
  dangerous: Type.Boolean(),
  eliminatedOnSpot: Type.Boolean(),
  status: literalUnion(VIOLATION_STATUSES),
  unitId: Nullable(Uuid),
  inspectionId: Uuid,
  foundAt: When,
  dueOn: Nullable(Type.String()),
  verifiedAt: Nullable(When),
  overdue: Type.Boolean(),
});

export const Brief = Type.Object({
  facility: Type.Object({
    id: Uuid,
    name: Type.String(),
    registrationNumber: Type.String(),
    address: Type.String(),
    hazardFeatures: Type.Array(literalUnion(HAZARD_FEATURES)),
    safeOperationConditions: Type.String(),
  }),
  unit: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  previous: Type.Array(
    Type.Object({
      id: Uuid,
      kind: literalUnion(INSPECTION_KINDS),
      unitId: Nullable(Uuid),
      official: Type.String(),
      startedAt: When,
      completedAt: Nullable(When),
      conclusion: Nullable(Type.String()),
      items: Type.Integer(),
      violations: Type.Integer(),
      dangerous: Type.Integer(),
    }),
  ),
  openViolations: Type.Array(BriefViolation),
  eliminatedSince: Type.Array(BriefViolation),
});

export const InspectionParams = Type.Object({ orgId: Uuid, inspectionId: Uuid });
export const ItemParams = Type.Object({ orgId: Uuid, inspectionId: Uuid, itemId: Uuid });
