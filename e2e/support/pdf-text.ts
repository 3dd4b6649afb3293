import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Text of every page of a PDF (pdfjs, as a reader would extract it), pages joined by form feeds. */
export async function pdfText(data: Buffer): Promise<{ pages: string[]; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await doc.destroy();
  return { pages, text: pages.join('\f') };
}
