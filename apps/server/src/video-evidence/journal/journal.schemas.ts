import { Type } from '@fastify/type-provider-typebox';
import { IsoDate, Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { RETURN_CONDITIONS, ISSUE_SIGNATURE_METHODS } from './journal.table.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const NullableWhen = Type.Union([When, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const Journal = Type.Object({
  id: Uuid,
  registrationNumber: Type.String(),
  registrationDate: IsoDate,
  startedOn: IsoDate,
  endedOn: Type.Union([IsoDate, Type.Null()]),
  sheetCount: Type.Union([Type.Integer(), Type.Null()]),
});

export const JournalEntry = Type.Object({
  id: Uuid,
  journalId: Uuid,
  number: Type.Integer(),
  recorderId: Uuid,
  inventoryNumber: Type.String(),
  inspectorId: Uuid,
  inspectorName: Type.String(),
  activityId: Uuid,
  issuedAt: When,
  issuedByName: Type.String(),
  inspectorSignedAt: NullableWhen,
  signatureMethod: literalUnion(ISSUE_SIGNATURE_METHODS),
  batteryPercent: Type.Integer(),
  clockConfirmed: Type.Boolean(),
  clockOffsetSeconds: Type.Integer(),
  note: Type.String(),
  returnedAt: NullableWhen,
  returnReceivedByName: NullableString,
  returnCondition: Type.Union([literalUnion(RETURN_CONDITIONS), Type.Null()]),
  returnNote: NullableString,
  struckAt: NullableWhen,
  struckByName: NullableString,
  strikeReason: NullableString,
  correctsEntryId: Type.Union([Uuid, Type.Null()]),
  /** The entry whose signature a correction carried over (signer unchanged), or null. */
  signatureCarriedFrom: Type.Union([Uuid, Type.Null()]),
});

export const Signature = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
  totpCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
});

/** The inspector's signature of an issue, or of a correction that names a new holder (R444-8). */
const InspectorSignatureBody = Type.Union([
  Type.Intersect([Type.Object({ method: Type.Literal('credentials_at_counter') }), Signature]),
  Type.Object({ method: Type.Literal('own_device') }),
]);

export const IssueBody = Type.Object({
  recorderId: Uuid,
  inspectorId: Uuid,
  activityId: Uuid,
  batteryPercent: Type.Integer({ minimum: 0, maximum: 100 }),
  clockConfirmed: Type.Boolean(),
  clockOffsetSeconds: Type.Optional(Type.Integer({ minimum: -86_400, maximum: 86_400 })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  signature: InspectorSignatureBody,
});

export const ReturnBody = Type.Object({
  returnedAt: Type.Optional(Type.String({ format: 'date-time' })),
  condition: literalUnion(RETURN_CONDITIONS),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  signature: Signature,
});

export const StrikeBody = Type.Object({
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
  correction: Type.Optional(
    Type.Object({
      recorderId: Type.Optional(Uuid),
      inspectorId: Type.Optional(Uuid),
      activityId: Type.Optional(Uuid),
      batteryPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
      clockOffsetSeconds: Type.Optional(Type.Integer({ minimum: -86_400, maximum: 86_400 })),
      note: Type.Optional(Type.String({ maxLength: 1000 })),
      /** Required when the correction names another inspector: theirs, by the methods of an issue. */
      signature: Type.Optional(InspectorSignatureBody),
    }),
  ),
});

/** A journal row as the table shows it: the entry, breakages reported under it, and whether its recordings arrived. */
export const JournalListEntry = Type.Object({
  ...JournalEntry.properties,
  breakages: Type.Array(Type.Object({ reportedAt: When, description: Type.String() })),
  recordings: Type.Integer(),
  uploadState: Type.Union([
    Type.Literal('waiting_for_dock'),
    Type.Literal('uploading'),
    Type.Literal('all_verified'),
    Type.Literal('files_missing'),
  ]),
});
