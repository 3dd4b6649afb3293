import type { AppDeps } from '../../platform/deps.ts';
import { usersByIds } from '../users/users.repository.ts';
import { listAccessRefusals } from './access-refusals.ts';

/** The refusal windows with the names of the users refused (the audit view's "refused access" list). */
export async function listRefusalWindows(deps: AppDeps, organisationId: string, q: { from?: Date; to?: Date; limit: number }) {
  const rows = await listAccessRefusals(deps, organisationId, q);
  const ids = [...new Set(rows.filter((r) => r.actorKind === 'user' && r.actorId).map((r) => r.actorId!))];
  const names = new Map((await usersByIds(deps.db, ids)).map((u) => [u.id, u.fullName]));
  return rows.map(({ organisationId: _o, actorKey: _k, ...r }) => ({
    ...r,
    actorName: r.actorKind === 'user' && r.actorId ? (names.get(r.actorId) ?? null) : null,
  }));
}
