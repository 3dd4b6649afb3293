import { Type } from '@fastify/type-provider-typebox';
import { LOCALES, NOTICE_KINDS } from '@baqylau/contracts';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { When } from '../pc-http.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const Addressees = Type.Object(
  {
    userIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }),
    unitIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }),
    facilityIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }),
    allMembers: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const NoticeBody = Type.Object(
  {
    kind: literalUnion(NOTICE_KINDS),
    subject: Type.String({ minLength: 3, maxLength: 300, pattern: '\\S' }),
    body: Type.String({ minLength: 3, maxLength: 20000, pattern: '\\S' }),
    language: Type.Optional(literalUnion(LOCALES)),
    addressees: Addressees,
    acknowledgeWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    supersedesId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

const Summary = {
  id: Uuid,
  kind: literalUnion(NOTICE_KINDS),
  subject: Type.String(),
  language: literalUnion(LOCALES),
  authorId: Uuid,
  authorName: Type.String(),
  createdAt: When,
  publishedAt: Type.Union([When, Type.Null()]),
  supersedesId: Nullable(Uuid),
  supersededById: Nullable(Uuid),
  analysisId: Nullable(Uuid),
  acknowledgeWithinDays: Type.Integer(),
};
export const NoticeListItem = Type.Object({ ...Summary, addressees: Type.Integer(), acknowledged: Type.Integer() });
export const MyNotice = Type.Object({ ...Summary, acknowledgedAt: Type.Union([When, Type.Null()]) });

export const NoticeDetail = Type.Object({
  ...Summary,
  body: Type.String(),
  addresseeScope: Addressees,
  document: Type.Union([Type.Object({ fileName: Type.String(), mime: Type.String(), size: Type.Integer() }), Type.Null()]),
  /** The reader's own acknowledgement (null: not acknowledged, or not an addressee). */
  acknowledgedAt: Type.Union([When, Type.Null()]),
  isAddressee: Type.Boolean(),
  /** Who has and has not acknowledged: for the service only (null for an addressee outside it). */
  status: Type.Union([
    Type.Array(
      Type.Object({
        userId: Uuid,
        fullName: Type.String(),
        acknowledgedAt: Type.Union([When, Type.Null()]),
        remindedAt: Type.Union([When, Type.Null()]),
        overdue: Type.Boolean(),
      }),
    ),
    Type.Null(),
  ]),
});
export const NoticeParams = Type.Object({ orgId: Uuid, noticeId: Uuid });
