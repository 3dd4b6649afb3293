import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { ApplicationState } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { competitionApplications, competitionDocumentDetachments, competitionDocuments } from './applications.table.ts';

export type ApplicationRow = typeof competitionApplications.$inferSelect;
export type DocumentRow = typeof competitionDocuments.$inferSelect;

export const insertApplication = (db: DbOrTx, row: typeof competitionApplications.$inferInsert) =>
  db.insert(competitionApplications).values(row);

export async function findApplication(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(competitionApplications)
    .where(and(eq(competitionApplications.organisationId, organisationId), eq(competitionApplications.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export function listApplications(db: DbOrTx, yearId: string, f: { memberOrganisationId?: string; states?: ApplicationState[] } = {}) {
  return db
    .select()
    .from(competitionApplications)
    .where(
      and(
        eq(competitionApplications.yearId, yearId),
        f.memberOrganisationId ? eq(competitionApplications.memberOrganisationId, f.memberOrganisationId) : undefined,
        f.states ? inArray(competitionApplications.state, f.states) : undefined,
      ),
    )
    .orderBy(asc(competitionApplications.group), asc(competitionApplications.createdAt));
}

export const updateApplication = (db: DbOrTx, id: string, set: Partial<typeof competitionApplications.$inferInsert>) =>
  db.update(competitionApplications).set(set).where(eq(competitionApplications.id, id));

/** RC-10: the application already going to stage II (selected at stage I, or sent) for this member organisation and group, other than `a`. */
export async function nominatedInGroup(db: DbOrTx, a: Pick<ApplicationRow, 'id' | 'yearId' | 'memberOrganisationId' | 'group'>) {
  const [r] = await db
    .select()
    .from(competitionApplications)
    .where(
      and(
        eq(competitionApplications.yearId, a.yearId),
        eq(competitionApplications.memberOrganisationId, a.memberOrganisationId),
        eq(competitionApplications.group, a.group),
        inArray(competitionApplications.state, ['nominated', 'submitted']),
        ne(competitionApplications.id, a.id),
      ),
    );
  return r;
}

export const insertDocument = (db: DbOrTx, row: typeof competitionDocuments.$inferInsert) => db.insert(competitionDocuments).values(row);

/** The documents that count for an application: every one not taken off its draft. */
export const documentsOf = (db: DbOrTx, applicationIds: string[]) =>
  applicationIds.length
    ? db
        .select({ document: competitionDocuments })
        .from(competitionDocuments)
        .leftJoin(competitionDocumentDetachments, eq(competitionDocumentDetachments.documentId, competitionDocuments.id))
        .where(and(inArray(competitionDocuments.applicationId, applicationIds), isNull(competitionDocumentDetachments.documentId)))
        .orderBy(asc(competitionDocuments.uploadedAt))
        .then((rows) => rows.map((r) => r.document))
    : Promise.resolve([] as DocumentRow[]);

export async function findDocument(db: DbOrTx, applicationId: string, id: string) {
  const [r] = await db
    .select({ document: competitionDocuments, detachedAt: competitionDocumentDetachments.detachedAt })
    .from(competitionDocuments)
    .leftJoin(competitionDocumentDetachments, eq(competitionDocumentDetachments.documentId, competitionDocuments.id))
    .where(and(eq(competitionDocuments.applicationId, applicationId), eq(competitionDocuments.id, id)));
  return r;
}

export const insertDetachment = (db: DbOrTx, row: typeof competitionDocumentDetachments.$inferInsert) =>
  db.insert(competitionDocumentDetachments).values(row);

/**
 * RC-18: evidence hashes that back more than one indicator in the year — two indicators, or two
 * candidates — among documents that count. Attachments of point 16 are left out: one nominating
 * decision may rightly name both groups' candidates.
 */
export async function sharedHashesOfYear(
  db: DbOrTx,
  yearId: string,
): Promise<Map<string, { applicationId: string; documentId: string }[]>> {
  const res = await db.execute(sql`
    SELECT d.sha256, d.application_id AS "applicationId", d.id AS "documentId"
    FROM competition_documents d
    JOIN competition_applications a ON a.id = d.application_id
    LEFT JOIN competition_document_detachments x ON x.document_id = d.id
    WHERE a.year_id = ${yearId} AND d.kind = 'evidence' AND x.document_id IS NULL AND d.sha256 IN (
      SELECT d2.sha256 FROM competition_documents d2
      JOIN competition_applications a2 ON a2.id = d2.application_id
      LEFT JOIN competition_document_detachments x2 ON x2.document_id = d2.id
      WHERE a2.year_id = ${yearId} AND d2.kind = 'evidence' AND x2.document_id IS NULL
      GROUP BY d2.sha256 HAVING count(*) > 1)`);
  const out = new Map<string, { applicationId: string; documentId: string }[]>();
  for (const r of (res as unknown as { rows: { sha256: string; applicationId: string; documentId: string }[] }).rows)
    out.set(r.sha256, [...(out.get(r.sha256) ?? []), { applicationId: r.applicationId, documentId: r.documentId }]);
  return out;
}
