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
  };
}
