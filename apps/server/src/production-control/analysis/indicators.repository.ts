import { and, desc, eq } from 'drizzle-orm';
import type { IndicatorDefinition } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { DEFAULT_INDICATORS } from './indicator-defaults.ts';
import { pcIndicatorDefinitions } from './analysis.table.ts';

export const insertDefinition = (db: DbOrTx, row: typeof pcIndicatorDefinitions.$inferInsert) =>
  db.insert(pcIndicatorDefinitions).values(row);

/** Every stored version, newest first (the editor's history). */
export const definitionHistory = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(pcIndicatorDefinitions)
    .where(eq(pcIndicatorDefinitions.organisationId, organisationId))
    .orderBy(pcIndicatorDefinitions.code, desc(pcIndicatorDefinitions.version));

export async function latestVersionOf(db: DbOrTx, organisationId: string, code: string) {
  const [r] = await db
    .select()
    .from(pcIndicatorDefinitions)
    .where(and(eq(pcIndicatorDefinitions.organisationId, organisationId), eq(pcIndicatorDefinitions.code, code)))
    .orderBy(desc(pcIndicatorDefinitions.version))
    .limit(1);
  return r;
}

const plain = (r: typeof pcIndicatorDefinitions.$inferSelect): IndicatorDefinition => ({
  code: r.code,
  version: r.version,
  nameKk: r.nameKk,
  nameRu: r.nameRu,
  nameEn: r.nameEn,
  formula: r.formula,
  target: r.target,
  direction: r.direction,
  active: r.active,
});

/** The definitions in force: each code's latest stored version, else its default; defaults first, in their order. */
export async function definitionsInForce(db: DbOrTx, organisationId: string): Promise<IndicatorDefinition[]> {
  const latest = new Map<string, IndicatorDefinition>();
  for (const r of await definitionHistory(db, organisationId)) if (!latest.has(r.code)) latest.set(r.code, plain(r));
  const out = DEFAULT_INDICATORS.map((d) => latest.get(d.code) ?? d);
  for (const [code, d] of latest) if (!DEFAULT_INDICATORS.some((x) => x.code === code)) out.push(d);
  return out;
}
