import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { SESSION_COOKIE } from '../../platform/http/guard.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { requiresSecondFactor } from '../../platform/http/principal.ts';
import { Locale, Ok, Uuid, responses } from '../../platform/http/schemas.ts';
import { setLocale } from '../users/users.usecases.ts';
import { listOrganisations } from '../organisations/organisations.repository.ts';
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  login,
  logout,
  logoutEverywhere,
  startTotpEnrolment,
  switchOrganisation,
  verifySecondFactor,
} from './auth.usecases.ts';

const TotpCode = Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }) });
const LoginStatus = Type.Union([Type.Literal('ok'), Type.Literal('totp_required'), Type.Literal('totp_enrolment_required')]);

const Me = Type.Object({
  id: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  locale: Type.Union([Locale, Type.Null()]),
  isPlatformAdmin: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  secondFactor: Type.Union([Type.Literal('done'), Type.Literal('required'), Type.Literal('enrolment_required'), Type.Literal('optional')]),
  csrfToken: Type.String(),
  currentOrganisationId: Type.Union([Uuid, Type.Null()]),
  organisations: Type.Array(
    Type.Object({ id: Uuid, type: Type.String(), nameKk: Type.String(), nameRu: Type.String(), roles: Type.Array(Type.String()) }),
  ),
});

export const sessionOf = (req: FastifyRequest) => req.principal as SessionPrincipal;

function secondFactorState(p: SessionPrincipal) {
  if (p.secondFactorDone) return 'done' as const;
  if (p.totpEnabled) return 'required' as const;
  return requiresSecondFactor(p) ? ('enrolment_required' as const) : ('optional' as const);
}

/** The session cookie lives as long as the session's idle limit (SESSION_TTL_HOURS); the server enforces the limit itself. */
export function sessionCookieSetter(deps: AppDeps) {
  const secure = deps.config.publicUrl?.startsWith('https:') ?? false;
  return (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      maxAge: deps.config.sessionTtlHours * 3600,
    });
}

/** When a request slid the session's expiry forward, the cookie's Max-Age slides with it. */
export function renewSessionCookies(app: FastifyInstance, deps: AppDeps) {
  const setCookie = sessionCookieSetter(deps);
  // preHandler, not onSend: @fastify/cookie writes the header in its own onSend hook, which runs first.
  app.addHook('preHandler', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (req.principal?.kind === 'session' && req.principal.renewed && token) {
      setCookie(reply, token);
      // Once is enough: a principal reused from the hot-read cache does not send it again.
      req.principal.renewed = false;
    }
  });
}

export function authRoutes(deps: AppDeps, pendingTotpSecret: (sessionId: string) => Promise<string | null>): FastifyPluginAsyncTypebox {
  const setCookie = sessionCookieSetter(deps);

  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: { authz: rule.public },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with login and password',
          body: Type.Object({
            login: Type.String({ minLength: 1, maxLength: 100 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
          }),
          response: responses({ 200: Type.Object({ status: LoginStatus, csrfToken: Type.String() }) }),
        },
      },
      async (req, reply) => {
        const r = await login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
        setCookie(reply, r.token);
        return { status: r.status, csrfToken: r.csrfToken };
      },
    );

    app.post(
      '/api/v1/auth/totp',
      {
        config: { authz: rule.pending },
        schema: { tags: ['auth'], summary: 'Enter the second-factor code', body: TotpCode, response: responses({ 200: Ok }) },
      },
      async (req) => {
        await verifySecondFactor(deps, sessionOf(req), req.body.code);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/auth/totp/enrolment',
      {
        config: { authz: rule.pending },
        schema: {
          tags: ['auth'],
          summary: 'Start setting up an authenticator app (QR code)',
          response: responses({ 200: Type.Object({ secret: Type.String(), otpauthUri: Type.String(), qrSvg: Type.String() }) }),
        },
      },
      async (req) => startTotpEnrolment(deps, sessionOf(req)),
    );

    app.post(
      '/api/v1/auth/totp/enrolment/confirm',
      {
        config: { authz: rule.pending },
        schema: { tags: ['auth'], summary: 'Confirm the authenticator app with a code', body: TotpCode, response: responses({ 200: Ok }) },
      },
      async (req) => {
        const p = sessionOf(req);
        await confirmTotpEnrolment(deps, p, await pendingTotpSecret(p.sessionId), req.body.code);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { authz: rule.pending },
        schema: { tags: ['auth'], summary: 'Sign out of this session', response: responses({ 200: Ok }) },
      },
      async (req, reply) => {
        await logout(deps, sessionOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/auth/logout-everywhere',
      {
        config: { authz: rule.user },
        schema: { tags: ['auth'], summary: 'Sign out of every session of this user', response: responses({ 200: Ok }) },
      },
      async (req, reply) => {
        await logoutEverywhere(deps, sessionOf(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/me',
      {
        config: { authz: rule.pending },
        schema: { tags: ['me'], summary: 'The signed-in user, roles and CSRF token', response: responses({ 200: Me }) },
      },
      async (req) => {
        const p = sessionOf(req);
        const orgs = await listOrganisations(deps.db, [...p.roles.keys()]);
        return {
          id: p.userId,
          login: p.login,
          fullName: p.fullName,
          locale: p.locale,
          isPlatformAdmin: p.isPlatformAdmin,
          totpEnabled: p.totpEnabled,
          secondFactor: secondFactorState(p),
          csrfToken: p.csrfToken,
          currentOrganisationId:
            p.currentOrganisationId && p.roles.has(p.currentOrganisationId) ? p.currentOrganisationId : (orgs[0]?.id ?? null),
          organisations: orgs.map((o) => ({
            id: o.id,
            type: o.type,
            nameKk: o.nameKk,
            nameRu: o.nameRu,
            roles: [...(p.roles.get(o.id) ?? [])],
          })),
        };
      },
    );

    app.patch(
      '/api/v1/me',
      {
        config: { authz: rule.pending },
        schema: {
          tags: ['me'],
          summary: 'Set the interface language',
          body: Type.Object({ locale: Locale }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await setLocale(deps, sessionOf(req).userId, req.body.locale);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/me/password',
      {
        config: { authz: rule.user },
        schema: {
          tags: ['me'],
          summary: 'Change the password',
          body: Type.Object({
            currentPassword: Type.String({ minLength: 1 }),
            newPassword: Type.String({ minLength: 1, maxLength: 1000 }),
          }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await changeOwnPassword(deps, sessionOf(req), req.body.currentPassword, req.body.newPassword);
        return { ok: true as const };
      },
    );

    app.put(
      '/api/v1/me/organisation',
      {
        config: { authz: rule.user },
        schema: {
          tags: ['me'],
          summary: 'Switch the current organisation',
          body: Type.Object({ organisationId: Uuid }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await switchOrganisation(deps, sessionOf(req), req.body.organisationId);
        return { ok: true as const };
      },
    );
  };
}
