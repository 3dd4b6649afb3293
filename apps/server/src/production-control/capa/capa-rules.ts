import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { findUnit } from '../facilities/facilities.repository.ts';
import { rolesInOrganisation } from '../officials/people.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { findCapa, type CapaRow } from './capa.repository.ts';

/** A required text (analysis, evidence, reason): blank is refused naming the field, never stored empty. */
export function needText(field: string, value: string | null | undefined): string {
  const v = (value ?? '').trim();
  if (!v) throw new AppError('pc.capa_text_required', { field });
  return v;
}

export const today = (deps: AppDeps) => dateInZone(deps.now());
export const thisYear = (deps: AppDeps) => Number(today(deps).slice(0, 4));

/** Roles that see every CAPA of the organisation (point 25: the head and the official have full access). */
const FULL_READERS = new Set(['head', 'pc_service_head', 'pc_official', 'auditor']);

/**
 * Who reads which CAPA: the service, the head and the auditor all of them; a unit head only those of a unit
 * they head (null = no restriction). Anyone else sees none.
 */
export async function unitHeadRestriction(db: DbOrTx, organisationId: string, userId: string): Promise<string | null> {
  const roles = await rolesInOrganisation(db, organisationId, userId);
  if ([...roles].some((r) => FULL_READERS.has(r))) return null;
  return userId;
}

/** A CAPA the caller may see (a unit head's foreign CAPA is "not found", as on every other list). */
export async function visibleCapa(db: DbOrTx, organisationId: string, capaId: string, userId: string) {
  const capa = await findCapa(db, organisationId, capaId);
  if (!capa) throw new AppError('pc.capa_not_found');
  if (await unitHeadRestriction(db, organisationId, userId)) {
    const unit = capa.unitId ? await findUnit(db, organisationId, capa.unitId) : undefined;
    if (unit?.headId !== userId) throw new AppError('pc.capa_not_found');
  }
  return capa;
}

/** The CAPA locked for a change, refused once closed (and in any state not listed). */
export async function capaFor(tx: DbOrTx, organisationId: string, capaId: string, allowed: readonly CapaRow['status'][]) {
  const capa = await findCapa(tx, organisationId, capaId, true);
  if (!capa) throw new AppError('pc.capa_not_found');
  if (capa.status === 'closed') throw new AppError('pc.capa_closed', { number: capa.number });
  if (!allowed.includes(capa.status)) throw new AppError('pc.capa_status_invalid', { number: capa.number, status: capa.status });
  return capa;
}

export const capaEvent = (
  tx: DbOrTx,
  deps: AppDeps,
  actor: Actor,
  capa: Pick<CapaRow, 'id' | 'organisationId' | 'number'>,
  action: string,
  payload: Record<string, unknown>,
) =>
  recordPcEvent(tx, deps, {
    organisationId: capa.organisationId,
    actor,
    action,
    subjectType: 'pc_capa',
    subjectId: capa.id,
    payload: { number: capa.number, ...payload },
  });
