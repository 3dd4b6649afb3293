import { PLATFORM_LEDGER_ID, type AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/password.ts';
import { checkTotp, newTotpSecret, totpEnrolment } from '../../platform/auth/totp.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { dateInZone } from '../../platform/time.ts';
import { findUserById, findUserByLogin, recordFailedLogin, rolesOfUser, updateUser, type UserRow } from '../users/users.repository.ts';
import { insertSession, revokeAllSessions, revokeSession, updateSession } from './sessions.repository.ts';

export const MAX_FAILED_BEFORE_LOCK = 5;

/** After 5 failures: 1, 2, 4 … minutes, at most an hour. */
export function lockoutUntil(failed: number, now: Date): Date | null {
  if (failed < MAX_FAILED_BEFORE_LOCK) return null;
  const minutes = Math.min(2 ** (failed - MAX_FAILED_BEFORE_LOCK), 60);
  return new Date(now.getTime() + minutes * 60_000);
}

export type LoginStatus = 'ok' | 'totp_required' | 'totp_enrolment_required';

function assertNotLocked(user: UserRow, now: Date) {
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('auth.locked', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) });
  }
}

async function countFailure(deps: AppDeps, user: UserRow, code: 'auth.invalid_credentials' | 'auth.totp_invalid'): Promise<never> {
  const now = deps.now();
  const { lockedUntil } = await recordFailedLogin(deps.db, user.id, (n) => lockoutUntil(n, now));
  if (lockedUntil) {
    await appendLedgerEntry(
      deps.db,
      {
        organisationId: PLATFORM_LEDGER_ID,
        actor: { kind: 'system', id: null },
        action: 'auth.locked',
        subjectType: 'user',
        subjectId: user.id,
        payload: { until: lockedUntil.toISOString() },
      },
      now,
    );
  }
  throw new AppError(code);
}

export async function login(deps: AppDeps, input: { login: string; password: string; ip?: string; userAgent?: string }) {
  const now = deps.now();
  const user = await findUserByLogin(deps.db, input.login);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password); // same cost as a real check
    throw new AppError('auth.invalid_credentials');
  }
  assertNotLocked(user, now);
  if (!(await verifyPassword(user.passwordHash, input.password))) return countFailure(deps, user, 'auth.invalid_credentials');
  if (user.disabledAt) throw new AppError('auth.account_disabled');

  const roles = await rolesOfUser(deps.db, user.id, dateInZone(now));
  const token = newSecret('bqs_');
  const session = {
    id: hashSecret(token),
    userId: user.id,
    organisationId: [...roles.keys()][0] ?? null,
    csrfToken: newSecret(),
    secondFactorDone: false,
    expiresAt: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  };
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await insertSession(tx, session);
    await appendLedgerEntry(
      tx,
      {
        organisationId: PLATFORM_LEDGER_ID,
        actor: { kind: 'user', id: user.id },
        action: 'auth.signed_in',
        subjectType: 'session',
        subjectId: session.id.slice(0, 16),
        payload: { ip: session.ip },
      },
      now,
    );
  });
  const needs = user.isPlatformAdmin || [...roles.values()].some((r) => r.has('head') || r.has('responsible'));
  const status: LoginStatus = user.totpEnabledAt ? 'totp_required' : needs ? 'totp_enrolment_required' : 'ok';
  return { token, status, csrfToken: session.csrfToken };
}

export async function verifySecondFactor(deps: AppDeps, p: SessionPrincipal, code: string) {
  const user = await findUserById(deps.db, p.userId);
  if (!user?.totpSecret || !user.totpEnabledAt) throw new AppError('auth.totp_not_started');
  assertNotLocked(user, deps.now());
  if (!checkTotp(user.totpSecret, code, deps.now().getTime())) return countFailure(deps, user, 'auth.totp_invalid');
  await updateUser(deps.db, user.id, { failedLogins: 0 });
  await updateSession(deps.db, p.sessionId, { secondFactorDone: true });
}

