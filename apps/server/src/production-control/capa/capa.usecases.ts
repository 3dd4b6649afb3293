import { randomUUID } from 'node:crypto';
import type { CapaKind, CapaSource } from '@baqylau/contracts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findFacility, findUnit } from '../facilities/facilities.repository.ts';
import { capaEvent, capaFor, needText, thisYear } from './capa-rules.ts';
import { capasInYear, insertCapa, insertCapaViolations, insertCause, violationsByIds, type CapaRow } from './capa.repository.ts';
import { findCauseCategory } from './taxonomy.repository.ts';

export interface OpenCapaInput {
  kind: CapaKind;
  title: string;
  violationIds?: string[];
  facilityId?: string | null;
  unitId?: string | null;
  source?: CapaSource | null;
  sourceDescription?: string | null;
  forecastDescription?: string | null;
}

/** Corrective CAPAs are numbered ТІ-yyyy/NNN, preventive АІ-yyyy/NNN, in one sequence per organisation and year. */
const PREFIX: Record<CapaKind, string> = { corrective: 'ТІ', preventive: 'АІ' };

async function place(deps: AppDeps, organisationId: string, facilityId?: string | null, unitId?: string | null) {
  if (!facilityId) {
    if (unitId) throw new AppError('pc.capa_place_invalid', { field: 'unitId' });
    return { facilityId: null, unitId: null };
  }
  const facility = await findFacility(deps.db, organisationId, facilityId);
  if (!facility) throw new AppError('pc.capa_place_invalid', { field: 'facilityId' });
  if (unitId) {
    const unit = await findUnit(deps.db, organisationId, unitId);
    if (!unit || unit.facilityId !== facility.id) throw new AppError('pc.capa_place_invalid', { field: 'unitId' });
  }
  return { facilityId, unitId: unitId ?? null };
}

/**
 * R315-21: a corrective CAPA over one violation or a group (point 22(1): the analysis starts from them;
 * its place is theirs when they share it), or a preventive one from an information source (point 23(1)).
 */
export async function openCapa(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: OpenCapaInput) {
  const title = needText('title', input.title);
  const ids = [...new Set(input.violationIds ?? [])];
  let where: { facilityId: string | null; unitId: string | null };
  if (input.kind === 'corrective') {
    if (!ids.length) throw new AppError('pc.capa_violations_required', { field: 'violationIds' });
    if (input.source || input.forecastDescription || input.sourceDescription)
      throw new AppError('pc.capa_kind_fields', { field: 'source', kind: input.kind });
    const found = await violationsByIds(deps.db, organisationId, ids);
    const missing = ids.filter((id) => !found.some((v) => v.id === id));
    if (missing.length) throw new AppError('pc.capa_violation_invalid', { field: 'violationIds', ids: missing });
    const facilities = new Set(found.map((v) => v.facilityId));
    const units = new Set(found.map((v) => v.unitId));
    where = {
      facilityId: facilities.size === 1 ? found[0]!.facilityId : null,
      unitId: facilities.size === 1 && units.size === 1 ? found[0]!.unitId : null,
    };
  } else {
    if (ids.length) throw new AppError('pc.capa_kind_fields', { field: 'violationIds', kind: input.kind });
    if (!input.source) throw new AppError('pc.capa_source_required', { field: 'source' });
    needText('sourceDescription', input.sourceDescription);
    if (input.source === 'forecast') needText('forecastDescription', input.forecastDescription);
    where = await place(deps, organisationId, input.facilityId, input.unitId);
  }
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId); // numbers follow one another even when two are opened at once
    const year = thisYear(deps);
    const n = (await capasInYear(tx, organisationId, year)) + 1;
    const row: CapaRow = {
      id: randomUUID(),
      organisationId,
      number: `${PREFIX[input.kind]}-${year}/${String(n).padStart(3, '0')}`,
      year,
      kind: input.kind,
      title,
      ...where,
      source: input.kind === 'preventive' ? input.source! : null,
      sourceReference: input.kind === 'preventive' ? input.sourceDescription!.trim() : null,
      forecast: input.kind === 'preventive' ? input.forecastDescription?.trim() || null : null,
      status: 'open',
      round: 1,
      openedBy: actor.id,
      openedAt: deps.now(),
      closedBy: null,
      closedAt: null,
      closingNote: null,
    };
    await insertCapa(tx, row);
    await insertCapaViolations(
      tx,
      ids.map((violationId) => ({ capaId: row.id, violationId, organisationId })),
    );
    await capaEvent(tx, deps, actor, row, 'pc.capa_opened', { kind: row.kind, title, violationIds: ids, source: row.source, ...where });
    return row;
  });
}

/**
 * Point 22(2): the official records the cause found by the analysis — a cause from the taxonomy in use
 * (a retired one is no longer chosen) with the analysis text. Write-once; a further cause is a new record.
 */
export async function recordCause(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  capaId: string,
  input: { causeCategoryId: string; description: string },
) {
  const analysis = needText('description', input.description);
  return deps.db.transaction(async (tx) => {
    const capa = await capaFor(tx, organisationId, capaId, ['open', 'measures_in_progress', 'measures_done']);
    const category = await findCauseCategory(tx, organisationId, input.causeCategoryId);
    if (!category) throw new AppError('pc.capa_cause_not_in_taxonomy', { field: 'causeCategoryId' });
    if (category.retiredAt) throw new AppError('pc.capa_cause_retired', { code: category.code });
    const row = {
      id: randomUUID(),
      organisationId,
      capaId,
      causeCategoryId: category.id,
      analysis,
      recordedBy: actor.id,
      recordedAt: deps.now(),
    };
    await insertCause(tx, row);
    await capaEvent(tx, deps, actor, capa, 'pc.capa_cause_recorded', { causeId: row.id, code: category.code, analysis });
    return row;
  });
}
