import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { responses } from '../../platform/http/schemas.ts';

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { authz: rule.public },
        schema: {
          tags: ['health'],
          summary: 'Liveness and which database engine is in use',
          response: responses({
            200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]) }),
          }),
        },
      },
      async () => {
        await deps.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, database: deps.engine };
      },
    );

    const Check = Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]);
    app.get(
      '/readyz',
      {
        config: { authz: rule.public },
        schema: {
          tags: ['health'],
          summary: 'Readiness for a load balancer: 503 while the database or the object store cannot be reached',
          response: responses({
            200: Type.Object({ status: Type.Literal('ready'), database: Check, storage: Check }),
            503: Type.Object({ status: Type.Literal('unready'), database: Check, storage: Check }),
          }),
        },
      },
      async (_req, reply) => {
        // Each check is bounded: a hung bucket must not hang the load balancer's probe.
        const check = (p: Promise<unknown>) =>
          Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref())]).then(
            () => 'ok' as const,
            () => 'unreachable' as const,
          );
        const [database, storage] = await Promise.all([
          check(deps.db.execute(sql`SELECT 1`)),
          check(deps.store.ping?.() ?? Promise.resolve()),
        ]);
        if (database === 'ok' && storage === 'ok') return { status: 'ready' as const, database, storage };
        return reply.status(503).send({ status: 'unready' as const, database, storage });
      },
    );
  };
}
