import type { DbOrTx } from '../db/database.ts';
import { notifyRoles, notifyUsers } from '../kernel/notifications/notify.ts';

/** The first head(s): disputed deadlines, performers orders to sign, escalations, monthly results (R315-13, R315-17). */
export const notifyHeads = (tx: DbOrTx, organisationId: string, kind: string, payload: Record<string, unknown>, now: Date) =>
  notifyRoles(tx, organisationId, ['head'], kind, payload, now);

/** Named people (a unit head, a performer, an official), each once. */
export const notifyPeople = (
  tx: DbOrTx,
  organisationId: string,
  userIds: (string | null | undefined)[],
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
) => notifyUsers(tx, organisationId, [...new Set(userIds.filter((x): x is string => !!x))], kind, payload, now);