/**
 * A fresh second factor for an irreversible step (deletion of recordings,
 * R444-6): the code is checked again even though the session passed TOTP at
 * sign-in; failures count towards the lockout like any sign-in.
 */
export async function confirmSecondFactorAgain(deps: AppDeps, userId: string, code: string) {
  const user = await findUserById(deps.db, userId);
  if (!user?.totpSecret || !user.totpEnabledAt) throw new AppError('auth.second_factor_enrolment_required');
  assertNotLocked(user, deps.now());
  if (!checkTotp(user.totpSecret, code, deps.now().getTime())) return countFailure(deps, user, 'auth.totp_invalid');
  await updateUser(deps.db, user.id, { failedLogins: 0 });
}

export async function startTotpEnrolment(deps: AppDeps, p: SessionPrincipal) {
  if (p.totpEnabled) throw new AppError('auth.totp_already_enabled');
  const secret = newTotpSecret();
  await updateSession(deps.db, p.sessionId, { pendingTotpSecret: secret });
  return totpEnrolment(secret, p.login);
}

export async function confirmTotpEnrolment(deps: AppDeps, p: SessionPrincipal, pendingSecret: string | null, code: string) {
  if (p.totpEnabled) throw new AppError('auth.totp_already_enabled');
  if (!pendingSecret) throw new AppError('auth.totp_not_started');
  if (!checkTotp(pendingSecret, code, deps.now().getTime())) throw new AppError('auth.totp_invalid');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, p.userId, { totpSecret: pendingSecret, totpEnabledAt: now });
    await updateSession(tx, p.sessionId, { secondFactorDone: true, pendingTotpSecret: null });
    await appendLedgerEntry(
      tx,
      {
        organisationId: PLATFORM_LEDGER_ID,
        actor: { kind: 'user', id: p.userId },
        action: 'user.totp_enabled',
        subjectType: 'user',
        subjectId: p.userId,
        payload: {},
      },
      now,
    );
  });
}

export const logout = (deps: AppDeps, p: SessionPrincipal) => revokeSession(deps.db, p.sessionId, deps.now());

export async function logoutEverywhere(deps: AppDeps, p: SessionPrincipal) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const revoked = await revokeAllSessions(tx, p.userId, now);
    await appendLedgerEntry(
      tx,
      {
        organisationId: PLATFORM_LEDGER_ID,
        actor: { kind: 'user', id: p.userId },
        action: 'auth.signed_out_everywhere',
        subjectType: 'user',
        subjectId: p.userId,
        payload: { sessions: revoked.length },
      },
      now,
    );
  });
}

export async function switchOrganisation(deps: AppDeps, p: SessionPrincipal, organisationId: string) {
  if (!p.roles.has(organisationId)) throw new AppError('organisation.not_member');
  await updateSession(deps.db, p.sessionId, { organisationId });
}

/**
 * The inspector "signs" a journal entry by authenticating on the responsible
 * person's screen (DESIGN §6: until EDS signing is built, the signature is the
 * signer's own authentication, recorded in the ledger). Failures count towards
 * the account lockout like any sign-in.
 */
export async function verifySignerCredentials(deps: AppDeps, userId: string, c: { login: string; password: string; totpCode?: string }) {
  const now = deps.now();
  const user = await findUserByLogin(deps.db, c.login);
  if (!user || user.id !== userId) {
    await verifyPassword(await dummyPasswordHash(), c.password);
    throw new AppError('journal.inspector_signature_invalid');
  }
  assertNotLocked(user, now);
  const passwordOk = await verifyPassword(user.passwordHash, c.password);
  const totpOk = !user.totpEnabledAt || (c.totpCode !== undefined && checkTotp(user.totpSecret!, c.totpCode, now.getTime()));
  if (!passwordOk || !totpOk || user.disabledAt) {
    await recordFailedLogin(deps.db, user.id, (n) => lockoutUntil(n, now));
    throw new AppError('journal.inspector_signature_invalid');
  }
  await updateUser(deps.db, user.id, { failedLogins: 0 });
  return user;
}
