import { createPdf, pdfBuffer } from '../../platform/pdf/pdf.ts';

/** Point 6: the wording of the sign, as the Rules give it in Kazakh and in Russian. */
export const SIGN_TEXT = { kk: 'Бейне бақылауда', ru: 'Ведется видеонаблюдение' } as const;

/** An A4 landscape sign in both languages with a camera pictogram, to print and hang where cameras are. */
export async function renderSign(title: string): Promise<Buffer> {
  const doc = createPdf({ title, layout: 'landscape' });
  doc.addPage();
  const { width, height } = doc.page;
  doc
    .lineWidth(6)
    .strokeColor('#1c4e80')
    .rect(30, 30, width - 60, height - 60)
    .stroke();
  // A camera: body, lens, mount.
  const cx = width / 2;
  doc.save().fillColor('#1c4e80');
  doc.roundedRect(cx - 90, 90, 150, 80, 12).fill();
  doc.polygon([cx + 60, 110], [cx + 110, 90], [cx + 110, 170], [cx + 60, 150]).fill();
  doc.rect(cx - 25, 170, 20, 40).fill();
  doc.restore();
  doc
    .font('bold')
    .fontSize(54)
    .fillColor('#1c4e80')
    .text(SIGN_TEXT.kk, 40, 260, { width: width - 80, align: 'center' });
  doc
    .font('regular')
    .fontSize(40)
    .text(SIGN_TEXT.ru, 40, 350, { width: width - 80, align: 'center' });
  return pdfBuffer(doc);
}
