import { Type } from '@fastify/type-provider-typebox';
import { INSTRUCTION_REPORT_STATES } from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';

const Int = Type.Integer();
const States = Type.Object(
  Object.fromEntries(INSTRUCTION_REPORT_STATES.map((s) => [s, Int])) as Record<(typeof INSTRUCTION_REPORT_STATES)[number], typeof Int>,
);
const Counts = {
  planned: Int,
  inspected: Type.Object({ scheduled: Int, extraordinary: Int, comprehensive: Int }),
  violationsFound: Int,
  dangerousFound: Int,
  instructionsIssued: Int,
  instructions: States,
  overdueMeasures: Int,
};

export const Figures = Type.Object({
  month: Type.String(),
  asOf: Type.String(),
  lines: Type.Array(
    Type.Object({
      facilityId: Uuid,
      facility: Type.String(),
      unitId: Type.Union([Uuid, Type.Null()]),
      unit: Type.Union([Type.String(), Type.Null()]),
      ...Counts,
    }),
  ),
  totals: Type.Object(Counts),
  instructions: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      issuedOn: Type.String(),
      facility: Type.String(),
      unit: Type.Union([Type.String(), Type.Null()]),
      state: literalUnion(INSTRUCTION_REPORT_STATES),
      measures: Int,
      overdueMeasures: Int,
      closedOn: Type.Union([Type.String(), Type.Null()]),
      cancelOrder: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  overdueByAge: Type.Object({ under_30: Int, from_30_to_60: Int, over_60: Int }),
});

const Person = Type.Object({ id: Uuid, fullName: Type.String() });
export const Version = Type.Object({
  id: Uuid,
  month: Type.String(),
  version: Int,
  figuresSha256: Type.String(),
  presentedBy: Person,
  presentedAt: When,
  approval: Type.Union([Type.Object({ approvedBy: Person, approvedAt: When }), Type.Null()]),
});
export const MonthParams = Type.Object({ orgId: Uuid, month: Type.String({ maxLength: 7 }) });

export const Trends = Type.Object({
  months: Type.Array(Type.String()),
  /** A chart series per unit (or per facility inspected as a whole): its key and label. */
  units: Type.Array(Type.Object({ key: Uuid, label: Type.String() })),
  violations: Type.Array(Type.Object({ month: Type.String(), byUnit: Type.Record(Type.String(), Int) })),
  closure: Type.Array(Type.Object({ month: Type.String(), due: Int, onTime: Int, rate: Type.Union([Type.Number(), Type.Null()]) })),
  overdueByAge: Type.Object({ under_30: Int, from_30_to_60: Int, over_60: Int }),
});
