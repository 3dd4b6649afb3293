import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { signIn } from './support/demo.ts';
import { pageApi } from './support/evidence.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

/** A textarea a person types into (Mantine's autosize keeps a hidden one for measuring). */
const TEXTAREA = 'textarea:not([aria-hidden="true"])';
const PC = '/app/production-control';
const UNIT = 'Желдету және газ бақылау учаскесі';
const PERFORMER = 'Әлиев Руслан Маратұлы';
const FINDINGS = [
  'Желдету штрегіндегі өрт сөндіргіш мерзімінде тексерілмеген',
  'Газ анализаторының калибрлеу куәлігі мерзімі өткен',
  'Апаттық шығу жолы жабдықпен бөгелген',
];

let server: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-pc-offline-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

/** A small real JPEG, drawn by the browser's own encoder (a phone camera's kind of file). */
const jpeg = (p: Page, colour: string) =>
  p.evaluate(async (fill) => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 48;
    const g = c.getContext('2d')!;
    g.fillStyle = fill;
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#000';
    g.fillRect(8, 8, 20, 20);
    return c.toDataURL('image/jpeg', 0.8).split(',')[1]!;
  }, colour);

async function recordViolation(item: Locator, description: string) {
  await item.getByTestId('field-violation').click();
  await item.locator(TEXTAREA).nth(1).fill(description);
  await item.getByTestId('field-record-violation').click();
  await item.getByTestId('field-outcome').waitFor();
}

const rows = (testId: string) => page.getByTestId(testId).count();

