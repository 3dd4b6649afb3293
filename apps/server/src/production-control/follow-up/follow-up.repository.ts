import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcInstructionItems, pcInstructions } from '../instructions/instructions.table.ts';
import { pcViolationEvents, pcViolations } from '../violations/violations.table.ts';
import { pcMonthlyChecks } from './follow-up.table.ts';

export type MonthlyCheckRow = typeof pcMonthlyChecks.$inferSelect;

/** Items of instructions in force whose violation is not yet verified: what the monthly check looks at (R315-13). */
export const openItems = (db: DbOrTx, organisationId: string) =>
  db
    .select({ item: pcInstructionItems, violation: pcViolations, instruction: pcInstructions })
    .from(pcInstructionItems)
    .innerJoin(pcInstructions, eq(pcInstructions.id, pcInstructionItems.instructionId))
    .innerJoin(pcViolations, eq(pcViolations.id, pcInstructionItems.violationId))
    .where(
      and(
        eq(pcInstructionItems.organisationId, organisationId),
        eq(pcInstructions.status, 'issued'),
        inArray(pcViolations.status, ['open', 'measure_reported']),
      ),
    )
    .orderBy(pcInstructions.number, pcInstructionItems.position);

/** How many times each violation has already been escalated. */
export async function escalationCounts(db: DbOrTx, violationIds: string[]) {
  const counts = new Map<string, number>();
  if (!violationIds.length) return counts;
  const rows = await db
    .select({ violationId: pcViolationEvents.violationId })
    .from(pcViolationEvents)
    .where(
      and(
        inArray(pcViolationEvents.violationId, violationIds),
        inArray(pcViolationEvents.kind, ['escalated_performer', 'escalated_unit_head', 'escalated_first_head']),
      ),
    );
  for (const r of rows) counts.set(r.violationId, (counts.get(r.violationId) ?? 0) + 1);
  return counts;
}

export const findMonthlyCheck = async (db: DbOrTx, organisationId: string, month: string, officialId: string) =>
  (
    await db
      .select()
      .from(pcMonthlyChecks)
      .where(
        and(
          eq(pcMonthlyChecks.organisationId, organisationId),
          eq(pcMonthlyChecks.month, month),
          eq(pcMonthlyChecks.officialId, officialId),
        ),
      )
  )[0];

export const insertMonthlyCheck = (db: DbOrTx, row: typeof pcMonthlyChecks.$inferInsert) => db.insert(pcMonthlyChecks).values(row);

export const listMonthlyChecks = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(pcMonthlyChecks)
    .where(eq(pcMonthlyChecks.organisationId, organisationId))
    .orderBy(desc(pcMonthlyChecks.reportedAt))
    .limit(200);
