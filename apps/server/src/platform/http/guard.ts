import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { localeFromAcceptLanguage } from '../i18n/i18n.ts';
import { safeEqual } from '../auth/tokens.ts';
import type { AuthzRule } from './authz.ts';
import type { HotReads } from './hot-read-cache.ts';
import { requiresSecondFactor, type Principal, type SessionPrincipal, type TokenPrincipal } from './principal.ts';

export const SESSION_COOKIE = 'baqylau_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface PrincipalResolver {
  /** readOnly: the request changes nothing, so a principal read moments ago may serve (hot-read-cache.ts). */
  fromSessionCookie(value: string, readOnly: boolean): Promise<SessionPrincipal | null>;
  fromBearerToken(value: string): Promise<TokenPrincipal | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses to start when any route lacks an explicit authorisation rule. */
export function requireAuthzOnEveryRoute(app: FastifyInstance, publicPrefixes: string[] = []) {
  app.addHook('onRoute', (route) => {
    // Third-party plugin routes (the API reference page) hold no data: public by explicit prefix.
    if (!route.config?.authz && publicPrefixes.some((p) => route.url.startsWith(p))) {
      route.config = { ...route.config, authz: { kind: 'public' } };
    }
    if (!route.config?.authz) throw new Error(`Route ${route.method} ${route.url} has no authz rule`);
  });
}

/** Who is calling (session cookie or bearer token), and are they allowed on this route. */
export function installGuard(app: FastifyInstance, resolver: PrincipalResolver, hotReads: HotReads) {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'kk');

  // Whatever a state-changing request did, the next request reads it afresh.
  app.addHook('onSend', async (req) => {
    if (!SAFE_METHODS.has(req.method)) hotReads.invalidate();
  });
  app.addHook('onResponse', async (req) => {
    if (!SAFE_METHODS.has(req.method)) hotReads.invalidate();
  });

  app.addHook('onRequest', async (req) => {
    req.principal = await resolvePrincipal(req, resolver);
    req.locale = (req.principal?.kind === 'session' && req.principal.locale) || localeFromAcceptLanguage(req.headers['accept-language']);
  });

  // preValidation: a caller who may not use the route learns nothing, not even its schema.
  app.addHook('preValidation', async (req) => {
    if (req.is404) return; // the not-found handler answers for addresses that are no route
    const authz = req.routeOptions.config.authz;
    if (!authz) throw new AppError('auth.forbidden'); // unreachable: onRoute refuses such routes
    await authorise(req, authz);
  });
}

async function resolvePrincipal(req: FastifyRequest, resolver: PrincipalResolver): Promise<Principal | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = await resolver.fromBearerToken(auth.slice(7).trim());
    if (!token) throw new AppError('token.invalid');
    return token;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? resolver.fromSessionCookie(cookie, SAFE_METHODS.has(req.method)) : null;
}

async function authorise(req: FastifyRequest, authz: AuthzRule) {
  if (authz.kind === 'public') return;
  const p = req.principal;
  if (authz.kind === 'token') {
    if (p?.kind !== 'token' || p.scope !== authz.scope) throw new AppError(p ? 'auth.forbidden' : 'auth.unauthenticated');
    const orgId = (req.params as { orgId?: string }).orgId;
    if (orgId && orgId !== p.organisationId) throw new AppError('auth.forbidden');
    return;
  }
  if (!p) throw new AppError('auth.unauthenticated');
  if (p.kind !== 'session') throw new AppError('auth.forbidden');
  // Cookies ride along on cross-site requests; a state change needs the per-session token too.
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, p.csrfToken)) throw new AppError('auth.csrf_invalid');
  }
  if (authz.kind === 'pending') return;
  if (p.totpEnabled && !p.secondFactorDone) throw new AppError('auth.second_factor_required');
  if (!p.totpEnabled && requiresSecondFactor(p)) throw new AppError('auth.second_factor_enrolment_required');
  if (authz.kind === 'user') return;
  if (authz.kind === 'admin') {
    if (!p.isPlatformAdmin) throw new AppError('auth.forbidden');
    return;
  }
  const orgId = (req.params as { orgId?: string }).orgId;
  if (!orgId) throw new Error(`org rule on ${req.routeOptions.url} without :orgId`);
  if (authz.admin && p.isPlatformAdmin) return;
  const roles = p.roles.get(orgId);
  if (!roles || !authz.roles.some((r) => roles.has(r))) throw new AppError('auth.forbidden');
}
