import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { LOCALES, ORG_ROLES } from '@baqylau/contracts';

export const Uuid = Type.String({ format: 'uuid' });
/** A real calendar day (2026-02-30 fails the format) in the years 1900–2099. */
export const IsoDate = Type.String({ format: 'date', pattern: '^(19|20)\\d{2}-\\d{2}-\\d{2}$', description: 'yyyy-mm-dd' });
export const IsoDateTime = Type.String({ format: 'date-time' });
/** A string enum from a const list, keeping the literal type for handlers. */
export const literalUnion = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
export const Locale = literalUnion(LOCALES);
export const OrgRoleSchema = literalUnion(ORG_ROLES);

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
      /** On a 500 only: the id under which the server logged what went wrong. */
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);

export const Ok = Type.Object({ ok: Type.Literal(true) });
export const OrgParams = Type.Object({ orgId: Uuid });

/** Every route documents the same error envelope next to its success body. */
export function responses<T extends Record<number, TSchema>>(ok: T) {
  const err = Type.Unsafe<{ error: { code: string; message: string; details?: unknown } }>(Type.Ref('ErrorBody'));
  return { ...ok, 400: err, 401: err, 403: err, 404: err, 409: err, 429: err };
}
