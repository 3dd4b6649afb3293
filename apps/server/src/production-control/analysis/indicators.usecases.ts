import { randomUUID } from 'node:crypto';
import type { IndicatorDefinition } from '@baqylau/contracts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { definitionsInForce, insertDefinition } from './indicators.repository.ts';

const CODE = /^[a-z][a-z0-9_]{1,39}$/;
const SHARE = new Set(['measures_closed_on_time_share', 'reopened_share', 'inspections_done_share']);

/**
 * R315-20: the head or the service's head edits an indicator (names, computation, target, direction,
 * in use or not) or adds one: a new write-once version; analyses already presented keep theirs.
 */
export async function defineIndicator(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  input: Omit<IndicatorDefinition, 'version'>,
) {
  if (!CODE.test(input.code)) throw new AppError('pc.indicator_code_invalid', { field: 'code', value: input.code });
  if (!Number.isFinite(input.target) || input.target < 0 || (SHARE.has(input.formula) && input.target > 100))
    throw new AppError('pc.indicator_target_invalid', { field: 'target', value: input.target, formula: input.formula });
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId); // versions follow one another
    const current = (await definitionsInForce(tx, organisationId)).find((d) => d.code === input.code);
    const next = { ...input, nameKk: input.nameKk.trim(), nameRu: input.nameRu.trim(), nameEn: input.nameEn.trim() };
    const fields = ['nameKk', 'nameRu', 'nameEn', 'formula', 'target', 'direction', 'active'] as const;
    if (current && fields.every((f) => current[f] === next[f]))
      throw new AppError('pc.indicator_unchanged', { code: input.code, version: current.version });
    const row = {
      id: randomUUID(),
      organisationId,
      ...next,
      version: (current?.version ?? 0) + 1,
      createdBy: actor.id,
      createdAt: deps.now(),
    };
    await insertDefinition(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.indicator_defined',
      subjectType: 'pc_indicator_definition',
      subjectId: row.id,
      payload: { ...next, version: row.version },
    });
    return { ...next, version: row.version };
  });
}
