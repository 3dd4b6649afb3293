import type { DbOrTx } from '../db/database.ts';
import type { BlobStore } from './storage/storage.ts';

/** One table whose rows must equal what the ledger recorded when they were written. */
export interface RecordCheck {
  ok: boolean;
  table: string;
  checked: number;
  firstBad?: { number: number | null; entryId: string; field: string };
}

/** A stored object: its SHA-256 is its name. */
export interface StoredObjectRef {
  sha256: string;
  size: number;
}

/** A row that uses a stored object: whom a damaged object concerns, and how to name it in a message. */
export interface ObjectOwner {
  organisationId: string;
  subjectType: string;
  subjectId: string;
  /** e.g. "recording 20260302_101005_0002.mp4", "package П-2026-0001". */
  label: string;
}

/**
 * What a rule set tells the kernel about the records it keeps, so that `ledger verify`,
 * backup and restore cover them without the kernel knowing their tables. The composition
 * combines every rule set's part into one (combineRecords) and hands it over in AppDeps.
 */
export interface RuleSetRecords {
  /** Write-once rows checked against the ledger entries that created them. */
  ledgerChecks: ((db: DbOrTx, organisationId: string) => Promise<RecordCheck>)[];
  /** Every stored object the live rows need. Runs inside the backup's snapshot transaction. */
  liveObjects(db: DbOrTx): Promise<StoredObjectRef[]>;
  /** Stored objects that list further objects (a court package's signed manifest); read with liveObjects. */
  listingObjects(db: DbOrTx): Promise<string[]>;
  /** The objects that listing objects name, read from the store (outside the snapshot). */
  objectsListedIn(store: BlobStore, listing: string[]): Promise<StoredObjectRef[]>;
  /** The rows that name an object, for messages that say which evidence is affected. */
  rowsNamingObject(db: DbOrTx, sha256: string): Promise<string[]>;
  /** The live rows (in every organisation) that use an object directly: whom its damage concerns. */
  objectOwners(db: DbOrTx, sha256: string): Promise<ObjectOwner[]>;
  /** Row counts a restore must reproduce, by name (e.g. recordings). */
  countRows(db: DbOrTx): Promise<Record<string, number>>;
}

export type RuleSetRecordsPart = Partial<RuleSetRecords>;

/** One RuleSetRecords over every rule set's part, asked in turn (they may share one transaction). */
export function combineRecords(parts: RuleSetRecordsPart[]): RuleSetRecords {
  const each = async <T>(f: (p: RuleSetRecordsPart) => Promise<T> | undefined) => {
    const out: T[] = [];
    for (const p of parts) {
      const r = f(p);
      if (r) out.push(await r);
    }
    return out;
  };
  return {
    ledgerChecks: parts.flatMap((p) => p.ledgerChecks ?? []),
    liveObjects: async (db) => (await each((p) => p.liveObjects?.(db))).flat(),
    listingObjects: async (db) => (await each((p) => p.listingObjects?.(db))).flat(),
    objectsListedIn: async (store, listing) => (await each((p) => p.objectsListedIn?.(store, listing))).flat(),
    rowsNamingObject: async (db, sha) => (await each((p) => p.rowsNamingObject?.(db, sha))).flat(),
    objectOwners: async (db, sha) => (await each((p) => p.objectOwners?.(db, sha))).flat(),
    countRows: async (db) => Object.assign({}, ...(await each((p) => p.countRows?.(db)))),
  };
}
