import { randomUUID } from 'node:crypto';
import { isValidBin, type OrganisationType } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { DEFAULT_TIME_ZONE } from '../../platform/time.ts';
import { findOrganisationByBin, insertOrganisation } from './organisations.repository.ts';

export interface NewOrganisation {
  type: OrganisationType;
  nameKk: string;
  nameRu: string;
  bin: string;
  timeZone?: string;
}

export async function createOrganisation(deps: AppDeps, actor: Actor, input: NewOrganisation) {
  if (!isValidBin(input.bin)) throw new AppError('organisation.bin_invalid', { bin: input.bin });
  const taken = () => new AppError('organisation.bin_taken', { field: 'bin', bin: input.bin });
  if (await findOrganisationByBin(deps.db, input.bin)) throw taken();
  const row = { id: randomUUID(), ...input, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE };
  await deps.db.transaction(async (tx) => {
    // A second administrator creating the same BIN at the same moment meets the unique index.
    await insertOrganisation(tx, row).catch((e: unknown) => {
      throw isUniqueViolation(e) ? taken() : e;
    });
    await appendLedgerEntry(
      tx,
      { organisationId: row.id, actor, action: 'organisation.created', subjectType: 'organisation', subjectId: row.id, payload: row },
      deps.now(),
    );
  });
  return row;
}
