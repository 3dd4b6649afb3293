import type { OrgRole } from '@baqylau/contracts';

/**
 * The authorisation rule every route must declare in `config.authz`.
 * A route without one is refused at start-up (see requireAuthzOnEveryRoute).
 */
export type AuthzRule =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Signed in with a password; the second factor may still be outstanding (TOTP routes). */
  | { kind: 'pending' }
  /** Fully signed in, any role. */
  | { kind: 'user' }
  /** Platform administrators only (they manage organisations and users, never evidence). */
  | { kind: 'admin' }
  /** Members of the organisation in `:orgId` holding one of the roles (optionally also platform admins). */
  | { kind: 'org'; roles: readonly OrgRole[]; admin?: boolean }
  /** A machine token of the given scope, for the organisation it was issued in. */
  | { kind: 'token'; scope: 'dock' };

export const rule = {
  public: { kind: 'public' } as const,
  pending: { kind: 'pending' } as const,
  user: { kind: 'user' } as const,
  admin: { kind: 'admin' } as const,
  org: (roles: readonly OrgRole[], o: { admin?: boolean } = {}): AuthzRule => ({ kind: 'org', roles, ...o }),
  token: (scope: 'dock'): AuthzRule => ({ kind: 'token', scope }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    authz?: AuthzRule;
  }
}
