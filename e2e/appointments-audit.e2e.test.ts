import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { signIn } from './support/demo.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

let server: DemoServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
  await signIn(page, server.url, 'head');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

/** dd.MM.yyyy of today + n days in Asia/Almaty, as a person types it. */
function almatyDate(plusDays = 0) {
  const d = new Date(Date.now() + plusDays * 86_400_000);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Almaty', day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}.${p.month}.${p.year}`;
}

const table = () => page.getByTestId('appointments-table');
const dialog = () => page.getByRole('dialog');
const rowOf = (text: string) => table().getByRole('row').filter({ hasText: text });

async function choose(label: string, option: string) {
  await dialog().getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('R444-6 appointment of the responsible person', () => {
  it('R444-6 the head sees the current primary appointment with its order', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Жауапты тұлғаны тағайындау' }).click();
    await page.waitForURL('**/app/appointments');
    const row = rowOf('Сәрсенбаева Әйгерім Қайратқызы');
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/№ 12-ж бұйрық/);
    await expect(row.getByText('Қолданыста').isVisible()).resolves.toBe(true);
  });

  it('R444-6 head appoints a deputy responsible person by order, and the row appears', async () => {
    await page.getByRole('button', { name: 'Тағайындау', exact: true }).click();
    await dialog().getByRole('heading', { name: 'Жауапты тұлғаны тағайындау' }).waitFor();
    await choose('Қызметкер', 'Нұрланов Данияр Асқарұлы');
    await dialog().getByLabel('Жауапты тұлғаның орынбасары').check();
    await dialog().getByLabel('Бұйрықтың нөмірі').fill('27-ж');
    await screenshot(page, 'appoint-form');
    await dialog().getByRole('button', { name: 'Тағайындау' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = rowOf('Нұрланов Данияр Асқарұлы');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Жауапты тұлғаның орынбасары');
    expect(text).toContain(`${almatyDate()} № 27-ж бұйрық`);
    expect(text).toContain('мерзімсіз');
  });

  it('R444-6 a second primary responsible person for the same days is refused with the reason', async () => {
    await page.getByRole('button', { name: 'Тағайындау', exact: true }).click();
    await choose('Қызметкер', 'Омарова Гүлнар Бекқызы');
    await dialog().getByLabel('Бұйрықтың нөмірі').fill('28-ж');
    await dialog().getByRole('button', { name: 'Тағайындау' }).click();
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/Сәрсенбаева|12-ж/);
    await screenshot(page, 'appoint-conflict');
    await dialog().getByRole('button', { name: 'Бас тарту' }).click();
  });

  it('R444-6 head ends the primary appointment with a reason, then appoints a successor from tomorrow', async () => {
    await table().getByRole('button', { name: 'Тағайындауды тоқтату: Сәрсенбаева Әйгерім Қайратқызы' }).click();
    await dialog().getByLabel('Тоқтату себебі').fill('Басқа лауазымға ауысуы, 30-ж бұйрық');
    await dialog().getByRole('button', { name: 'Тоқтату' }).click();
    await dialog().waitFor({ state: 'detached' });
    await rowOf('Сәрсенбаева').getByText('Себебі: Басқа лауазымға ауысуы, 30-ж бұйрық').waitFor();

    await page.getByRole('button', { name: 'Тағайындау', exact: true }).click();
    await choose('Қызметкер', 'Омарова Гүлнар Бекқызы');
    await dialog().getByLabel('Бұйрықтың нөмірі').fill('31-ж');
    const from = dialog().getByLabel('Қолданылу басталатын күн');
    await from.fill(almatyDate(1));
    await dialog().getByRole('heading').click(); // leave the field; its calendar closes
    await dialog().getByRole('button', { name: 'Тағайындау' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = rowOf('Омарова Гүлнар Бекқызы');
    await row.waitFor();
    expect(await row.innerText()).toContain(`${almatyDate(1)} — мерзімсіз`);
    await expect(row.getByText('Әлі басталмаған').isVisible()).resolves.toBe(true);
    await screenshot(page, 'appointments');
  });
});

describe('audit ledger', () => {
  it('the head views the ledger newest first with translated actions, in Russian', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Журнал аудита' }).click();
    await page.waitForURL('**/app/audit');
    const ledger = page.getByTestId('ledger-table');
    await ledger.getByRole('row').nth(1).waitFor();
    const seqs = await ledger.locator('tbody tr td:first-child').allInnerTexts();
    const numbers = seqs.map(Number);
    expect(numbers.length).toBeGreaterThan(5);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    const first = await ledger.locator('tbody tr').first().innerText();
    expect(first).toContain('Назначено ответственное лицо');
    expect(first).toContain('Жұмабеков Ерлан Серікұлы');
    await ledger.locator('tbody tr').filter({ hasText: 'Назначение прекращено' }).first().waitFor();
    await expect(page.getByTestId('key-fingerprint').innerText()).resolves.toMatch(/\S{8,}/);
  });

  it('Verify shows a pass with the number of entries and checkpoints', async () => {
    await page.getByRole('button', { name: 'Проверить' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    const text = await result.innerText();
    expect(text).toContain('Цепочка не нарушена');
    expect(text).toMatch(/Проверен[оа] \d+ запис/);
    // The verification itself is a new entry at the top.
    await page.getByTestId('ledger-table').locator('tbody tr').first().getByText('Проверен журнал аудита').waitFor();
  });

  it('the head signs a checkpoint now; filters narrow the entries to one action', async () => {
    await page.getByRole('button', { name: 'Подписать контрольную точку сейчас' }).click();
    await page.getByText(/Контрольная точка подписана на записи № \d+/).waitFor();
    await page.getByRole('combobox', { name: 'Действие' }).click();
    await page.getByRole('option', { name: 'Назначено ответственное лицо' }).click();
    const rows = page.getByTestId('ledger-table').locator('tbody tr');
    // Not vacuously true: while the filtered page loads the table can be empty for a moment.
    const filtered = async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 0 && texts.every((r) => r.includes('Назначено ответственное лицо'));
    };
    await expect.poll(filtered).toBe(true);
    expect(await rows.count()).toBe(3);
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await screenshot(page, 'audit-ru');
  });

  it('R444-13 R444-21 a refused request for a recording appears in the refused-access panel with its rule and count', async () => {
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
    const orgId: string = me.currentOrganisationId ?? me.organisations[0].id;
    const media = `${server.url}/api/v1/organisations/${orgId}/recordings/6f1c0a52-4a8e-4f0e-9b7a-1d2c3e4f5a6b/media`;
    // Someone without a session asks twice for a recording's bytes: refused twice, counted in one row.
    for (let i = 0; i < 2; i++) expect((await fetch(media)).status).toBe(401);
    await page.reload();
    const panel = page.getByTestId('refusals-table');
    const row = panel.locator('tbody tr').filter({ hasText: 'auth.unauthenticated' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Аноним (без входа)');
    expect(text).toMatch(/Видеозапись\s*6f1c0a52/);
    expect(text).toMatch(/401 auth\.unauthenticated\s+2/);
    await screenshot(page, 'audit-refusals-ru');
  });
});

describe('tablet', () => {
  it('at 768 px the menu folds behind a button that opens it from the keyboard', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}/app/audit`);
    await page.getByTestId('ledger-table').waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Назначение ответственного лица' }).isVisible()).toBe(false);
    const burger = page.getByRole('button', { name: 'Открыть или закрыть меню' });
    await burger.focus();
    await page.keyboard.press('Enter');
    const link = page.getByRole('navigation').getByRole('link', { name: 'Назначение ответственного лица' });
    await link.waitFor();
    await screenshot(page, 'tablet-menu');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/app/appointments');
    await page.getByTestId('appointments-table').waitFor();
    await screenshot(page, 'tablet-appointments');
  });
});
