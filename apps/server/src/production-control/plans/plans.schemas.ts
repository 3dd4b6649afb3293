import { Type } from '@fastify/type-provider-typebox';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';
import { PLAN_KINDS } from './plans.table.ts';

const Day = Type.String({ maxLength: 10 });
const Person = Type.Object({ id: Uuid, fullName: Type.String() });
const OrNull = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PlanParams = Type.Object({ orgId: Uuid, planId: Uuid });
export const VersionParams = Type.Object({ orgId: Uuid, planId: Uuid, versionId: Uuid });
export const MeasureParams = Type.Object({ orgId: Uuid, planId: Uuid, measureId: Uuid });

export const PlanBody = Type.Object(
  {
    kind: Type.String({ maxLength: 40 }),
    title: Type.String({ maxLength: 1000 }),
    year: Type.Optional(OrNull(Type.Integer())),
    facilityId: Type.Optional(OrNull(Uuid)),
  },
  { additionalProperties: false },
);

export const VersionBody = Type.Object(
  {
    summary: Type.Optional(Type.String({ maxLength: 10000 })),
    validFrom: Type.Optional(OrNull(Day)),
    validUntil: Type.Optional(OrNull(Day)),
    document: Type.Object(
      { sha256: Type.String({ maxLength: 64 }), fileName: Type.String({ minLength: 1, maxLength: 300 }) },
      { additionalProperties: false },
    ),
    measures: Type.Optional(
      Type.Array(
        Type.Object(
          {
            measure: Type.String({ maxLength: 5000 }),
            facilityId: Type.Optional(OrNull(Uuid)),
            responsible: Type.String({ maxLength: 1000 }),
            dueOn: Day,
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ApprovalBody = Type.Object(
  { orderNumber: Type.Optional(OrNull(Type.String({ maxLength: 200 }))) },
  { additionalProperties: false },
);
export const CompletionBody = Type.Object(
  { doneOn: Day, note: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false },
);

export const StoredFile = Type.Object({ sha256: Type.String(), mime: Type.String(), size: Type.Integer(), fileName: Type.String() });

const Measure = Type.Object({
  id: Uuid,
  ordinal: Type.Integer(),
  measure: Type.String(),
  facilityId: OrNull(Uuid),
  facility: OrNull(Type.String()),
  responsible: Type.String(),
  dueOn: Type.String(),
  state: literalUnion(['open', 'overdue', 'done'] as const),
  completion: OrNull(Type.Object({ doneOn: Type.String(), note: Type.String(), recordedBy: Person, recordedAt: When })),
});

export const PlanVersion = Type.Object({
  id: Uuid,
  version: Type.Integer(),
  summary: Type.String(),
  validFrom: OrNull(Type.String()),
  validUntil: OrNull(Type.String()),
  file: OrNull(StoredFile),
  submittedBy: Person,
  submittedAt: When,
  approval: OrNull(Type.Object({ approvedBy: Person, approvedAt: When, orderNumber: OrNull(Type.String()) })),
  measures: Type.Array(Measure),
});

export const Plan = Type.Object({
  id: Uuid,
  kind: literalUnion(PLAN_KINDS),
  year: OrNull(Type.Integer()),
  facilityId: OrNull(Uuid),
  facility: OrNull(Type.String()),
  title: Type.String(),
  inForce: OrNull(Type.Integer()),
  pending: OrNull(Type.Integer()),
  validity: OrNull(literalUnion(['not_in_force', 'valid', 'expiring', 'expired'] as const)),
  measures: Type.Object({ total: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
  versions: Type.Array(PlanVersion),
});
