import { and, asc, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { SealedPackageRef } from '../../kernel/evidence-packages/package-zip.ts';
import { cctvDisclosurePackages } from './disclosure-packages.table.ts';

export type DisclosurePackageRow = typeof cctvDisclosurePackages.$inferSelect;

export const insertDisclosurePackage = (db: DbOrTx, row: typeof cctvDisclosurePackages.$inferInsert) =>
  db.insert(cctvDisclosurePackages).values(row);

export const packagesOfRequest = (db: DbOrTx, requestId: string) =>
  db.select().from(cctvDisclosurePackages).where(eq(cctvDisclosurePackages.requestId, requestId)).orderBy(asc(cctvDisclosurePackages.seq));

export async function findDisclosurePackage(db: DbOrTx, organisationId: string, requestId: string, id: string) {
  const [p] = await db
    .select()
    .from(cctvDisclosurePackages)
    .where(
      and(
        eq(cctvDisclosurePackages.organisationId, organisationId),
        eq(cctvDisclosurePackages.requestId, requestId),
        eq(cctvDisclosurePackages.id, id),
      ),
    );
  return p;
}

export async function nextPackageSeq(db: DbOrTx, requestId: string) {
  const [r] = await db
    .select({ n: max(cctvDisclosurePackages.seq) })
    .from(cctvDisclosurePackages)
    .where(eq(cctvDisclosurePackages.requestId, requestId));
  return (r?.n ?? 0) + 1;
}

/** What the kernel needs to stream the package's ZIP again, byte for byte. */
export const sealedRef = (p: DisclosurePackageRow): SealedPackageRef => ({
  number: p.number,
  builtAt: p.createdAt,
  manifestSha256: p.manifestSha256,
  manifestSignature: p.manifestSignature,
  verifyHtml: { sha256: p.verifyHtmlSha256, size: p.verifyHtmlSize },
});
