import { randomUUID } from 'node:crypto';
import { GRANTABLE_ROLES, type Locale, type OrgRole } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { PLATFORM_LEDGER_ID, type AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { dateInZone } from '../../platform/time.ts';
import {
  deleteMembership,
  findUserById,
  findUserByLogin,
  insertMembership,
  insertUser,
  rolesOfUser,
  updateUser,
} from './users.repository.ts';

export interface NewUser {
  login: string;
  fullName: string;
  password: string;
  email?: string;
  isPlatformAdmin?: boolean;
  locale?: Locale;
  /** Optional first membership. */
  organisationId?: string;
  role?: OrgRole;
}

export async function createUser(deps: AppDeps, actor: Actor, input: NewUser) {
  const login = input.login.toLowerCase();
  assertAcceptablePassword(input.password, login);
  if (input.role) assertGrantable(input.role);
  if (await findUserByLogin(deps.db, login)) throw new AppError('user.login_taken', { login });
  if (input.organisationId && !(await findOrganisation(deps.db, input.organisationId))) {
    throw new AppError('organisation.not_found');
  }
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    await insertUser(tx, {
      id,
      login,
      fullName: input.fullName,
      email: input.email ?? null,
      passwordHash,
      isPlatformAdmin: input.isPlatformAdmin ?? false,
      locale: input.locale ?? null,
    });
    const payload = { login, fullName: input.fullName, isPlatformAdmin: input.isPlatformAdmin ?? false };
    await appendLedgerEntry(
      tx,
      {
        organisationId: input.organisationId ?? PLATFORM_LEDGER_ID,
        actor,
        action: 'user.created',
        subjectType: 'user',
        subjectId: id,
        payload,
      },
      deps.now(),
    );
    if (input.organisationId && input.role) await grant(tx, deps, actor, id, input.organisationId, input.role);
  });
  return { id, login, fullName: input.fullName };
}

function assertGrantable(role: OrgRole) {
  if (!(GRANTABLE_ROLES as readonly string[]).includes(role)) throw new AppError('membership.role_not_grantable', { role });
}

async function grant(tx: DbOrTx, deps: AppDeps, actor: Actor, userId: string, organisationId: string, role: OrgRole) {
  await insertMembership(tx, { userId, organisationId, role });
  await appendLedgerEntry(
    tx,
    { organisationId, actor, action: 'membership.granted', subjectType: 'user', subjectId: userId, payload: { role } },
    deps.now(),
  );
}

export async function grantRole(deps: AppDeps, actor: Actor, organisationId: string, userId: string, role: OrgRole) {
  assertGrantable(role);
  if (!(await findOrganisation(deps.db, organisationId))) throw new AppError('organisation.not_found');
  if (!(await findUserById(deps.db, userId))) throw new AppError('user.not_found');
  await deps.db.transaction(async (tx) => {
    // R444-6: the responsible person cannot also be the head who appoints and oversees them.
    if (role === 'head' && (await rolesOfUser(tx, userId, dateInZone(deps.now()))).get(organisationId)?.has('responsible'))
      throw new AppError('membership.responsible_cannot_be_head');
    await grant(tx, deps, actor, userId, organisationId, role);
  });
}

export async function revokeRole(deps: AppDeps, actor: Actor, organisationId: string, userId: string, role: OrgRole) {
  await deps.db.transaction(async (tx) => {
    const removed = await deleteMembership(tx, userId, organisationId, role);
    if (removed.length === 0) throw new AppError('membership.not_found');
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'membership.revoked', subjectType: 'user', subjectId: userId, payload: { role } },
      deps.now(),
    );
  });
}

/**
 * A user changes their own password. `hooks.verified` runs once the current password proved right
 * (the caller gives back its throttled attempt); `hooks.inTransaction` runs with the change (the
 * caller ends the user's other sessions).
 */
export async function changePassword(
  deps: AppDeps,
  userId: string,
  current: string,
  next: string,
  hooks: { verified?: () => Promise<void>; inTransaction?: (tx: DbOrTx) => Promise<void> } = {},
) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('user.not_found');
  if (!(await verifyPassword(user.passwordHash, current))) throw new AppError('password.current_wrong');
  await hooks.verified?.();
  assertAcceptablePassword(next, user.login);
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, userId, { passwordHash });
    await hooks.inTransaction?.(tx);
    await appendLedgerEntry(
      tx,
      {
        organisationId: PLATFORM_LEDGER_ID,
        actor: { kind: 'user', id: userId },
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: userId,
        payload: {},
      },
      deps.now(),
    );
  });
}

export async function setLocale(deps: AppDeps, userId: string, locale: Locale) {
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, userId, { locale });
    await appendLedgerEntry(
      tx,
      {
        organisationId: PLATFORM_LEDGER_ID,
        actor: { kind: 'user', id: userId },
        action: 'user.locale_changed',
        subjectType: 'user',
        subjectId: userId,
        payload: { locale },
      },
      deps.now(),
    );
  });
}
