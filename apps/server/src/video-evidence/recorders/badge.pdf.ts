import { createPdf, pdfBuffer } from '../../platform/pdf/pdf.ts';

/** R444-16: the wording of the badge, fixed by the order in both languages. */
export const BADGE_TEXT = {
  kk: 'Назар аударыңыз! Аудио және бейнежазба жүргізілуде',
  ru: 'Внимание! Ведется аудио и видеозапись',
} as const;

const MM = 72 / 25.4;

/** An A4 sheet of ten 85 × 50 mm badges with cut lines, each in Kazakh and Russian. */
export async function renderBadgeSheet(title: string): Promise<Buffer> {
  const doc = createPdf({ title });
  doc.addPage();
  const w = 85 * MM;
  const h = 50 * MM;
  const left = (doc.page.width - 2 * w) / 2;
  const top = (doc.page.height - 5 * h) / 2;
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 2; col++) {
      const x = left + col * w;
      const y = top + row * h;
      doc.save().dash(3, { space: 3 }).strokeColor('#999').rect(x, y, w, h).stroke().restore();
      doc
        .font('bold')
        .fontSize(12)
        .fillColor('#b00000')
        .text(BADGE_TEXT.kk, x + 10, y + 10, { width: w - 20, align: 'center' });
      doc
        .moveDown(0.6)
        .fontSize(12)
        .text(BADGE_TEXT.ru, { width: w - 20, align: 'center' });
    }
  }
  return pdfBuffer(doc);
}
