import { Type } from '@fastify/type-provider-typebox';
import {
  CAPA_KINDS,
  CAPA_MEASURE_STATUSES,
  CAPA_SOURCES,
  CAPA_STATUSES,
  PLAN_PROPOSAL_KINDS,
  PLAN_PROPOSAL_STATUSES,
  VIOLATION_STATUSES,
} from '@baqylau/contracts';
import { IsoDate, Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Person = Type.Object({ id: Uuid, fullName: Type.String() });
const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
/** Free text: required fields are checked in the use cases (blank → pc.capa_text_required naming the field). */
const Text = (maxLength = 4000) => Type.String({ maxLength });

export const CapaParams = Type.Object({ orgId: Uuid, capaId: Uuid });
export const MeasureParams = Type.Object({ orgId: Uuid, capaId: Uuid, measureId: Uuid });
export const CauseParams = Type.Object({ orgId: Uuid, causeId: Uuid });
export const ProposalParams = Type.Object({ orgId: Uuid, proposalId: Uuid });

export const CauseCategory = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  code: Type.String(),
  nameKk: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  retiredAt: Nullable(When),
});
export const CauseNames = { nameKk: Text(300), nameRu: Text(300), nameEn: Text(300) };
export const NewCause = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 40 }), parentId: Type.Optional(Nullable(Uuid)), ...CauseNames },
  { additionalProperties: false },
);

const CapaFields = {
  id: Uuid,
  number: Type.String(),
  year: Type.Integer(),
  kind: literalUnion(CAPA_KINDS),
  title: Type.String(),
  facilityId: Nullable(Uuid),
  facilityName: Nullable(Type.String()),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  source: Nullable(literalUnion(CAPA_SOURCES)),
  status: literalUnion(CAPA_STATUSES),
  round: Type.Integer(),
  openedAt: When,
  closedAt: Nullable(When),
};
export const CapaItem = Type.Object(CapaFields);
export const CapaDetail = Type.Object({
  ...CapaFields,
  sourceDescription: Nullable(Type.String()),
  forecastDescription: Nullable(Type.String()),
  openedBy: Person,
  closedBy: Nullable(Person),
  closingNote: Nullable(Type.String()),
  violations: Type.Array(Type.Object({ id: Uuid, description: Type.String(), status: literalUnion(VIOLATION_STATUSES), foundAt: When })),
  causes: Type.Array(
    Type.Object({
      id: Uuid,
      causeCategoryId: Uuid,
      code: Type.String(),
      name: Names,
      category: Nullable(Names),
      description: Type.String(),
      recordedBy: Person,
      recordedAt: When,
    }),
  ),
  decisions: Type.Array(
    Type.Object({ id: Uuid, number: Type.String(), decidedOn: Type.String(), wording: Type.String(), decidedBy: Person, decidedAt: When }),
  ),
  measures: Type.Array(
    Type.Object({
      id: Uuid,
      causeId: Uuid,
      round: Type.Integer(),
      description: Type.String(),
      responsible: Person,
      dueOn: Type.String(),
      resources: Type.String(),
      status: literalUnion(CAPA_MEASURE_STATUSES),
      decisionId: Nullable(Uuid),
      doneBy: Nullable(Person),
      doneAt: Nullable(When),
      summary: Nullable(Type.String()),
    }),
  ),
  evaluations: Type.Array(
    Type.Object({
      id: Uuid,
      round: Type.Integer(),
      effective: Type.Boolean(),
      conclusion: Type.String(),
      evaluatedBy: Person,
      evaluatedAt: When,
    }),
  ),
  managementReports: Type.Array(Type.Object({ id: Uuid, summary: Type.String(), reportedBy: Person, reportedAt: When })),
});

export const OpenCapaBody = Type.Object(
  {
    kind: literalUnion(CAPA_KINDS),
    title: Text(500),
    violationIds: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
    facilityId: Type.Optional(Nullable(Uuid)),
    unitId: Type.Optional(Nullable(Uuid)),
    source: Type.Optional(Nullable(literalUnion(CAPA_SOURCES))),
    sourceDescription: Type.Optional(Nullable(Text())),
    forecastDescription: Type.Optional(Nullable(Text())),
  },
  { additionalProperties: false },
);
export const CauseBody = Type.Object({ causeCategoryId: Uuid, description: Text() }, { additionalProperties: false });
export const MeasureBody = Type.Object(
  { causeId: Uuid, description: Text(), responsibleId: Uuid, dueOn: IsoDate, resources: Text(1000) },
  { additionalProperties: false },
);
export const DecisionBody = Type.Object({ number: Text(100), decidedOn: IsoDate, wording: Text() }, { additionalProperties: false });
export const SummaryBody = Type.Object({ summary: Text() }, { additionalProperties: false });
export const EvaluationBody = Type.Object({ effective: Type.Boolean(), conclusion: Text() }, { additionalProperties: false });
export const CloseBody = Type.Object({ note: Type.Optional(Nullable(Text(2000))) }, { additionalProperties: false });

export const PlanProposal = Type.Object({
  id: Uuid,
  year: Type.Integer(),
  kind: literalUnion(PLAN_PROPOSAL_KINDS),
  description: Type.String(),
  facilityId: Nullable(Uuid),
  facilityName: Nullable(Type.String()),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  capaId: Uuid,
  capaNumber: Type.String(),
  status: literalUnion(PLAN_PROPOSAL_STATUSES),
  proposedBy: Person,
  proposedAt: When,
  decidedBy: Nullable(Person),
  decidedAt: Nullable(When),
  rejectionReason: Nullable(Type.String()),
  scheduleItemId: Nullable(Uuid),
});
export const ProposalBody = Type.Object(
  {
    capaId: Uuid,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    kind: literalUnion(PLAN_PROPOSAL_KINDS),
    description: Text(),
    facilityId: Type.Optional(Nullable(Uuid)),
    unitId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export const AcceptBody = Type.Object(
  {
    schedule: Type.Optional(
      Nullable(
        Type.Object(
          {
            kind: literalUnion(['scheduled', 'comprehensive'] as const),
            plannedOn: IsoDate,
            checklistId: Uuid,
            responsibleOfficialId: Uuid,
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);
export const RejectBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });
