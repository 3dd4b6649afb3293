import { randomUUID } from 'node:crypto';
import { isValidBin } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { rolesOfUser } from '../../kernel/users/users.repository.ts';
import type { ActivityType } from './activities.table.ts';
import { insertActivity } from './activities.repository.ts';

export interface NewActivity {
  type: ActivityType;
  referenceNumber: string;
  subjectBin: string;
  subjectName: string;
  objectName: string;
  objectAddress: string;
  plannedStart: string;
  plannedEnd: string;
  inspectorIds: string[];
}

/** R444-4, R444-5: a control activity with its subject (BIN), object and assigned inspectors. */
export async function registerActivity(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: NewActivity) {
  if (!isValidBin(input.subjectBin)) throw new AppError('activity.subject_bin_invalid', { bin: input.subjectBin });
  const plannedStart = new Date(input.plannedStart);
  const plannedEnd = new Date(input.plannedEnd);
  if (!(plannedEnd > plannedStart)) throw new AppError('activity.period_invalid');
  const today = dateInZone(deps.now());
  for (const id of new Set(input.inspectorIds)) {
    const roles = (await rolesOfUser(deps.db, id, today)).get(organisationId);
    if (!roles?.has('inspector')) throw new AppError('activity.inspector_not_member');
  }
  const { inspectorIds, ...rest } = input;
  const row = { id: randomUUID(), organisationId, ...rest, plannedStart, plannedEnd, createdBy: actor.id };
  await deps.db.transaction(async (tx) => {
    await insertActivity(tx, row, [...new Set(inspectorIds)]);
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'activity.registered', subjectType: 'activity', subjectId: row.id, payload: { ...input } },
      deps.now(),
    );
  });
  return row;
}
