import { Type } from '@fastify/type-provider-typebox';
import { Uuid, literalUnion } from '../../platform/http/schemas.ts';
import { PACKAGE_CREATOR_ROLES, PACKAGE_STATES, RECIPIENT_KINDS } from './packages.table.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const NewPackageBody = Type.Object({
  recipientKind: literalUnion(RECIPIENT_KINDS),
  recipientName: Type.String({ minLength: 2, maxLength: 300 }),
  caseNumber: Type.String({ minLength: 1, maxLength: 100 }),
  purpose: Type.String({ minLength: 3, maxLength: 1000 }),
  recordings: Type.Array(
    Type.Object({
      recordingId: Uuid,
      excerpt: Type.Optional(
        Type.Object(
          { fromSeconds: Type.Integer({ minimum: 0 }), toSeconds: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
      ),
    }),
    { minItems: 1, maxItems: 200 },
  ),
  materialIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
});

export const PackageSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  recipient: Type.Object({ kind: literalUnion(RECIPIENT_KINDS), name: Type.String(), caseNumber: Type.String() }),
  purpose: Type.String(),
  createdBy: Type.Object({ id: Uuid, fullName: Type.String(), role: literalUnion(PACKAGE_CREATOR_ROLES) }),
  createdAt: When,
  state: literalUnion(PACKAGE_STATES),
  progress: Type.Object({ bytesDone: Type.Integer(), bytesTotal: Type.Integer() }),
  /** Why the build failed, translated for the caller; details name the recording. */
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() })),
  manifestSha256: Nullable(Type.String()),
  builtAt: Nullable(When),
  counts: Type.Object({ recordings: Type.Integer(), excerpts: Type.Integer(), materials: Type.Integer() }),
});

export const PackageDetail = Type.Intersect([
  PackageSummary,
  Type.Object({
    keyFingerprint: Type.String(),
    recordings: Type.Array(
      Type.Object({
        position: Type.Integer(),
        recordingId: Uuid,
        originalName: Type.String(),
        sha256: Type.String(),
        size: Type.Integer(),
        excerpt: Nullable(Type.Object({ fromSeconds: Type.Integer(), toSeconds: Type.Integer() })),
      }),
    ),
    materials: Type.Array(
      Type.Object({ position: Type.Integer(), materialId: Uuid, title: Type.String(), fileName: Type.String(), size: Type.Integer() }),
    ),
    links: Type.Array(
      Type.Object({
        id: Uuid,
        createdBy: Type.Object({ id: Uuid, fullName: Type.String() }),
        createdAt: When,
        expiresAt: When,
        expired: Type.Boolean(),
        usedCount: Type.Integer(),
      }),
    ),
  }),
]);

export const NewLink = Type.Object({
  id: Uuid,
  /** Shown once; only its hash is stored. */
  token: Type.String(),
  expiresAt: When,
  /** The download address (needs the head's or responsible person's session as well). */
  downloadUrl: Type.String(),
});
