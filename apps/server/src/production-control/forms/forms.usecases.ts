import { randomUUID } from 'node:crypto';
import type { FormColumn } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { DEFAULT_COLUMNS, FORM_FIELDS, type FormName } from './form-defaults.ts';
import { findFormDefinition, saveFormDefinition } from './forms.repository.ts';

/** The organisation's columns for a form, or the defaults. */
export async function formColumns(db: DbOrTx, organisationId: string, form: FormName) {
  const row = await findFormDefinition(db, organisationId, form);
  return { form, columns: row?.columns ?? DEFAULT_COLUMNS[form], isDefault: !row, updatedAt: row?.updatedAt ?? null };
}

/** Known fields only, each once, with headings in Kazakh and Russian: a print must be readable in both. */
export function checkColumns(form: FormName, columns: readonly FormColumn[]): FormColumn[] {
  const seen = new Set<string>();
  return columns.map((c, i) => {
    const fail = (field: string, rule: string): never => {
      throw new AppError('pc.form_column_invalid', { index: i + 1, field, rule });
    };
    if (!FORM_FIELDS[form].includes(c.field)) fail('field', 'unknown_field');
    if (seen.has(c.field)) fail('field', 'duplicate');
    seen.add(c.field);
    const titleKk = c.titleKk.trim();
    const titleRu = c.titleRu.trim();
    if (!titleKk) fail('titleKk', 'required');
    if (!titleRu) fail('titleRu', 'required');
    return { field: c.field, titleKk, titleRu, width: c.width };
  });
}

export async function setFormColumns(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  form: FormName,
  input: readonly FormColumn[],
) {
  const columns = checkColumns(form, input);
  const row = { id: randomUUID(), organisationId, form, columns, updatedBy: actor.id, updatedAt: deps.now() };
  await deps.db.transaction(async (tx) => {
    await saveFormDefinition(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.form_columns_set',
      subjectType: 'pc_form',
      subjectId: organisationId,
      payload: { form, columns },
    });
  });
  return { form, columns, isDefault: false, updatedAt: row.updatedAt };
}
