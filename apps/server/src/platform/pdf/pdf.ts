import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// DejaVu covers every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І); shipped by the dejavu-fonts-ttf package.
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  condensed: path.join(FONT_DIR, 'DejaVuSansCondensed.ttf'),
  condensedBold: path.join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf'),
};

export type Pdf = PDFKit.PDFDocument;

/** A document with the bundled fonts registered; pages are added explicitly by the caller. */
/** bufferPages keeps pages open so page numbers ("n of N") can be written at the end. */
export function createPdf(info: { title: string; layout?: 'portrait' | 'landscape'; bufferPages?: boolean }): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.layout ?? 'portrait',
    margin: 40,
    autoFirstPage: false,
    bufferPages: info.bufferPages ?? false,
    info: { Title: info.title, Producer: 'Baqylau' },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  return doc;
}

/** Collects the finished document into one buffer (forms are small; court packages stream instead). */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
