import type { Locator, Page } from 'playwright-core';

/** A floor plan as an architect's SVG would come: two rooms side by side (1000 × 600). */
export const PLAN_SVG = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>' +
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 600" width="1000" height="600">' +
    '<rect width="1000" height="600" fill="#fff"/>' +
    '<rect x="40" y="60" width="440" height="480" fill="#fafafa" stroke="#333" stroke-width="4"/>' +
    '<text x="260" y="300" font-size="22" text-anchor="middle">Ем-шара кабинеті № 3</text>' +
    '<rect x="480" y="60" width="480" height="480" fill="#fafafa" stroke="#333" stroke-width="4"/>' +
    '<text x="720" y="300" font-size="22" text-anchor="middle">Күту залы № 3</text></svg>',
);

/** A one-page PDF (the scan of a written consent, a death certificate). */
export const SCAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** An ISO base media file as the clinic's video system exports it (the server checks the "ftyp" box). */
export const CLIP_MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42'),
  Buffer.alloc(4),
  Buffer.from('mp42isom'),
  Buffer.alloc(2048),
]);

/** Mantine's Select: open it by its label and pick the option (typing narrows a searchable one). */
export async function choose(page: Page, scope: Locator, label: string, option: string | RegExp, type?: string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  const choice = page.getByRole('option', { name: option }).first();
  await box.click();
  if (type) await box.fill(type);
  // A click landing while the page still moves (a plan image loading above) may leave the list shut: open it by keyboard.
  if (
    !(await choice.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    ))
  )
    await box.press('ArrowDown');
  await choice.click();
}

/** A file picked in the scope's (hidden) file input. */
export async function pickFile(scope: Locator, name: string, mimeType: string, buffer: Buffer) {
  await scope.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}
