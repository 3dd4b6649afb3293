import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcChecklists, pcChecklistVersions } from './checklists.table.ts';

export type ChecklistRow = typeof pcChecklists.$inferSelect;
export type ChecklistVersionRow = typeof pcChecklistVersions.$inferSelect;

export const insertChecklist = (db: DbOrTx, row: ChecklistRow) => db.insert(pcChecklists).values(row);
export const updateChecklist = (db: DbOrTx, id: string, set: Partial<ChecklistRow>) =>
  db.update(pcChecklists).set(set).where(eq(pcChecklists.id, id));
export const insertVersion = (db: DbOrTx, row: ChecklistVersionRow) => db.insert(pcChecklistVersions).values(row);
export const updateVersion = (db: DbOrTx, id: string, set: Partial<ChecklistVersionRow>) =>
  db.update(pcChecklistVersions).set(set).where(eq(pcChecklistVersions.id, id));

export async function findChecklist(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcChecklists)
    .where(and(eq(pcChecklists.organisationId, organisationId), eq(pcChecklists.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const listChecklists = (db: DbOrTx, organisationId: string) =>
  db.select().from(pcChecklists).where(eq(pcChecklists.organisationId, organisationId)).orderBy(pcChecklists.title);

/** Every version of the organisation's checklists (or of one), newest first. */
export const listVersions = (db: DbOrTx, organisationId: string, checklistId?: string) =>
  db
    .select()
    .from(pcChecklistVersions)
    .where(
      and(
        eq(pcChecklistVersions.organisationId, organisationId),
        checklistId ? eq(pcChecklistVersions.checklistId, checklistId) : undefined,
      ),
    )
    .orderBy(desc(pcChecklistVersions.version));

export async function findVersion(db: DbOrTx, organisationId: string, checklistId: string, version: number) {
  const [r] = await db
    .select()
    .from(pcChecklistVersions)
    .where(
      and(
        eq(pcChecklistVersions.organisationId, organisationId),
        eq(pcChecklistVersions.checklistId, checklistId),
        eq(pcChecklistVersions.version, version),
      ),
    );
  return r;
}

/** The published version an inspection uses: the highest published one, or undefined. */
export async function latestPublishedVersion(db: DbOrTx, organisationId: string, checklistId: string) {
  const [r] = await db
    .select()
    .from(pcChecklistVersions)
    .where(
      and(
        eq(pcChecklistVersions.organisationId, organisationId),
        eq(pcChecklistVersions.checklistId, checklistId),
        eq(pcChecklistVersions.status, 'published'),
      ),
    )
    .orderBy(desc(pcChecklistVersions.version))
    .limit(1);
  return r;
}
