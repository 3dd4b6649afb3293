import type { AppDeps } from '../../platform/deps.ts';
import { hashSecret } from '../../platform/auth/tokens.ts';
import type { PrincipalResolver } from '../../platform/http/guard.ts';
import { HotReadCache, hotReadsOf } from '../../platform/http/hot-read-cache.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { dateInZone } from '../../platform/time.ts';
import { findApiTokenBySecret, touchApiToken } from '../tokens/tokens.repository.ts';
import { findUserById, rolesOfUser } from '../users/users.repository.ts';
import { findLiveSession, updateSession } from './sessions.repository.ts';

const EXTEND_AFTER_MS = 5 * 60_000;

/**
 * Turns a session cookie or a bearer token into a principal. Roles are read
 * fresh for every request that changes something; read-only requests may reuse
 * a principal read within HOT_READ_CACHE_MS (a player's Range requests).
 */
export function createPrincipalResolver(deps: AppDeps): PrincipalResolver & {
  pendingTotpSecret(sessionId: string): Promise<string | null>;
} {
  const recent = new HotReadCache<string, SessionPrincipal | null>(deps.config.hotReadCacheMs, deps.now, hotReadsOf(deps));

  async function readSession(secretHash: string): Promise<SessionPrincipal | null> {
    const now = deps.now();
    const session = await findLiveSession(deps.db, secretHash, now);
    if (!session) return null;
    const user = await findUserById(deps.db, session.userId);
    if (!user || user.disabledAt) return null;
    // Sliding idle timeout, written at most every few minutes.
    const ttl = deps.config.sessionTtlHours * 3_600_000;
    const renewed = session.expiresAt.getTime() - now.getTime() < ttl - EXTEND_AFTER_MS;
    if (renewed) await updateSession(deps.db, session.id, { expiresAt: new Date(now.getTime() + ttl) });
    return {
      kind: 'session',
      sessionId: session.id,
      userId: user.id,
      login: user.login,
      fullName: user.fullName,
      isPlatformAdmin: user.isPlatformAdmin,
      totpEnabled: user.totpEnabledAt !== null,
      secondFactorDone: session.secondFactorDone,
      csrfToken: session.csrfToken,
      currentOrganisationId: session.organisationId,
      locale: user.locale,
      roles: await rolesOfUser(deps.db, user.id, dateInZone(now)),
      renewed,
    };
  }

  return {
    async fromSessionCookie(value, readOnly) {
      const key = hashSecret(value);
      return readOnly ? recent.get(key, () => readSession(key)) : readSession(key);
    },
    async fromBearerToken(value) {
      const token = await findApiTokenBySecret(deps.db, hashSecret(value));
      if (!token || token.revokedAt) return null;
      const now = deps.now();
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) await touchApiToken(deps.db, token.id, now);
      return { kind: 'token', tokenId: token.id, organisationId: token.organisationId, scope: token.scope };
    },
    async pendingTotpSecret(sessionId) {
      const s = await findLiveSession(deps.db, sessionId, deps.now());
      return s?.pendingTotpSecret ?? null;
    },
  };
}
