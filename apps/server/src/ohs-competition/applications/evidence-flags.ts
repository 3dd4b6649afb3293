import { ATTACHMENT_KINDS, QUESTIONNAIRE_FIELDS, type AttachmentKind, type IndicatorId } from '@baqylau/contracts';
import type { IndicatorCounts } from '../regulation/scoreApplication.ts';
import type { ApplicationRow, DocumentRow } from './applications.repository.ts';

/** What the commission is shown about an application's evidence (RC-18): flagged, never silently dropped. */
export type EvidenceFlag =
  /** The document's event date is not in the reporting year. */
  | { flag: 'outside_year'; indicatorId: IndicatorId; documentId: string; eventDate: string }
  /** The same file (same SHA-256) backs another indicator or another candidate. */
  | { flag: 'same_document'; indicatorId: IndicatorId; documentId: string; alsoIn: { applicationId: string; documentId: string }[] }
  /** A count with no document behind it. */
  | { flag: 'unbacked'; indicatorId: IndicatorId };

export function evidenceFlags(
  app: { id: string; counts: IndicatorCounts },
  reportingYear: number,
  documents: DocumentRow[],
  shared: Map<string, { applicationId: string; documentId: string }[]>,
): EvidenceFlag[] {
  const flags: EvidenceFlag[] = [];
  const evidence = documents.filter((d) => d.kind === 'evidence' && d.indicatorId);
  for (const d of evidence) {
    const indicatorId = d.indicatorId!;
    if (d.eventDate && !d.eventDate.startsWith(`${reportingYear}-`))
      flags.push({ flag: 'outside_year', indicatorId, documentId: d.id, eventDate: d.eventDate });
    const alsoIn = (shared.get(d.sha256) ?? []).filter((u) => u.documentId !== d.id);
    if (alsoIn.length) flags.push({ flag: 'same_document', indicatorId, documentId: d.id, alsoIn });
  }
  const backed = new Set(evidence.map((d) => d.indicatorId));
  for (const [id, c] of Object.entries(app.counts) as [IndicatorId, { count: number }][])
    if (c.count > 0 && !backed.has(id)) flags.push({ flag: 'unbacked', indicatorId: id });
  return flags;
}

/** Point 16's attachments not among the documents (shown to the commission; the nominating decision is required to submit). */
export const missingAttachments = (documents: DocumentRow[]): AttachmentKind[] =>
  ATTACHMENT_KINDS.filter((k) => !documents.some((d) => d.kind === k));

/** What an application needs before it can go to stage II (RC-16): every questionnaire row, Appendices 3 and 4, the nomination. */
export function missingForSubmission(
  app: Pick<ApplicationRow, 'questionnaire' | 'characteristic' | 'explanatoryNote'>,
  documents: DocumentRow[],
) {
  const missing: string[] = QUESTIONNAIRE_FIELDS.filter((f) => !app.questionnaire[f]?.trim());
  if (!app.characteristic.trim()) missing.push('characteristic');
  if (!app.explanatoryNote.trim()) missing.push('explanatoryNote');
  if (!documents.some((d) => d.kind === 'nominating_decision')) missing.push('nominating_decision');
  return missing;
}
