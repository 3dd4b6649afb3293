import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { SealedPackageRef } from '../../kernel/evidence-packages/package-zip.ts';
import { users } from '../../kernel/users/users.table.ts';
import { evidencePackageItems, evidencePackageLinks, evidencePackages } from './packages.table.ts';

export type PackageRow = typeof evidencePackages.$inferSelect;
export type PackageItemRow = typeof evidencePackageItems.$inferSelect;
export type PackageLinkRow = typeof evidencePackageLinks.$inferSelect;

/** What the kernel needs to stream a ready package's ZIP. */
export const sealedRef = (p: PackageRow): SealedPackageRef => ({
  number: p.number,
  builtAt: p.builtAt!,
  manifestSha256: p.manifestSha256!,
  manifestSignature: p.manifestSignature!,
  verifyHtml: p.verifyHtmlSha256 ? { sha256: p.verifyHtmlSha256, size: p.verifyHtmlSize! } : null,
});

/** The next number of the organisation's year; callers hold the organisation lock, the unique index is the backstop. */
export async function nextPackageSeq(db: DbOrTx, organisationId: string, year: number) {
  const [r] = await db
    .select({ last: max(evidencePackages.seq) })
    .from(evidencePackages)
    .where(and(eq(evidencePackages.organisationId, organisationId), eq(evidencePackages.year, year)));
  return (r?.last ?? 0) + 1;
}

export const insertPackage = (db: DbOrTx, row: typeof evidencePackages.$inferInsert) => db.insert(evidencePackages).values(row);
export const insertPackageItems = (db: DbOrTx, rows: (typeof evidencePackageItems.$inferInsert)[]) =>
  rows.length ? db.insert(evidencePackageItems).values(rows) : Promise.resolve();

export async function findPackage(db: DbOrTx, organisationId: string, id: string) {
  const [p] = await db
    .select()
    .from(evidencePackages)
    .where(and(eq(evidencePackages.organisationId, organisationId), eq(evidencePackages.id, id)));
  return p;
}

export async function findPackageById(db: DbOrTx, id: string) {
  const [p] = await db.select().from(evidencePackages).where(eq(evidencePackages.id, id));
  return p;
}

/** Newest first, with the author's name. */
export const listPackages = (db: DbOrTx, organisationId: string) =>
  db
    .select({ pkg: evidencePackages, createdByName: users.fullName })
    .from(evidencePackages)
    .innerJoin(users, eq(users.id, evidencePackages.createdBy))
    .where(eq(evidencePackages.organisationId, organisationId))
    .orderBy(desc(evidencePackages.createdAt), desc(evidencePackages.seq))
    .limit(500);

export const itemsOfPackages = (db: DbOrTx, packageIds: string[]) =>
  packageIds.length
    ? db
        .select()
        .from(evidencePackageItems)
        .where(inArray(evidencePackageItems.packageId, packageIds))
        .orderBy(asc(evidencePackageItems.kind), asc(evidencePackageItems.position))
    : Promise.resolve([] as PackageItemRow[]);

/** Only while building: the trigger refuses any change once the package is ready or failed. */
export const updateBuildingPackage = (db: DbOrTx, id: string, set: Partial<typeof evidencePackages.$inferInsert>) =>
  db
    .update(evidencePackages)
    .set(set)
    .where(and(eq(evidencePackages.id, id), eq(evidencePackages.state, 'building')))
    .returning({ id: evidencePackages.id });

export const insertLink = (db: DbOrTx, row: typeof evidencePackageLinks.$inferInsert) => db.insert(evidencePackageLinks).values(row);

export async function findLinkByTokenHash(db: DbOrTx, tokenHash: string) {
  const [l] = await db.select().from(evidencePackageLinks).where(eq(evidencePackageLinks.tokenHash, tokenHash));
  return l;
}

export const countLinkUse = (db: DbOrTx, id: string) =>
  db
    .update(evidencePackageLinks)
    .set({ usedCount: sql`${evidencePackageLinks.usedCount} + 1` })
    .where(eq(evidencePackageLinks.id, id));

export const linksOfPackage = (db: DbOrTx, packageId: string) =>
  db
    .select({ link: evidencePackageLinks, createdByName: users.fullName })
    .from(evidencePackageLinks)
    .innerJoin(users, eq(users.id, evidencePackageLinks.createdBy))
    .where(eq(evidencePackageLinks.packageId, packageId))
    .orderBy(desc(evidencePackageLinks.createdAt));
