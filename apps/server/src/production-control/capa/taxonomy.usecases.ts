import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { needText } from './capa-rules.ts';
import { DEFAULT_TAXONOMY } from './default-taxonomy.ts';
import {
  causeCategoryUse,
  deleteCauseCategory,
  findCauseCategory,
  findCauseCategoryByCode,
  insertCauseCategories,
  listCauseCategories,
  updateCauseCategory,
  type CauseCategoryRow,
} from './taxonomy.repository.ts';

/** Codes like `ORG`, `TECH.2`, `HUMAN.3.1`: capitals and digits, dot-separated. */
const CODE = /^[A-Z][A-Z0-9_]{0,19}(\.[A-Z0-9_]{1,10}){0,3}$/;
export interface CauseNames {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

const event = (
  tx: DbOrTx,
  deps: AppDeps,
  actor: Actor,
  row: Pick<CauseCategoryRow, 'id' | 'organisationId' | 'code'>,
  action: string,
  payload: Record<string, unknown>,
) =>
  recordPcEvent(tx, deps, {
    organisationId: row.organisationId,
    actor,
    action,
    subjectType: 'pc_cause_category',
    subjectId: row.id,
    payload: { code: row.code, ...payload },
  });

const names = (n: CauseNames) => ({
  nameKk: needText('nameKk', n.nameKk),
  nameRu: needText('nameRu', n.nameRu),
  nameEn: needText('nameEn', n.nameEn),
});

/** R315-21: an organisation starts from the default taxonomy (once; afterwards it edits its own). */
export async function seedDefaultTaxonomy(deps: AppDeps, actor: Actor, organisationId: string) {
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    if ((await listCauseCategories(tx, organisationId)).length) throw new AppError('pc.capa_taxonomy_exists');
    const now = deps.now();
    const rows: CauseCategoryRow[] = [];
    const row = (code: string, parentId: string | null, e: { kk: string; ru: string; en: string }): CauseCategoryRow => ({
      id: randomUUID(),
      organisationId,
      parentId,
      code,
      nameKk: e.kk,
      nameRu: e.ru,
      nameEn: e.en,
      retiredAt: null,
      retiredBy: null,
      createdAt: now,
    });
    for (const c of DEFAULT_TAXONOMY) {
      const parent = row(c.code, null, c);
      rows.push(parent, ...(c.children ?? []).map((s) => row(s.code, parent.id, s)));
    }
    await insertCauseCategories(tx, rows);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.cause_taxonomy_seeded',
      subjectType: 'pc_cause_category',
      subjectId: rows[0]!.id,
      payload: { codes: rows.map((r) => r.code) },
    });
    return rows;
  });
}

/** A new category (no parent) or a sub-cause of a category in use (one level: categories hold sub-causes). */
export async function addCauseCategory(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  input: CauseNames & { code: string; parentId?: string | null },
) {
  const code = input.code.trim().toUpperCase();
  if (!CODE.test(code)) throw new AppError('pc.capa_cause_code_invalid', { field: 'code', value: input.code });
  const n = names(input);
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    if (input.parentId) {
      const parent = await findCauseCategory(tx, organisationId, input.parentId);
      if (!parent || parent.parentId || parent.retiredAt) throw new AppError('pc.capa_cause_parent_invalid', { field: 'parentId' });
    }
    if (await findCauseCategoryByCode(tx, organisationId, code)) throw new AppError('pc.capa_cause_code_taken', { code });
    const row: CauseCategoryRow = {
      id: randomUUID(),
      organisationId,
      parentId: input.parentId ?? null,
      code,
      ...n,
      retiredAt: null,
      retiredBy: null,
      createdAt: deps.now(),
    };
    await insertCauseCategories(tx, [row]);
    await event(tx, deps, actor, row, 'pc.cause_category_added', { parentId: row.parentId, ...n });
    return row;
  });
}

async function existing(tx: DbOrTx, organisationId: string, id: string) {
  const row = await findCauseCategory(tx, organisationId, id);
  if (!row) throw new AppError('pc.capa_cause_category_not_found');
  return row;
}

/** The names are corrected (the ledger keeps the old ones); the code stays — records refer to it. */
export async function renameCauseCategory(deps: AppDeps, actor: Actor, organisationId: string, id: string, input: CauseNames) {
  const n = names(input);
  return deps.db.transaction(async (tx) => {
    const row = await existing(tx, organisationId, id);
    await updateCauseCategory(tx, id, n);
    await event(tx, deps, actor, row, 'pc.cause_category_renamed', {
      before: { nameKk: row.nameKk, nameRu: row.nameRu, nameEn: row.nameEn },
      after: n,
    });
    return { ...row, ...n };
  });
}

/** A retired cause is no longer offered for new records (a category retires with its sub-causes); the records that name it keep it. */
export async function retireCauseCategory(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, id: string) {
  return deps.db.transaction(async (tx) => {
    const row = await existing(tx, organisationId, id);
    if (row.retiredAt) throw new AppError('pc.capa_cause_retired', { code: row.code });
    const set = { retiredAt: deps.now(), retiredBy: actor.id };
    const children = (await listCauseCategories(tx, organisationId)).filter((c) => c.parentId === id && !c.retiredAt);
    for (const c of [row, ...children]) await updateCauseCategory(tx, c.id, set);
    await event(tx, deps, actor, row, 'pc.cause_category_retired', { withSubCauses: children.map((c) => c.code) });
    return { ...row, ...set };
  });
}

/** Only a cause never recorded (and without sub-causes) is deleted; a used one is retired instead. */
export async function deleteUnusedCauseCategory(deps: AppDeps, actor: Actor, organisationId: string, id: string) {
  await deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const row = await existing(tx, organisationId, id);
    const use = await causeCategoryUse(tx, id);
    if (use.recorded || use.children)
      throw new AppError('pc.capa_cause_in_use', { code: row.code, recorded: use.recorded, children: use.children });
    await deleteCauseCategory(tx, id);
    await event(tx, deps, actor, row, 'pc.cause_category_deleted', { nameKk: row.nameKk, nameRu: row.nameRu, nameEn: row.nameEn });
  });
}
