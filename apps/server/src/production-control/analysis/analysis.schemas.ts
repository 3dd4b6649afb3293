import { Type } from '@fastify/type-provider-typebox';
import { INDICATOR_DIRECTIONS, INDICATOR_FORMULAS, LOCALES } from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { Addressees } from '../notices/notices.schemas.ts';
import { When } from '../pc-http.ts';

const Int = Type.Integer();
const Name = Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' });
export const IndicatorBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40 }),
    nameKk: Name,
    nameRu: Name,
    nameEn: Name,
    formula: literalUnion(INDICATOR_FORMULAS),
    target: Type.Number(),
    direction: literalUnion(INDICATOR_DIRECTIONS),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const Indicator = Type.Object({ ...IndicatorBody.properties, version: Int });

const Value = Type.Object({
  code: Type.String(),
  numerator: Int,
  denominator: Int,
  value: Type.Union([Type.Number(), Type.Null()]),
  met: Type.Union([Type.Boolean(), Type.Null()]),
});
export const AnnualFigures = Type.Object({
  year: Int,
  asOf: Type.String(),
  definitions: Type.Array(Indicator),
  officials: Type.Array(Type.Object({ personId: Uuid, fullName: Type.String(), indicators: Type.Array(Value) })),
  organisation: Type.Array(Value),
  places: Type.Array(
    Type.Object({
      facilityId: Uuid,
      facility: Type.String(),
      unitId: Type.Union([Uuid, Type.Null()]),
      unit: Type.Union([Type.String(), Type.Null()]),
      planned: Int,
      inspected: Type.Object({ scheduled: Int, extraordinary: Int, comprehensive: Int }),
      violationsFound: Int,
      dangerousFound: Int,
      instructionsIssued: Int,
    }),
  ),
});
export const Direction = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 300 }), text: Type.String({ minLength: 1, maxLength: 20000 }) },
  { additionalProperties: false },
);
const Person = Type.Object({ id: Uuid, fullName: Type.String() });
export const AnalysisVersion = Type.Object({
  id: Uuid,
  year: Int,
  version: Int,
  sha256: Type.String(),
  directions: Type.Array(Direction),
  presentedBy: Person,
  presentedAt: When,
  approval: Type.Union([Type.Object({ approvedBy: Person, approvedAt: When }), Type.Null()]),
});
export const YearParams = Type.Object({ orgId: Uuid, year: Type.Integer({ minimum: 1900, maximum: 2999 }) });
export const AnalysisParams = Type.Object({ orgId: Uuid, analysisId: Uuid });
export const PresentBody = Type.Object({ directions: Type.Array(Direction, { maxItems: 30 }) }, { additionalProperties: false });
export const NoticeFromAnalysisBody = Type.Object(
  {
    causes: Type.String({ minLength: 3, maxLength: 20000, pattern: '\\S' }),
    addressees: Addressees,
    language: Type.Optional(literalUnion(LOCALES)),
    acknowledgeWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  },
  { additionalProperties: false },
);
