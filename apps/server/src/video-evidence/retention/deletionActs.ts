import { and, desc, eq, sql } from 'drizzle-orm';
import type { Locale } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { ledgerEntries } from '../../platform/ledger/ledger.table.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { deletionActs } from './retention.table.ts';

export const listDeletionActs = (deps: AppDeps, organisationId: string) =>
  deps.db
    .select()
    .from(deletionActs)
    .where(eq(deletionActs.organisationId, organisationId))
    .orderBy(desc(deletionActs.executedAt))
    .limit(500);

/**
 * The act's lines come from the ledger's `recording.deleted` entries and the
 * tombstones, never from a separate copy that could drift: what the PDF lists
 * is what the chain proves.
 */
export async function deletionActPdf(deps: AppDeps, organisationId: string, actId: string, lang: Locale) {
  const [act] = await deps.db
    .select()
    .from(deletionActs)
    .where(and(eq(deletionActs.organisationId, organisationId), eq(deletionActs.id, actId)));
  if (!act) throw new AppError('deletion_act.not_found');
  const org = await findOrganisation(deps.db, organisationId);
  const zone = org?.timeZone;
  const res = await deps.db.execute(sql`
    SELECT r.sha256, r.size::float8 AS "size", r.original_name AS "originalName", r.started_at AS "startedAt",
           to_char(d.retain_until, 'YYYY-MM-DD') AS "retainUntil", rc.inventory_number AS "inventoryNumber",
           a.reference_number AS "activityReference", j.number AS "journalEntryNumber"
      FROM recording_deletions d
      JOIN recordings r ON r.id = d.recording_id
      JOIN recorders rc ON rc.id = r.recorder_id
      LEFT JOIN journal_entries j ON j.id = r.journal_entry_id
      LEFT JOIN activities a ON a.id = d.activity_id
     WHERE d.act_id = ${actId}
     ORDER BY r.started_at`);
  type Line = {
    sha256: string;
    size: number;
    originalName: string;
    startedAt: string | Date | null;
    retainUntil: string;
    inventoryNumber: string;
    activityReference: string | null;
    journalEntryNumber: number | null;
  };
  const lines = (res as unknown as { rows: Line[] }).rows;
  const [entry] = await deps.db
    .select({ seq: ledgerEntries.seq })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.organisationId, organisationId),
        eq(ledgerEntries.action, 'retention.act_executed'),
        eq(ledgerEntries.subjectId, actId),
      ),
    );
  const t = deps.translator.forLocale(lang);
  const { renderDeletionAct } = await import('./deletionAct.pdf.ts'); // pdfkit loads on first use
  const pdf = await renderDeletionAct({
    t,
    organisationName: (lang === 'ru' ? org?.nameRu : org?.nameKk) ?? '',
    number: act.number,
    executedAt: formatDateTime(act.executedAt, zone),
    executedBy: (await findUserById(deps.db, act.executedBy))?.fullName ?? '',
    contentHash: act.contentHash,
    ledgerSeq: entry?.seq ?? null,
    lines: lines.map((l) => ({
      inventoryNumber: l.inventoryNumber,
      originalName: l.originalName,
      // An unreadable recording (issue 19) has no capture time: the act leaves the cell empty, never 1970.
      startedAt: l.startedAt ? formatDateTime(new Date(l.startedAt), zone) : '—',
      retainUntil: formatDate(l.retainUntil, zone),
      activity: [l.activityReference, l.journalEntryNumber !== null ? `№ ${l.journalEntryNumber}` : null].filter(Boolean).join(', '),
      size: Number(l.size),
      sha256: l.sha256,
    })),
  });
  return { act, pdf };
}
