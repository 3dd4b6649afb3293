import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { rowsMatchLedger } from '../../platform/ledger/rowsMatchLedger.ts';
import { evidencePackages } from './packages.table.ts';

type Row = typeof evidencePackages.$inferSelect;
const ofOrg = (d: DbOrTx, org: string, built = false) =>
  d
    .select()
    .from(evidencePackages)
    .where(and(eq(evidencePackages.organisationId, org), built ? isNotNull(evidencePackages.manifestSha256) : undefined))
    .orderBy(asc(evidencePackages.createdAt));

/** R444-13/14: a package's recipient, case and purpose as its `package.created` entry recorded them. */
export const verifyPackagesAgainstLedger = (db: DbOrTx, organisationId: string) =>
  rowsMatchLedger<Row>(db, organisationId, {
    table: 'evidence_packages',
    action: 'package.created',
    subjectType: 'package',
    rows: (d, org) => ofOrg(d, org),
    id: (r) => r.id,
    number: (r) => r.seq,
    fields: (r) => ({
      number: r.number,
      recipientKind: r.recipientKind,
      recipientName: r.recipientName,
      caseNumber: r.caseNumber,
      purpose: r.purpose,
    }),
    entryFields: (r) => ({ createdBy: ['actorId', r.createdBy], createdAt: ['recordedAt', r.createdAt] }),
  });

/** R444-13/14: a built package's signed manifest as its `package.built` entry recorded it. */
export const verifyBuiltPackagesAgainstLedger = (db: DbOrTx, organisationId: string) =>
  rowsMatchLedger<Row>(db, organisationId, {
    table: 'evidence_packages (built)',
    action: 'package.built',
    subjectType: 'package',
    rows: (d, org) => ofOrg(d, org, true),
    id: (r) => r.id,
    number: (r) => r.seq,
    fields: (r) => ({ number: r.number, manifestSha256: r.manifestSha256 }),
    entryFields: (r) => ({ builtAt: ['recordedAt', r.builtAt] }),
  });
