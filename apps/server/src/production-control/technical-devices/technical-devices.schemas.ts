import { Type } from '@fastify/type-provider-typebox';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';
import { EXAMINATION_KINDS, EXAMINATION_RESULTS, TECHNICAL_OBJECT_KINDS } from './technical-devices.table.ts';

const Day = Type.String({ maxLength: 10 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const StateNames = ['valid', 'due_soon', 'overdue', 'unfit'] as const;

export const ObjectParams = Type.Object({ orgId: Uuid, objectId: Uuid });

/** Field values are checked by the use case (the same rule as an import row), so errors name the field and the rule. */
export const ObjectBody = Type.Object(
  {
    kind: Type.String({ maxLength: 40 }),
    name: Type.String({ maxLength: 1000 }),
    registrationNumber: Type.String({ maxLength: 1000 }),
    facilityId: Uuid,
    unitId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    manufacturer: Type.Optional(Type.String({ maxLength: 1000 })),
    serialNumber: Type.Optional(Type.String({ maxLength: 1000 })),
    commissionedOn: Type.Optional(Type.Union([Day, Type.Null()])),
  },
  { additionalProperties: false },
);

export const ExaminationBody = Type.Object(
  {
    kind: Type.String({ maxLength: 40 }),
    performedOn: Day,
    nextDueOn: Day,
    result: Type.String({ maxLength: 40 }),
    performedBy: Type.String({ maxLength: 500 }),
    documentNumber: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const Examination = Type.Object({
  id: Uuid,
  kind: literalUnion(EXAMINATION_KINDS),
  performedOn: Type.String(),
  nextDueOn: Type.String(),
  result: literalUnion(EXAMINATION_RESULTS),
  performedBy: Type.String(),
  documentNumber: Type.String(),
  recordedBy: Type.Object({ id: Uuid, fullName: Type.String() }),
  recordedAt: When,
});

export const TechnicalObject = Type.Object({
  id: Uuid,
  kind: literalUnion(TECHNICAL_OBJECT_KINDS),
  name: Type.String(),
  registrationNumber: Type.String(),
  facilityId: Uuid,
  facility: Type.String(),
  unitId: Nullable(Uuid),
  unit: Nullable(Type.String()),
  manufacturer: Type.String(),
  serialNumber: Type.String(),
  commissionedOn: Nullable(Type.String()),
  decommissionedOn: Nullable(Type.String()),
  state: literalUnion(['none', ...StateNames, 'decommissioned'] as const),
  kinds: Type.Array(
    Type.Object({ kind: literalUnion(EXAMINATION_KINDS), state: literalUnion(StateNames), daysLeft: Type.Integer(), latest: Examination }),
  ),
});

export const Alert = Type.Object({
  objectId: Uuid,
  name: Type.String(),
  registrationNumber: Type.String(),
  facility: Type.String(),
  examinationKind: literalUnion(EXAMINATION_KINDS),
  state: literalUnion(['unfit', 'overdue'] as const),
  nextDueOn: Type.String(),
});

export const Register = Type.Object({ today: Type.String(), items: Type.Array(TechnicalObject), alerts: Type.Array(Alert) });
export const ObjectDetail = Type.Object({ object: TechnicalObject, alerts: Type.Array(Alert), history: Type.Array(Examination) });
