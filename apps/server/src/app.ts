import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from './platform/deps.ts';
import { SERVER_ROOT } from './platform/server-root.ts';
import { httpDuration } from './platform/metrics/metrics.ts';
import { rule } from './platform/http/authz.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { loggerOptions } from './platform/logging.ts';
import { installStrictInput } from './platform/http/strict-input.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { installGuard, requireAuthzOnEveryRoute } from './platform/http/guard.ts';
import { hotReadsOf } from './platform/http/hot-read-cache.ts';
import { ErrorBody } from './platform/http/schemas.ts';
import { createPrincipalResolver } from './kernel/auth/auth.resolver.ts';
import { kernelRoutes } from './kernel/kernel.routes.ts';
import { renewSessionCookies } from './kernel/auth/auth.routes.ts';
import { servesOrganisationType } from './kernel/organisations/serves-organisation-type.ts';
import { RULE_SETS } from './composition/rule-sets.ts';

export interface AppOptions {
  /** The log's level; `stream` takes the lines instead of stdout (tests read them). Secrets are redacted (platform/logging.ts). */
  logger?: false | { level: string; stream?: { write(line: string): void } };
  /** Built SPA to serve; omitted in API tests. */
  webDist?: string;
}

const DEFAULT_WEB_DIST = path.resolve(SERVER_ROOT, '../web/dist');

export async function createApp(deps: AppDeps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? loggerOptions(opts.logger.level, opts.logger.stream) : false,
    // Only configured proxies may name the client's address (it is recorded in the ledger at sign-in).
    trustProxy: deps.config.trustProxy.length ? deps.config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  requireAuthzOnEveryRoute(app, ['/api/docs']);
  // Latency by route pattern (never the URL: ids would make a series per recording).
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });
  await installSecurityHeaders(app, deps.config.publicUrl);
  await app.register(cookie);
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Baqylau API', version: '0.1.0', description: 'Record-keeping for Kazakhstan inspection and supervision rules' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'baqylau_session' },
          dockToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', validatorUrl: null } });

  const resolver = createPrincipalResolver(deps);
  installGuard(app, resolver, hotReadsOf(deps));
  installErrorHandler(app, deps.translator);
  installStrictInput(app);
  renewSessionCookies(app, deps);

  app.get('/api/openapi.json', { config: { authz: rule.public }, schema: { hide: true } }, async () => app.swagger());

  await app.register(kernelRoutes(deps, resolver));
  for (const ruleSet of RULE_SETS) {
    const routes = ruleSet.routes?.(deps);
    if (!routes) continue;
    await app.register(async (scope) => {
      servesOrganisationType(scope, deps.db, ruleSet.organisationType);
      await scope.register(routes);
    });
  }

  const webDist = opts.webDist ?? DEFAULT_WEB_DIST;
  if (opts.webDist !== undefined || fs.existsSync(path.join(webDist, 'index.html'))) await serveWeb(app, webDist);
  return app;
}

/** The SPA: static assets, and index.html for any other non-API GET (client-side routes). */
async function serveWeb(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, { root, wildcard: false, index: false, serve: false });
  app.get('/', { config: { authz: rule.public }, schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  app.get('/assets/*', { config: { authz: rule.public }, schema: { hide: true } }, (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path.join('assets', rel));
  });
  // The installable app (issue 18): its service worker (scope `/`, so never cached for long), manifest and icon;
  // index.html by name too, since the worker precaches it for the pages opened offline.
  for (const file of ['sw.js', 'registerSW.js', 'manifest.webmanifest', 'icon.svg', 'index.html'])
    app.get(`/${file}`, { config: { authz: rule.public }, schema: { hide: true } }, (_req, reply) =>
      reply.header('cache-control', 'no-cache').sendFile(file),
    );
  app.get('/app', { config: { authz: rule.public }, schema: { hide: true } }, (_req, reply) => reply.redirect('/app/'));
  app.get('/app/*', { config: { authz: rule.public }, schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
}
