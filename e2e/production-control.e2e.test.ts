import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { measurePhotoPng } from '../apps/server/src/production-control/demo/demo-photo.ts';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { signIn, signOutQuietly } from './support/demo.ts';
import { pageApi } from './support/evidence.ts';
import { almatyDate } from './support/retention.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

const run = promisify(execFile);
/** A textarea a person types into (Mantine's autosize keeps a hidden one for measuring). */
const TEXTAREA = 'textarea:not([aria-hidden="true"])';
const PC = '/app/production-control';
const UNIT = 'Желдету және газ бақылау учаскесі';
const DANGEROUS = 'Желдету учаскесіндегі метан датчигі ДМС-03 өшірулі тұр, газ бақылауы жоқ';
const ORDINARY = 'Желдету есігінің шлюзі ашық қалдырылған, ауа ағыны қысқа тұйықталған';
const PERFORMER = 'Әлиев Руслан Маратұлы';

let server: DemoServer;
let browser: Browser;
let page: Page;
let instructionPath = '';
let instructionNumber = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-pc-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

const as = async (login: string) => {
  await signOutQuietly(page).catch(() => undefined);
  await signIn(page, server.url, login);
};
const inDays = (n: number) => almatyDate(new Date(Date.now() + n * 86_400_000));

/**
 * The schedule's first line of the ventilation unit not yet inspected: its "start" button. The demo plans
 * the unit's next lines 2 and 4 days ahead: late in December they are in next year's schedule.
 */
async function startNextVentilationLine(daysAhead: number) {
  await page.goto(`${server.url}${PC}/schedule?year=${inDays(daysAhead).slice(0, 4)}`);
  const line = page
    .getByTestId('pc-schedule-item')
    .filter({ hasText: UNIT })
    .filter({ has: page.getByTestId('pc-start-inspection') });
  await line.first().getByTestId('pc-start-inspection').click();
  await page.waitForURL('**/inspections/start?scheduleItemId=*');
  await page.getByTestId('start-scheduled').locator('button[type="submit"]').click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}\/brief$/);
}

async function recordViolation(item: Locator, description: string, dangerous: boolean) {
  await item.getByTestId('answer-violation').click();
  await item.locator(TEXTAREA).nth(1).fill(description);
  if (dangerous) await item.getByTestId('dangerous').check();
  await item.getByTestId('record-violation').click();
  await item.getByTestId('item-outcome').waitFor();
}

