import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { signIn, signOutQuietly } from './support/demo.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

const run = promisify(execFile);
const PC = '/app/production-control';

let server: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser({ width: 1400, height: 1000 })]);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-pc-report-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

const as = async (login: string) => {
  await signOutQuietly(page).catch(() => undefined);
  await signIn(page, server.url, login);
};

/** A PDF from a kk/ru menu, as text (pdftotext, as a reader's tool extracts it). */
async function pdfFrom(menu: ReturnType<Page['getByTestId']>, lang: 0 | 1) {
  await menu.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem').nth(lang).click()]);
  const file = (await (download as Download).path())!;
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const { stdout } = await run('pdftotext', [file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/** Share of pixels in an element's screenshot that are not (near) white: what a person sees drawn there. */
async function inkShare(testId: string) {
  const png = await page.getByTestId(testId).locator('svg.recharts-surface').first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 200 || d[i + 1]! < 200 || d[i + 2]! < 200) ink++;
    return ink / (d.length / 4);
  }, png.toString('base64'));
}

describe('Order 315: the monthly report to the head in the browser', () => {
  it('R315-18 the head sees last month presented, approves it, and prints it in Kazakh and Russian', async () => {
    await as('operator');
    await page.goto(`${server.url}${PC}/reports/monthly`);
    const version = page.getByTestId('report-version-1');
    await version.waitFor();
    expect(await version.getByTestId('report-approved').count()).toBe(0);
    const numbers = (await page.getByTestId('report-instruction').locator('td:first-child').allInnerTexts()).map((s) => s.trim());
    expect(numbers.length).toBeGreaterThan(0);
    await version.getByTestId('report-approve').click();
    await version.getByTestId('report-approved').waitFor();

    const menu = version.getByRole('button', { name: 'PDF' });
    const kk = await pdfFrom(menu, 0);
    const ru = await pdfFrom(menu, 1);
    expect(kk).toMatch(/өндірістік бақылау нәтижелері туралы ЕСЕП/);
    expect(kk).toMatch(/1-нұсқа, \d\d\.\d\d\.\d{4} бекітілді/);
    expect(ru).toMatch(/ОТЧЁТ о результатах производственного контроля/);
    expect(ru).toMatch(/версия 1, утверждена \d\d\.\d\d\.\d{4}/);
    for (const n of numbers) {
      expect(kk).toContain(n);
      expect(ru).toContain(n);
    }
  });

  it("R315-18 the official cannot approve; the head's dashboard draws the three charts with something in them", async () => {
    await as('pcofficial');
    await page.goto(`${server.url}${PC}/reports/monthly`);
    await page.getByTestId('report-version-1').waitFor();
    expect(await page.getByTestId('report-approve').count()).toBe(0);

    await as('operator');
    await page.goto(`${server.url}${PC}`);
    await page.getByTestId('pc-month-figures').waitFor();
    for (const chart of ['chart-violations', 'chart-on-time', 'chart-overdue-age']) {
      await page.getByTestId(chart).locator('svg.recharts-surface').first().waitFor();
    }
    await page.waitForTimeout(1500); // recharts animates bars in
    expect(await page.getByTestId('chart-violations').locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    for (const chart of ['chart-violations', 'chart-on-time', 'chart-overdue-age']) expect(await inkShare(chart)).toBeGreaterThan(0.01);
    await screenshot(page, 'pc-dashboard-charts');
  });
});

/** Point 26's seven sections as the act words them (kk, ru), in its order. */
const ANNUAL_SECTIONS = {
  kk: [
    '1. Ағымдағы жылға өнеркәсіптік қауіпсіздікті қамтамасыз ету жөніндегі іс-шаралар жоспарын дайындау туралы',
    '2. Өнеркәсіптік қауіпсіздікті басқару жүйесін ұйымдастыру туралы',
    '3. Бұзушылықтарды жою, өнеркәсіптік қауіпсіздік саласындағы уәкілетті органның нұсқамаларын орындау туралы',
    '4. Қауіпті өндірістік объектідегі аварияны оқшаулау және оның салдарын жою жөніндегі іс-қимылдарға әзірлік туралы',
    '5. Қауіпті өндірістік объектіде қолданылатын техникалық құрылғылардың жай-күйі туралы',
    '6. Қауіпті өндірістік объектілерде болған авариялар, оқыс оқиғалар және жазатайым оқиғалар туралы',
    '7. Қауіпті өндірістік объектілерде жұмыс істейтін басшыларды, мамандарды және жұмыскерлерді өнеркәсіптік қауіпсіздік',
  ],
  ru: [
    '1. О подготовке плана мероприятий по обеспечению промышленной безопасности на текущий год',
    '2. Об организации системы управления промышленной безопасностью',
    '3. Об устранении нарушений, исполнении предписаний уполномоченного органа в области промышленной безопасности',
    '4. О готовности к действиям по локализации и ликвидации последствий аварии на опасном производственном объекте',
    '5. О состоянии технических устройств, применяемых на опасном производственном объекте',
    '6. Об авариях, инцидентах и несчастных случаях, происшедших на опасных производственных объектах',
    '7. О подготовке и переподготовке по вопросам промышленной безопасности руководителей, специалистов и работников',
  ],
};

describe('Order 315: the annual information in the browser', () => {
  const ADDED = 'Өндірістік бақылау қызметінің құрылымы 2026 жылы толықтырылды';

  it('R315-26 the service amends last year’s annual information and presents it again; the head approves version 2 and prints it in Kazakh and Russian with all seven sections', async () => {
    await as('pcservice');
    await page.goto(`${server.url}${PC}/annual-information`);
    await page.getByTestId('document-version-1').waitFor();
    for (let n = 1; n <= 7; n++)
      expect(
        await page
          .locator('[data-testid^="document-section-"]')
          .nth(n - 1)
          .count(),
      ).toBe(1);
    const management = page.getByTestId('document-text-management');
    await management.fill(`${await management.inputValue()} ${ADDED}.`);
    await page.getByTestId('document-save').click();
    await expect.poll(async () => page.getByTestId('document-save').isDisabled()).toBe(true);
    await page.getByTestId('document-present').click();
    await page.getByTestId('document-version-2').waitFor();

    await as('operator');
    await page.goto(`${server.url}${PC}/annual-information`);
    const version = page.getByTestId('document-version-2');
    await version.waitFor();
    await version.getByTestId('document-approve').click();
    await version.getByTestId('document-approved').waitFor();
    expect(await page.getByTestId('document-version-1').getByTestId('document-approve').count()).toBe(0);

    const menu = version.getByRole('button', { name: 'PDF' });
    for (const [lang, n] of [
      ['kk', 0],
      ['ru', 1],
    ] as const) {
      // pdftotext may break a hyphenated word at the line end (іс-шаралар): joined back as a reader reads it.
      const text = (await pdfFrom(menu, n)).replace(/(\p{L})- (\p{L})/gu, '$1-$2');
      const at = ANNUAL_SECTIONS[lang].map((s) => text.indexOf(s));
      expect(
        at.every((p) => p >= 0),
        `${lang}: ${ANNUAL_SECTIONS[lang].filter((_, i) => at[i]! < 0).join(' | ')}`,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(text).toContain(ADDED);
      expect(text).toContain(lang === 'kk' ? 'БЕКІТЕМІН' : 'УТВЕРЖДАЮ');
    }
  });
});
