import { Type } from '@fastify/type-provider-typebox';
import { ACCIDENT_KINDS, ACCIDENT_STATUSES } from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);
const Str = (max: number) => Type.String({ maxLength: max });

export const AccidentParams = Type.Object({ orgId: Uuid, accidentId: Uuid });
export const MeasureParams = Type.Object({ orgId: Uuid, accidentId: Uuid, measureId: Uuid });

export const Accident = Type.Object({
  id: Uuid,
  number: Type.String(),
  kind: literalUnion(ACCIDENT_KINDS),
  facilityId: Uuid,
  facilityName: Type.String(),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  occurredAt: When,
  place: Type.String(),
  description: Type.String(),
  consequences: Type.String(),
  injured: Type.Integer(),
  fatalities: Type.Integer(),
  status: literalUnion(ACCIDENT_STATUSES),
  extraordinaryInspectionId: Nullable(Uuid),
  registeredByName: Type.String(),
  registeredAt: When,
});

const Member = Type.Object({ fullName: Type.String(), position: Type.String(), role: literalUnion(['chair', 'member'] as const) });
export const AccidentDetail = Type.Intersect([
  Accident,
  Type.Object({
    investigation: Nullable(
      Type.Object({
        orderNumber: Type.String(),
        orderDate: Type.String(),
        commission: Type.Array(Member),
        actNumber: Nullable(Type.String()),
        actDate: Nullable(Type.String()),
        causes: Nullable(Type.String()),
        actFile: Nullable(Type.Object({ fileName: Type.String(), mime: Type.String(), size: Type.Integer() })),
        completedAt: Nullable(When),
      }),
    ),
    measures: Type.Array(
      Type.Object({ id: Uuid, measure: Type.String(), responsible: Type.String(), dueOn: Type.String(), doneOn: Nullable(Type.String()) }),
    ),
  }),
]);

/** Types are checked here; the rules (required, lengths, dates, kinds) by the use cases, per field, in kk/ru/en. */
export const NewAccidentBody = Type.Object(
  {
    kind: Str(30),
    facilityId: Uuid,
    unitId: Type.Optional(Nullable(Uuid)),
    occurredAt: Type.String({ maxLength: 40 }),
    place: Str(600),
    description: Str(5000),
    consequences: Type.Optional(Str(5000)),
    injured: Type.Optional(Type.Integer()),
    fatalities: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export const CommissionBody = Type.Object(
  {
    orderNumber: Str(100),
    orderDate: Str(20),
    commission: Type.Array(Type.Object({ fullName: Str(400), position: Str(400), role: Str(20) }, { additionalProperties: false }), {
      maxItems: 50,
    }),
  },
  { additionalProperties: false },
);

export const ActBody = Type.Object(
  {
    actNumber: Str(100),
    actDate: Str(20),
    causes: Str(5000),
    measures: Type.Array(Type.Object({ measure: Str(3000), responsible: Str(400), dueOn: Str(20) }, { additionalProperties: false }), {
      maxItems: 200,
    }),
  },
  { additionalProperties: false },
);

export const ExtraordinaryBody = Type.Object(
  { checklistId: Uuid, officialId: Uuid, orderNumber: Str(100), orderDate: Str(20) },
  { additionalProperties: false },
);
