import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { damagedObjects } from './damaged-objects.table.ts';

export type DamageRow = typeof damagedObjects.$inferSelect;

/** The first detection of each object named that is known damaged, by SHA-256. */
export async function damageOf(db: DbOrTx, sha256s: string[]): Promise<Map<string, DamageRow>> {
  const unique = [...new Set(sha256s)];
  if (!unique.length) return new Map();
  const rows = await db.select().from(damagedObjects).where(inArray(damagedObjects.sha256, unique));
  return new Map(rows.map((r) => [r.sha256, r]));
}

/** Records the first detection; answers whether this one was the first (so notices go out once per object). */
export async function insertDamage(db: DbOrTx, row: DamageRow): Promise<boolean> {
  const fresh = await db.insert(damagedObjects).values(row).onConflictDoNothing().returning({ id: damagedObjects.id });
  return fresh.length > 0;
}
