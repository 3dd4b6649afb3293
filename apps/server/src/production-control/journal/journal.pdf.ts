import type { TFunction } from 'i18next';
import type { FormColumn } from '@baqylau/contracts';
import { formatDate } from '../../platform/format.ts';
import { createPdf, pdfBuffer, type Pdf } from '../../platform/pdf/pdf.ts';
import type { JournalLine } from './journal.usecases.ts';

const MARGIN = 36;

/** One cell of the journal: the fields the default columns use, else the entry's own value of that name. */
export function journalCell(line: JournalLine, field: string, t: TFunction): string {
  switch (field) {
    case 'seq':
      return String(line.seq);
    case 'completedAt':
    case 'startedAt':
      return formatDate(new Date(line[field]));
    case 'facility':
      return line.unit ? `${line.facility}, ${line.unit}` : line.facility;
    case 'kind':
      return t(`common:pc.inspectionKind.${line.kind}`);
    case 'violations':
      return t('common:pc.pdf.journal.violations', {
        violations: line.violations,
        dangerous: line.dangerous,
        rechecked: line.recheckedConfirmed,
        reopened: line.reopened,
      });
    case 'documents':
      return [line.actNumber, line.instructionNumber].filter(Boolean).join(', ') || '—';
    default: {
      const v = (line as unknown as Record<string, unknown>)[field];
      return v === null || v === undefined ? '' : String(v);
    }
  }
}

function header(doc: Pdf, cols: { c: FormColumn; w: number }[], lang: 'kk' | 'ru', y: number) {
  doc.font('bold').fontSize(7.5);
  const h = Math.max(...cols.map(({ c, w }) => doc.heightOfString(lang === 'kk' ? c.titleKk : c.titleRu, { width: w - 4 }))) + 6;
  let x = MARGIN;
  for (const { c, w } of cols) {
    doc.rect(x, y, w, h).stroke();
    doc.text(lang === 'kk' ? c.titleKk : c.titleRu, x + 2, y + 3, { width: w - 4 });
    x += w;
  }
  return y + h;
}

/** R315-12: the production-control journal, its columns from the form definition (Appendix 2), in kk or ru. */
export async function renderJournal(
  lines: JournalLine[],
  columns: FormColumn[],
  t: TFunction,
  lang: 'kk' | 'ru',
  organisationName: string,
) {
  const doc = createPdf({ title: t('common:pc.pdf.journal.title'), layout: 'landscape' });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  const total = columns.reduce((s, c) => s + c.width, 0) || 1;
  const cols = columns.map((c) => ({ c, w: (c.width / total) * width }));
  doc.font('bold').fontSize(13).text(t('common:pc.pdf.journal.title'), MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(10).text(organisationName, { width, align: 'center' });
  let y = header(doc, cols, lang, doc.y + 10);
  doc.font('regular').fontSize(7.5);
  if (!lines.length) doc.text(t('common:pc.pdf.journal.empty'), MARGIN, y + 6, { width });
  for (const line of lines) {
    const cells = cols.map(({ c, w }) => ({ w, text: journalCell(line, c.field, t) }));
    const h = Math.max(...cells.map((c) => doc.heightOfString(c.text, { width: c.w - 4 }))) + 6;
    if (y + h > doc.page.height - MARGIN) {
      doc.addPage();
      y = header(doc, cols, lang, MARGIN);
      doc.font('regular').fontSize(7.5);
    }
    let x = MARGIN;
    for (const c of cells) {
      doc.rect(x, y, c.w, h).stroke();
      doc.text(c.text, x + 2, y + 3, { width: c.w - 4 });
      x += c.w;
    }
    y += h;
  }
  return pdfBuffer(doc);
}
