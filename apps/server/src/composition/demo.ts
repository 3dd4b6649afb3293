import type { AppDeps } from '../platform/deps.ts';
import { KERNEL_DEMO_USERS } from '../kernel/demo/demo-data.ts';
import type { DemoIds } from '../kernel/demo/demo.types.ts';
import { seedDemo as seedDemoOf } from '../kernel/demo/seedDemo.ts';
import { RULE_SETS } from './rule-sets.ts';

export { DEMO_PASSWORD } from '../kernel/demo/demo-data.ts';

const demos = RULE_SETS.flatMap((r) => (r.demo ? [r.demo] : []));

/** Every demo account (README → "Demo"): the administrator, then each rule set's people. */
export const DEMO_USERS = [...KERNEL_DEMO_USERS, ...demos.flatMap((d) => d.users)];
export const DEMO_ORGS = demos.flatMap((d) => d.organisations);

/** Organisations and people of every rule set (the tests' world starts from this). */
export const seedDemo = (deps: AppDeps) => seedDemoOf(deps, demos);

/**
 * The records a newcomer sees in `baqylau demo`: each rule set's. A rule set's own tests name just theirs
 * (`only`): every rule set's records take seconds to seed, and each test file seeds them again.
 */
export async function seedDemoRecords(deps: AppDeps, ids: DemoIds, only?: readonly string[]) {
  for (const r of RULE_SETS) if (r.demo && (!only || only.includes(r.id))) await r.demo.seedRecords?.(deps, ids);
}
