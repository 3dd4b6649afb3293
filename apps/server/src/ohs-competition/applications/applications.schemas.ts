import { Type } from '@fastify/type-provider-typebox';
import {
  APPLICATION_STATES,
  ATTACHMENT_KINDS,
  DOCUMENT_KINDS,
  EDUCATION_ORGANISATION_TYPES,
  INDICATOR_IDS,
  INDICATOR_RULE_KINDS,
  QUESTIONNAIRE_FIELDS,
} from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../competition-http.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** Appendix 2, row by row; a draft may leave rows empty. */
export const QuestionnaireSchema = Type.Object(
  Object.fromEntries(QUESTIONNAIRE_FIELDS.map((f) => [f, Type.Optional(Text(f === 'birthDate' ? 10 : 500))])) as Record<
    (typeof QUESTIONNAIRE_FIELDS)[number],
    ReturnType<typeof Type.Optional<ReturnType<typeof Text>>>
  >,
  { additionalProperties: false },
);

const Count = Type.Object(
  { count: Type.Integer({ minimum: 0, maximum: 100000 }), positive: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })) },
  { additionalProperties: false },
);
/** Appendix 1: a count per indicator (items 8, 9 also the positive decisions). */
export const CountsSchema = Type.Object(
  Object.fromEntries(INDICATOR_IDS.map((id) => [id, Type.Optional(Count)])) as Record<
    (typeof INDICATOR_IDS)[number],
    ReturnType<typeof Type.Optional<typeof Count>>
  >,
  { additionalProperties: false },
);

export const DraftBody = {
  educationOrganisationType: Type.Optional(literalUnion(EDUCATION_ORGANISATION_TYPES)),
  questionnaire: Type.Optional(QuestionnaireSchema),
  characteristic: Type.Optional(Text(20000)),
  explanatoryNote: Type.Optional(Text(20000)),
  counts: Type.Optional(CountsSchema),
};

export const ApplicationSummary = Type.Object({
  id: Uuid,
  yearId: Uuid,
  memberOrganisationId: Uuid,
  group: Type.Integer(),
  educationOrganisationType: literalUnion(EDUCATION_ORGANISATION_TYPES),
  candidate: Type.String(),
  state: literalUnion(APPLICATION_STATES),
  submittedAt: Type.Union([When, Type.Null()]),
  receiptSha256: NullableString,
  excludedPoint: NullableString,
  fatalAccidentOn: NullableString,
});

export const DocumentSchema = Type.Object({
  id: Uuid,
  kind: literalUnion(DOCUMENT_KINDS),
  indicatorId: Type.Union([literalUnion(INDICATOR_IDS), Type.Null()]),
  eventDate: NullableString,
  title: Type.String(),
  fileName: Type.String(),
  mime: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  uploadedAt: When,
});

const Flag = Type.Object({
  flag: literalUnion(['outside_year', 'same_document', 'unbacked'] as const),
  indicatorId: literalUnion(INDICATOR_IDS),
  documentId: Type.Optional(Uuid),
  eventDate: Type.Optional(Type.String()),
  alsoIn: Type.Optional(Type.Array(Type.Object({ applicationId: Uuid, documentId: Uuid }))),
});

/** A score sheet: every indicator with its rule, count and points; the totals; the readings it was scored under. */
export const ScoreSheetSchema = Type.Object({
  indicators: Type.Array(
    Type.Object({
      id: literalUnion(INDICATOR_IDS),
      section: literalUnion(['main', 'additional'] as const),
      number: Type.String(),
      rule: Type.Object({
        kind: literalUnion(INDICATOR_RULE_KINDS),
        points: Type.Number(),
        size: Type.Optional(Type.Integer()),
        positiveBonus: Type.Optional(Type.Number()),
      }),
      count: Type.Integer(),
      positive: Type.Integer(),
      points: Type.Number(),
    }),
  ),
  mainTotal: Type.Number(),
  additionalTotal: Type.Number(),
  total: Type.Number(),
  readings: Type.Record(Type.String(), Type.String()),
});

export const ApplicationDetail = Type.Object({
  ...ApplicationSummary.properties,
  ...{
    questionnaire: QuestionnaireSchema,
    characteristic: Type.String(),
    explanatoryNote: Type.String(),
    counts: CountsSchema,
    fatalAccidentNote: NullableString,
    documents: Type.Array(DocumentSchema),
    flags: Type.Array(Flag),
    missingAttachments: Type.Array(literalUnion(ATTACHMENT_KINDS)),
    missingForSubmission: Type.Array(Type.String()),
    claimed: ScoreSheetSchema,
  },
});
