import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { continuityFindings, findingAnnotations } from './continuity.table.ts';
import { journalEntries } from '../journal/journal.table.ts';
import { users } from '../../kernel/users/users.table.ts';

export type FindingRow = typeof continuityFindings.$inferSelect;

/** Inserts findings not seen before (by key); returns the new ones. */
export const insertNewFindings = (db: DbOrTx, rows: (typeof continuityFindings.$inferInsert)[]) =>
  rows.length ? db.insert(continuityFindings).values(rows).onConflictDoNothing().returning() : Promise.resolve([] as FindingRow[]);

export async function findFinding(db: DbOrTx, organisationId: string, id: string) {
  const [f] = await db
    .select()
    .from(continuityFindings)
    .where(and(eq(continuityFindings.organisationId, organisationId), eq(continuityFindings.id, id)));
  return f;
}

export const insertAnnotation = (db: DbOrTx, row: typeof findingAnnotations.$inferInsert) => db.insert(findingAnnotations).values(row);

/** Findings with their journal entry and annotations (with the annotator's name), newest first. */
export async function listFindings(db: DbOrTx, organisationId: string, journalEntryIds?: string[]) {
  const where = journalEntryIds
    ? and(
        eq(continuityFindings.organisationId, organisationId),
        inArray(continuityFindings.journalEntryId, journalEntryIds.length ? journalEntryIds : ['00000000-0000-0000-0000-000000000000']),
      )
    : eq(continuityFindings.organisationId, organisationId);
  const findings = await db
    .select({
      finding: continuityFindings,
      entryNumber: journalEntries.number,
      inventoryNumber: journalEntries.inventoryNumber,
      inspectorName: journalEntries.inspectorName,
      activityId: journalEntries.activityId,
    })
    .from(continuityFindings)
    .leftJoin(journalEntries, eq(journalEntries.id, continuityFindings.journalEntryId))
    .where(where)
    .orderBy(desc(continuityFindings.detectedAt))
    .limit(500);
  const notes = findings.length
    ? await db
        .select({ annotation: findingAnnotations, annotatedByName: users.fullName })
        .from(findingAnnotations)
        .innerJoin(users, eq(users.id, findingAnnotations.annotatedBy))
        .where(
          inArray(
            findingAnnotations.findingId,
            findings.map((f) => f.finding.id),
          ),
        )
        .orderBy(asc(findingAnnotations.annotatedAt))
    : [];
  return findings.map(({ finding, ...entry }) => ({
    ...finding,
    ...entry,
    annotations: notes
      .filter((n) => n.annotation.findingId === finding.id)
      .map((n) => ({ ...n.annotation, annotatedByName: n.annotatedByName })),
  }));
}
