import type { AppDeps } from '../../platform/deps.ts';
import type { DemoIds } from '../../kernel/demo/demo.types.ts';
import { addMemberOrganisation, assignCoordinator } from '../member-organisations/member-organisations.usecases.ts';
import { DEMO_COORDINATORS, DEMO_MEMBER_ORGANISATIONS, type DemoMemberKey } from './demo-data.ts';

/** What the union's people need to work: the member organisations and who coordinates each (through the use cases). */
export async function prepareCompetitionDemo(deps: AppDeps, ids: DemoIds) {
  const union = ids.orgIds.get('union')!;
  const head = { kind: 'user' as const, id: ids.userIds.get('union')! };
  const members = new Map<DemoMemberKey, string>();
  for (const [key, names] of Object.entries(DEMO_MEMBER_ORGANISATIONS) as [DemoMemberKey, { nameKk: string; nameRu: string }][])
    members.set(key, (await addMemberOrganisation(deps, head, union, names)).id);
  for (const [login, key] of Object.entries(DEMO_COORDINATORS))
    await assignCoordinator(deps, head, union, members.get(key)!, ids.userIds.get(login)!);
}
