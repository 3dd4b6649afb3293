import type { AppDeps } from '../platform/deps.ts';
import { PLATFORM_LEDGER_ID } from '../platform/deps.ts';
import { appendLedgerEntry } from '../platform/ledger/appendLedgerEntry.ts';
import { SYSTEM_ACTOR } from '../platform/ledger/ledger.types.ts';
import { signAllCheckpoints } from '../platform/ledger/checkpoints.ts';
import { dateInZone } from '../platform/time.ts';
import { createOrganisation } from '../kernel/organisations/organisations.usecases.ts';
import { createUser } from '../kernel/users/users.usecases.ts';
import { updateUser } from '../kernel/users/users.repository.ts';
import { appointResponsible } from '../kernel/appointments/appointments.usecases.ts';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';

/** A territorial subdivision with its people, plus one organisation of each other type. */
export async function seedDemo(deps: AppDeps) {
  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const { key, ...input } = o;
    orgIds.set(key, (await createOrganisation(deps, SYSTEM_ACTOR, input)).id);
  }
  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const created = await createUser(deps, SYSTEM_ACTOR, {
      login: u.login,
      fullName: u.fullName,
      password: DEMO_PASSWORD,
      isPlatformAdmin: u.admin,
      organisationId: u.org ? orgIds.get(u.org) : undefined,
      role: u.role,
    });
    userIds.set(u.login, created.id);
    if (u.totp) {
      await updateUser(deps.db, created.id, { totpSecret: u.totp, totpEnabledAt: deps.now() });
      await appendLedgerEntry(
        deps.db,
        {
          organisationId: PLATFORM_LEDGER_ID,
          actor: SYSTEM_ACTOR,
          action: 'user.totp_enabled',
          subjectType: 'user',
          subjectId: created.id,
          payload: { demo: true },
        },
        deps.now(),
      );
    }
  }
  const subdivision = orgIds.get('subdivision')!;
  const today = dateInZone(deps.now());
  await appointResponsible(deps, { kind: 'user', id: userIds.get('head')! }, subdivision, {
    personId: userIds.get('responsible')!,
    kind: 'primary',
    orderNumber: '12-ж',
    orderDate: today,
    validFrom: today,
  });
  await signAllCheckpoints(deps.db, deps.instanceKey, deps.now());
  return { orgIds, userIds };
}
