import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/deps.ts';
import type { createPrincipalResolver } from './auth/auth.resolver.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { appointmentRoutes } from './appointments/appointments.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { tokenRoutes } from './tokens/tokens.routes.ts';
import { userRoutes } from './users/users.routes.ts';

/** The kernel's routes: health, accounts, organisations, appointments by order, tokens, audit, notifications. */
export function kernelRoutes(deps: AppDeps, resolver: ReturnType<typeof createPrincipalResolver>): FastifyPluginAsync {
  return async (app) => {
    await app.register(healthRoutes(deps));
    await app.register(authRoutes(deps, resolver.pendingTotpSecret));
    await app.register(organisationRoutes(deps));
    await app.register(userRoutes(deps));
    await app.register(appointmentRoutes(deps));
    await app.register(tokenRoutes(deps));
    await app.register(auditRoutes(deps));
    await app.register(notificationRoutes(deps));
  };
}
