import type { AppDeps } from '../../platform/deps.ts';
import { PLATFORM_LEDGER_ID } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { SYSTEM_ACTOR } from '../../platform/ledger/ledger.types.ts';
import { signAllCheckpoints } from '../../platform/ledger/checkpoints.ts';
import { createOrganisation } from '../organisations/organisations.usecases.ts';
import { createUser } from '../users/users.usecases.ts';
import { updateUser } from '../users/users.repository.ts';
import { DEMO_PASSWORD, KERNEL_DEMO_USERS } from './demo-data.ts';
import type { DemoIds, RuleSetDemo } from './demo.types.ts';

/**
 * The demo's organisations and people: the platform administrator, then each rule set's
 * organisation with its people, through the same use cases as a real request. Records
 * (RuleSetDemo.seedRecords) are added by `baqylau demo`, not here.
 */
export async function seedDemo(deps: AppDeps, demos: RuleSetDemo[]): Promise<DemoIds> {
  const orgIds = new Map<string, string>();
  for (const o of demos.flatMap((d) => d.organisations)) {
    const { key, ...input } = o;
    orgIds.set(key, (await createOrganisation(deps, SYSTEM_ACTOR, input)).id);
  }
  const userIds = new Map<string, string>();
  for (const u of [...KERNEL_DEMO_USERS, ...demos.flatMap((d) => d.users)]) {
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
  const ids = { orgIds, userIds };
  for (const d of demos) await d.prepare?.(deps, ids);
  await signAllCheckpoints(deps.db, deps.instanceKey, deps.now());
  return ids;
}
