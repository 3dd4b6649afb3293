import { and, desc, eq } from 'drizzle-orm';
import type { PcDocumentKind } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { pcDocumentApprovals, pcDocumentDrafts, pcDocumentVersions } from './documents.table.ts';

export type DocumentVersionRow = typeof pcDocumentVersions.$inferSelect & {
  approval: { approvedBy: string; approvedAt: Date } | null;
};

const withApproval = (db: DbOrTx) =>
  db
    .select({ v: pcDocumentVersions, a: pcDocumentApprovals })
    .from(pcDocumentVersions)
    .leftJoin(pcDocumentApprovals, eq(pcDocumentApprovals.versionId, pcDocumentVersions.id));

const shape = (r: {
  v: typeof pcDocumentVersions.$inferSelect;
  a: typeof pcDocumentApprovals.$inferSelect | null;
}): DocumentVersionRow => ({
  ...r.v,
  approval: r.a ? { approvedBy: r.a.approvedBy, approvedAt: r.a.approvedAt } : null,
});

const ofKind = (organisationId: string, kind: PcDocumentKind) =>
  and(eq(pcDocumentVersions.organisationId, organisationId), eq(pcDocumentVersions.kind, kind));

export const insertVersion = (db: DbOrTx, row: typeof pcDocumentVersions.$inferInsert) => db.insert(pcDocumentVersions).values(row);
export const insertApproval = (db: DbOrTx, row: typeof pcDocumentApprovals.$inferInsert) => db.insert(pcDocumentApprovals).values(row);

export async function findVersion(db: DbOrTx, organisationId: string, kind: PcDocumentKind, id: string) {
  const [r] = await withApproval(db).where(and(ofKind(organisationId, kind), eq(pcDocumentVersions.id, id)));
  return r && shape(r);
}

export async function latestVersion(db: DbOrTx, organisationId: string, kind: PcDocumentKind, period: string) {
  const [r] = await withApproval(db)
    .where(and(ofKind(organisationId, kind), eq(pcDocumentVersions.period, period)))
    .orderBy(desc(pcDocumentVersions.version))
    .limit(1);
  return r && shape(r);
}

/** Every version of the kind (of one period when given), newest period and version first. */
export async function listVersions(db: DbOrTx, organisationId: string, kind: PcDocumentKind, period?: string) {
  const rows = await withApproval(db)
    .where(and(ofKind(organisationId, kind), period === undefined ? undefined : eq(pcDocumentVersions.period, period)))
    .orderBy(desc(pcDocumentVersions.period), desc(pcDocumentVersions.version));
  return rows.map(shape);
}

export async function findDraft(db: DbOrTx, organisationId: string, kind: PcDocumentKind, period: string) {
  const [r] = await db
    .select()
    .from(pcDocumentDrafts)
    .where(and(eq(pcDocumentDrafts.organisationId, organisationId), eq(pcDocumentDrafts.kind, kind), eq(pcDocumentDrafts.period, period)));
  return r;
}

export const upsertDraft = (db: DbOrTx, row: typeof pcDocumentDrafts.$inferInsert) =>
  db
    .insert(pcDocumentDrafts)
    .values(row)
    .onConflictDoUpdate({
      target: [pcDocumentDrafts.organisationId, pcDocumentDrafts.kind, pcDocumentDrafts.period],
      set: { texts: row.texts, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
