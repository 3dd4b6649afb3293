import type { TFunction } from 'i18next';
import { createPdf } from '../../platform/pdf/pdf.ts';
import { MARGIN, drawTable, ensureRoom, finish, signatures, type Column } from '../instructions/pdf-table.ts';

/** Who presented and approved the version printed (all empty for the live draft). */
export interface DocumentMeta {
  organisation: string;
  bin: string;
  version: number | null;
  presentedOn: string | null;
  presentedBy: string;
  approvedOn: string | null;
  approvedBy: string | null;
}

export type Block =
  | { lines: [string, string | number][] }
  | { table: { cols: [string, number][]; rows: (string | number)[][] }; empty?: string }
  | { text: string }
  | { sub: string };
export interface Section {
  heading: string;
  blocks: Block[];
}

/**
 * A generated Order 315 document (portrait A4): the approval stamp top right («БЕКІТЕМІН»), the
 * organisation with its BIN, the title, the status of the version, then the sections in the act's
 * order — each lines of figures, tables and the service's own text — and the signatures.
 */
export async function renderDocument(
  t: TFunction,
  m: DocumentMeta,
  o: { title: string; subtitle: string; sections: Section[]; prepared: string },
) {
  const doc = createPdf({ title: o.title, layout: 'portrait', bufferPages: true });
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  const stampX = MARGIN + width / 2 + 40;
  doc
    .font('bold')
    .fontSize(9)
    .text(t('common:pc.gen.approve'), stampX, MARGIN, { width: width / 2 - 40 });
  doc.font('regular').text(t('common:pc.gen.firstHead'), { width: width / 2 - 40 });
  doc.text(`____________ ${m.approvedBy ?? ''}`, { width: width / 2 - 40 });
  doc.text(m.approvedOn ? t('common:pc.gen.approvedOn', { date: m.approvedOn }) : '«___» ____________ 20__', { width: width / 2 - 40 });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(10).text(m.organisation, MARGIN, doc.y, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text(t('common:pc.gen.bin', { bin: m.bin }), { width, align: 'center' });
  doc.moveDown(0.8).font('bold').fontSize(13).text(o.title, { width, align: 'center' });
  if (o.subtitle) doc.moveDown(0.2).font('regular').fontSize(10).text(o.subtitle, { width, align: 'center' });
  const status = m.approvedOn
    ? t('common:pc.gen.status.approved', { version: m.version, date: m.approvedOn, name: m.approvedBy })
    : m.version
      ? t('common:pc.gen.status.presented', { version: m.version, date: m.presentedOn })
      : t('common:pc.gen.status.draft');
  doc.moveDown(0.6).font('regular').fontSize(9).text(status, { width });
  let y = doc.y + 6;

  for (const s of o.sections) {
    y = ensureRoom(doc, y + 8, 50);
    doc.font('bold').fontSize(10).text(s.heading, MARGIN, y, { width });
    y = doc.y + 4;
    for (const b of s.blocks) {
      if ('lines' in b) {
        doc.fontSize(9);
        for (const [label, value] of b.lines) {
          y = ensureRoom(doc, y, 14);
          doc.font('regular').text(`${label}: `, MARGIN, y, { continued: true, width }).font('bold').text(String(value));
          y = doc.y + 1;
        }
      } else if ('table' in b) {
        if (!b.table.rows.length) {
          if (b.empty) {
            y = ensureRoom(doc, y, 14);
            doc.font('regular').fontSize(9).text(b.empty, MARGIN, y, { width });
            y = doc.y + 2;
          }
          continue;
        }
        const fixed = b.table.cols.slice(0, -1).reduce((n, [, w]) => n + w, 0);
        const cols: Column[] = b.table.cols.map(([title, w], i) => ({ title, width: i === b.table.cols.length - 1 ? width - fixed : w }));
        y =
          drawTable(
            doc,
            cols,
            b.table.rows.map((r) => r.map(String)),
            ensureRoom(doc, y + 2, 40),
          ) + 4;
      } else if ('sub' in b) {
        y = ensureRoom(doc, y + 4, 40);
        doc.font('bold').fontSize(9).text(b.sub, MARGIN, y, { width });
        y = doc.y + 2;
      } else if (b.text.trim()) {
        y = ensureRoom(doc, y + 2, 24);
        doc.font('regular').fontSize(9).text(b.text, MARGIN, y, { width, align: 'justify' });
        y = doc.y + 4;
      }
    }
  }
  signatures(doc, y + 6, [
    [o.prepared, m.presentedBy],
    [t('common:pc.gen.approvedBy'), m.approvedBy ?? ''],
  ]);
  return finish(doc, t);
}
