import type { Config } from '../config/config.ts';
import type { Db, Engine } from '../db/database.ts';
import type { Translator } from './i18n/i18n.ts';
import type { InstanceKey } from './keys/instance-key.ts';
import type { RuleSetRecords } from './records.ts';
import type { BlobStore } from './storage/storage.ts';

/** What use cases receive: built once in main.ts (or by a test), never imported as singletons. */
export interface AppDeps {
  db: Db;
  engine: Engine;
  config: Config;
  instanceKey: InstanceKey;
  /** Write-once evidence store (R444-13). */
  store: BlobStore;
  translator: Translator;
  /** What every rule set keeps, for the kernel's ledger verification, backup and restore. */
  records: RuleSetRecords;
  now: () => Date;
}

/** Platform-level events (admins, logins) go to this chain; every organisation has its own. */
export const PLATFORM_LEDGER_ID = '00000000-0000-0000-0000-000000000000';
