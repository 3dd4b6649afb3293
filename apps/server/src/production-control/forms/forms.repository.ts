import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcFormDefinitions } from './forms.table.ts';

export type FormDefinitionRow = typeof pcFormDefinitions.$inferSelect;

export async function findFormDefinition(db: DbOrTx, organisationId: string, form: FormDefinitionRow['form']) {
  const [r] = await db
    .select()
    .from(pcFormDefinitions)
    .where(and(eq(pcFormDefinitions.organisationId, organisationId), eq(pcFormDefinitions.form, form)));
  return r;
}

export const saveFormDefinition = (db: DbOrTx, row: FormDefinitionRow) =>
  db
    .insert(pcFormDefinitions)
    .values(row)
    .onConflictDoUpdate({
      target: [pcFormDefinitions.organisationId, pcFormDefinitions.form],
      set: { columns: row.columns, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
