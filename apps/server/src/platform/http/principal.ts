import type { Locale, OrgRole } from '@baqylau/contracts';

export interface SessionPrincipal {
  kind: 'session';
  sessionId: string;
  userId: string;
  login: string;
  fullName: string;
  isPlatformAdmin: boolean;
  totpEnabled: boolean;
  secondFactorDone: boolean;
  csrfToken: string;
  currentOrganisationId: string | null;
  locale: Locale | null;
  /** Roles per organisation, including `responsible` from an active appointment. */
  roles: Map<string, Set<OrgRole>>;
  /** Set when this read slid the session's idle expiry forward: the cookie is sent again with a fresh Max-Age. */
  renewed?: boolean;
}

export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  organisationId: string;
  scope: 'dock';
}

export type Principal = SessionPrincipal | TokenPrincipal;

/** A user with these roles (or a platform admin) cannot work without a second factor (R444-6). */
export function requiresSecondFactor(p: SessionPrincipal): boolean {
  if (p.isPlatformAdmin) return true;
  for (const roles of p.roles.values()) if (roles.has('head') || roles.has('responsible')) return true;
  return false;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
}

/**
 * Inspectors see only their own journal entries and activities; the head, the
 * responsible person and the auditor see the whole subdivision. Returns the
 * user id to filter by, or undefined for "everything".
 */
export function ownRecordsFilter(p: SessionPrincipal, organisationId: string): string | undefined {
  const roles = p.roles.get(organisationId);
  return roles?.has('head') || roles?.has('responsible') || roles?.has('auditor') ? undefined : p.userId;
}
