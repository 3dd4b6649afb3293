import { PLATFORM_LEDGER_ID, type AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/password.ts';
import { newTotpSecret, totpEnrolment, totpStep } from '../../platform/auth/totp.ts';
import { hashSecret, newSecret } from '../../platform/auth/tokens.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { dateInZone } from '../../platform/time.ts';
import { findUserById, findUserByLogin, rolesOfUser, takeTotpStep, updateUser, type UserRow } from '../users/users.repository.ts';
import { claimAttempt } from './login-throttle.ts';
import { insertSession, revokeAllSessions, revokeOtherSessions, revokeSession, updateSession } from './sessions.repository.ts';
import { changePassword } from '../users/users.usecases.ts';

export type LoginStatus = 'ok' | 'totp_required' | 'totp_enrolment_required';

/**
 * Takes a second-factor code for the account: right, and of a time step later than the last one
 * used (a code works once, whether at sign-in or at a re-confirmation). Guesses are throttled by
 * account like passwords. The step is taken in one statement, so two requests racing with the same
 * code cannot both win.
 */
async function takeTotpCode(deps: AppDeps, user: UserRow, code: string): Promise<void> {
  const now = deps.now();
  const attempt = await claimAttempt(deps.db, [{ kind: 'account', login: user.login }], now);
  const step = user.totpSecret ? totpStep(user.totpSecret, code, now.getTime()) : null;
  if (step === null || !(await takeTotpStep(deps.db, user.id, step))) throw new AppError('auth.totp_invalid');
  await attempt.release();
}

/** Known and unknown logins answer alike: the same throttle, the same argon2 cost, the same refusal. */
export async function login(deps: AppDeps, input: { login: string; password: string; ip?: string; userAgent?: string }) {
  const now = deps.now();
  const attempt = await claimAttempt(
    deps.db,
    [{ kind: 'account', login: input.login }, ...(input.ip ? [{ kind: 'address' as const, ip: input.ip }] : [])],
    now,
  );
  const user = await findUserByLogin(deps.db, input.login);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !passwordOk) throw new AppError('auth.invalid_credentials');
  await attempt.release();
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
  await takeTotpCode(deps, user, code);
  await updateSession(deps.db, p.sessionId, { secondFactorDone: true });
}

/**
 * A fresh second factor for an irreversible step (deletion of recordings,
 * R444-6): a new code is asked even though the session passed TOTP at sign-in
 * (the one used to sign in does not work again); guesses are throttled like any sign-in.
 */
export async function confirmSecondFactorAgain(deps: AppDeps, userId: string, code: string) {
  const user = await findUserById(deps.db, userId);
  if (!user?.totpSecret || !user.totpEnabledAt) throw new AppError('auth.second_factor_enrolment_required');
  await takeTotpCode(deps, user, code);
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
  const now = deps.now();
  const step = totpStep(pendingSecret, code, now.getTime());
  if (step === null) throw new AppError('auth.totp_invalid');
  await deps.db.transaction(async (tx) => {
    // The code that confirmed the app is spent: it does not sign in again.
    await updateUser(tx, p.userId, { totpSecret: pendingSecret, totpEnabledAt: now, totpLastStep: step });
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

/**
 * The signed-in user changes their password: wrong current passwords are throttled like sign-ins
 * (a stolen session must not become a password oracle), and the change ends every other session
 * of the user — whoever else held one is out.
 */
export async function changeOwnPassword(deps: AppDeps, p: SessionPrincipal, current: string, next: string) {
  const now = deps.now();
  const attempt = await claimAttempt(deps.db, [{ kind: 'account', login: p.login }], now);
  await changePassword(deps, p.userId, current, next, {
    verified: () => attempt.release(),
    inTransaction: async (tx) => {
      await revokeOtherSessions(tx, p.userId, p.sessionId, now);
    },
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
 * signer's own authentication, recorded in the ledger). Guesses are throttled by
 * account like any sign-in, and the TOTP code is spent like one.
 */
export async function verifySignerCredentials(deps: AppDeps, userId: string, c: { login: string; password: string; totpCode?: string }) {
  const now = deps.now();
  const attempt = await claimAttempt(deps.db, [{ kind: 'account', login: c.login }], now);
  const found = await findUserByLogin(deps.db, c.login);
  const user = found?.id === userId ? found : undefined;
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), c.password);
  const totpOk =
    !user?.totpEnabledAt ||
    (passwordOk && c.totpCode !== undefined && user.totpSecret !== null && (await takeTotpStepOf(deps, user, c.totpCode, now)));
  if (!user || !passwordOk || !totpOk || user.disabledAt) throw new AppError('journal.inspector_signature_invalid');
  await attempt.release();
  return user;
}

async function takeTotpStepOf(deps: AppDeps, user: UserRow, code: string, now: Date) {
  const step = totpStep(user.totpSecret!, code, now.getTime());
  return step !== null && takeTotpStep(deps.db, user.id, step);
}