/** A PDF from one of the page's kk/ru menus, as text (pdftotext, as a reader's tool extracts it). */
async function pdfFrom(menu: string, lang: 0 | 1) {
  await page.getByTestId(menu).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem').nth(lang).click()]);
  const file = (await (download as Download).path())!;
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const { stdout } = await run('pdftotext', [file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

describe('Order 315 in the browser: from the schedule to the re-check at the next inspection', () => {
  it('R315-7 R315-9 R315-27 the official starts a scheduled inspection and records two violations, one dangerous to life', async () => {
    await as('pcofficial');
    await startNextVentilationLine(2);
    await page.getByTestId('go-to-items').click();
    await page.getByTestId('item-1').waitFor();
    await recordViolation(page.getByTestId('item-1'), DANGEROUS, true);
    await recordViolation(page.getByTestId('item-2'), ORDINARY, false);
    for (let n = 3; n <= 8; n++) {
      const item = page.getByTestId(`item-${n}`);
      await item.getByTestId('answer-compliant').click();
      await item.getByTestId('item-outcome').waitFor();
    }
    await page.locator(TEXTAREA).last().fill('Метан датчигі өшірулі: учаскедегі жұмыстарды тоқтата тұру ұсынылды; нұсқама беріледі.');
    await page.getByTestId('complete').click();
    await page.getByTestId('conclusion').waitFor();
  });

  it('R315-15 R315-16 the official issues the act and the instruction; both print in Kazakh and Russian', async () => {
    const form = page.getByTestId('issue-act');
    await form.getByTestId('issue-line-2').waitFor();
    const lines: [string, number][] = [
      ['Метан датчигін қосу және тексеру, газ бақылау жүйесін іске қосу', 1],
      ['Желдету шлюзінің есіктерін жабу, блоктау құрылғысын орнату', 10],
    ];
    for (const [n, [measure, days]] of lines.entries()) {
      const line = form.getByTestId(`issue-line-${n + 1}`);
      await line.locator(TEXTAREA).fill(measure);
      await line.locator('input:not([type="hidden"]):not([type="date"])').first().click();
      await page.getByRole('option', { name: PERFORMER }).click();
      await line.locator('input[type="date"]').fill(inDays(days));
    }
    await form.getByTestId('issue-act-submit').click();
    await page.getByTestId('open-instruction').click();
    await page.waitForURL(/\/instructions\/[0-9a-f-]{36}$/);
    instructionPath = new URL(page.url()).pathname;
    await page.getByTestId('instruction-pdf').waitFor();
    instructionNumber = /Н-\d{4}\/\d{3}/.exec(await page.locator('main').innerText())![0];

    const kk = await pdfFrom('instruction-pdf', 0);
    const ru = await pdfFrom('instruction-pdf', 1);
    for (const text of [kk, ru]) {
      expect(text).toContain(instructionNumber);
      // Table cells wrap: distinctive words of each violation and the performer.
      for (const word of ['ДМС-03', 'шлюзі', 'Әлиев']) expect(text).toContain(word);
    }
    expect(kk).toMatch(/нұсқама/i);
    expect(ru).toMatch(/предписани/i);
    const actKk = await pdfFrom('act-pdf', 0);
    const actRu = await pdfFrom('act-pdf', 1);
    expect(actKk).toMatch(/акт/i);
    expect(actRu).toMatch(/акт/i);
    for (const text of [actKk, actRu]) expect(text).toContain('Желдету');
  });

  it('R315-9 R315-27 the suspension proposal reaches the first head', async () => {
    await as('operator');
    await page.goto(`${server.url}${PC}/proposals`);
    await page.getByTestId('proposals').waitFor();
    await page.getByTestId('proposal-suspend_work').filter({ hasText: DANGEROUS }).waitFor();
    // The notice came at once, in the first head's own notifications.
    const notices = await (await pageApi(page)).get<{ kind: string; payload: { description?: string } }[]>('/notifications');
    expect(notices.some((n) => n.kind === 'pc.suspend_work_proposed' && n.payload.description === DANGEROUS)).toBe(true);
  });

  it('R315-27 the performer reports the measure done with a photo; the official verifies it eliminated', async () => {
    await as('performer');
    await page.goto(`${server.url}${PC}/measures`);
    const card = page.getByTestId(`measure-${instructionNumber}-2`);
    await card.waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/evidence') && r.request().method() === 'POST' && r.ok()),
      card.locator('input[type="file"]').first().setInputFiles({ name: 'shluz.png', mimeType: 'image/png', buffer: measurePhotoPng() }),
    ]);
    await card.getByTestId('report-done').click();
    await expect.poll(async () => card.getByTestId('report-done').count()).toBe(0);

    await as('pcofficial');
    await page.goto(`${server.url}${instructionPath}`);
    const verification = page.locator('[data-testid^="verification-"]');
    await verification.first().locator('button').first().click();
    await expect.poll(async () => verification.count()).toBe(0);
  });

  it('R315-14 R315-9 the next inspection of the unit brings the eliminated violation back for re-check', async () => {
    await startNextVentilationLine(4);
    await expect.poll(async () => page.locator('main').innerText()).toContain(ORDINARY);
    await page.getByTestId('go-to-items').click();
    const recheck = page.locator('[data-testid^="item-"]').filter({ hasText: ORDINARY });
    await recheck.first().waitFor();
    expect(await recheck.count()).toBe(1);
    await screenshot(page, 'pc-recheck');
  });
});