describe('R315-9 R315-11 R315-14 offline field inspection in the browser', () => {
  let inspectionId = '';

  it('R315-9 R315-14 offline: the official takes a scheduled inspection, fills it with no network, reloads — everything is still there and listed as not synced', async () => {
    await signIn(page, server.url, 'pcofficial');
    await page.goto(`${server.url}${PC}/schedule`);
    const line = page
      .getByTestId('pc-schedule-item')
      .filter({ hasText: UNIT })
      .filter({ has: page.getByTestId('pc-start-inspection') });
    await line.first().getByTestId('pc-start-inspection').click();
    await page.waitForURL('**/inspections/start?scheduleItemId=*');
    await page.getByTestId('start-scheduled').locator('button[type="submit"]').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}\/brief$/);
    inspectionId = /inspections\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByTestId('go-to-items').click();
    await page.getByTestId('item-1').waitFor();
    // The installable app's service worker has the whole build before the network goes.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

    await page.getByTestId('take-for-field').click();
    await page.waitForURL(`**/app/public/production-control/field/${inspectionId}`);
    await page.getByTestId('field-item-1').waitFor();
    const photos = [await jpeg(page, '#c92a2a'), await jpeg(page, '#1971c2')];

    await page.context().setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    for (const [n, text] of FINDINGS.entries()) await recordViolation(page.getByTestId(`field-item-${n + 1}`), text);
    const total = await page.locator('[data-testid^="field-item-"]').count();
    expect(total).toBe(8);
    for (let n = FINDINGS.length + 1; n <= total; n++) {
      const item = page.getByTestId(`field-item-${n}`);
      await item.getByTestId('field-compliant').click();
      await item.getByTestId('field-outcome').waitFor();
    }
    for (const [n, b64] of photos.entries()) {
      const item = page.getByTestId(`field-item-${n + 1}`);
      await item
        .locator('input[type="file"]')
        .setInputFiles({ name: `finding-${n + 1}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(b64, 'base64') });
      await item.getByTestId('field-photo').waitFor();
    }
    const ack = page.getByTestId('field-acknowledgement');
    await ack.locator('input[name="signerName"]').fill('Серікбаев Қайрат Мұратұлы');
    await ack.locator('input[name="signerPosition"]').fill('Желдету учаскесінің бастығы');
    const box = (await page.getByTestId('field-signature').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let x = 40; x < box.width - 20; x += 30) await page.mouse.move(box.x + x, box.y + box.height / 2 + ((x / 30) % 2 ? 25 : -25));
    await page.mouse.up();
    await ack.getByTestId('field-sign').click();
    await page.getByTestId('field-acknowledged').waitFor();
    // 8 answers, 2 photos, the acknowledgement: all on the device only.
    expect(await rows('field-unsynced-row')).toBe(11);
    expect(await rows('field-receipt-row')).toBe(0);

    await page.reload();
    await page.getByTestId('field-item-1').waitFor();
    await expect.poll(() => rows('field-unsynced-row')).toBe(11);
    expect(await rows('field-photo')).toBe(2);
    expect(await page.getByTestId('field-acknowledged').count()).toBe(1);
    for (const n of [1, 2, 3]) expect(await page.getByTestId(`field-item-${n}`).innerText()).toContain(FINDINGS[n - 1]);
    await screenshot(page, 'pc-offline-before-sync');
  });

  it('R315-11 offline: the network returns — every record syncs with its receipt, the act is issued from the synced data', async () => {
    await page.context().setOffline(false);
    await expect.poll(() => rows('field-receipt-row'), { timeout: 60_000 }).toBe(11);
    expect(await rows('field-unsynced-row')).toBe(0);
    expect(await rows('field-refused-row')).toBe(0);
    await screenshot(page, 'pc-offline-synced');

    const api = await pageApi(page);
    const synced = await api.get<{ receipts: { kind: string; sha256: string | null }[]; acknowledgement: { signerName: string } | null }>(
      `/production-control/inspections/${inspectionId}/offline/receipts`,
    );
    expect(synced.receipts.filter((r) => r.kind === 'answer')).toHaveLength(8);
    expect(synced.receipts.filter((r) => r.kind === 'photo' && r.sha256)).toHaveLength(2);
    expect(synced.acknowledgement?.signerName).toBe('Серікбаев Қайрат Мұратұлы');

    await page.getByTestId('field-open-online').click();
    await page.waitForURL(`**${PC}/inspections/${inspectionId}`);
    await page.getByTestId('item-8').waitFor();
    expect(await page.getByTestId('item-outcome').count()).toBe(8);
    await page.locator(TEXTAREA).last().fill('Үш бұзушылық анықталды, далада желісіз тіркелді; нұсқама беріледі.');
    await page.getByTestId('complete').click();
    await page.getByTestId('conclusion').waitFor();

    const form = page.getByTestId('issue-act');
    await form.getByTestId('issue-line-3').waitFor();
    for (const n of [1, 2, 3]) {
      const l = form.getByTestId(`issue-line-${n}`);
      await l.locator(TEXTAREA).fill(`Бұзушылықты жою: ${FINDINGS[n - 1]}`);
      await l.locator('input:not([type="hidden"]):not([type="date"])').first().click();
      await page.getByRole('option', { name: PERFORMER }).click();
      const due = new Date(Date.now() + (n + 5) * 86_400_000).toISOString().slice(0, 10);
      await l.locator('input[type="date"]').fill(due);
    }
    await form.getByTestId('issue-act-submit').click();
    await page.getByTestId('open-instruction').click();
    await page.waitForURL(/\/instructions\/[0-9a-f-]{36}$/);
    await page.getByTestId('act-pdf').waitFor();
    const v = await api.get<{ items: { description: string; inspectionId: string }[] }>(`/production-control/violations?limit=200`);
    expect(
      v.items
        .filter((x) => x.inspectionId === inspectionId)
        .map((x) => x.description)
        .sort(),
    ).toEqual([...FINDINGS].sort());
  });

  it('R315-9 offline: a question answered differently on another device is a visible conflict — the device keeps its record, the server keeps its answer', async () => {
    await page.goto(`${server.url}${PC}/schedule`);
    const line = page
      .getByTestId('pc-schedule-item')
      .filter({ hasText: UNIT })
      .filter({ has: page.getByTestId('pc-start-inspection') });
    await line.first().getByTestId('pc-start-inspection').click();
    await page.waitForURL('**/inspections/start?scheduleItemId=*');
    await page.getByTestId('start-scheduled').locator('button[type="submit"]').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}\/brief$/);
    const id = /inspections\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByTestId('go-to-items').click();
    await page.getByTestId('take-for-field').click();
    await page.getByTestId('field-item-1').waitFor();
    // Another device answers item 1 online after this one took the inspection.
    const api = await pageApi(page);
    // (The three findings above come first, as re-check items: the first checklist question is the one.)
    const items = (await api.get<{ items: { id: string; position: number; source: string }[] }>(`/production-control/inspections/${id}`))
      .items;
    const q = items.find((x) => x.source === 'checklist')!;
    await api.post(`/production-control/inspections/${id}/items/${q.id}/answer`, { outcome: 'compliant' });

    await page.context().setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await recordViolation(page.getByTestId(`field-item-${q.position}`), FINDINGS[0]!);
    expect(await rows('field-unsynced-row')).toBe(1);
    await page.context().setOffline(false);
    await page.getByTestId('field-refused-row').waitFor({ timeout: 30_000 });
    const refused = await page.getByTestId('field-refused').innerText();
    expect(refused).toMatch(
      new RegExp(`${q.position}-тармаққа басқа құрылғыда|пункт ${q.position} на другом устройстве|item ${q.position} was answered`),
    );
    await page.reload();
    await page.getByTestId('field-refused-row').waitFor();
    const after = await api.get<{ items: { id: string; outcome: string | null }[] }>(`/production-control/inspections/${id}`);
    expect(after.items.find((x) => x.id === q.id)!.outcome).toBe('compliant');
    await screenshot(page, 'pc-offline-conflict');
  });
});
