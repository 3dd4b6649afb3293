import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { DEMO_PASSWORD, signIn, signOutQuietly, totpCode, unusedTotpCode, demoUser } from './support/demo.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

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
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});

const nav = () => page.getByRole('navigation');

describe('sign-in and the app shell', () => {
  it('/ and unknown paths lead to /app, which asks a stranger to sign in (in Kazakh by default)', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/app/login');
    // The URL changes before the sign-in page has drawn: wait for it, then check it is shown.
    await page.getByRole('heading', { name: 'Жүйеге кіру' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Жүйеге кіру' }).isVisible()).resolves.toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    await page.goto(`${server.url}/app/audit`);
    await page.waitForURL('**/app/login');
  });

  it('a wrong password is refused with the server message in the chosen language', async () => {
    await page.locator('input[name="login"]').fill('head');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').getByText('Логин немесе құпиясөз қате.').waitFor();
  });

  it('R444-6 the head signs in with the password and a TOTP second factor, a wrong code is refused', async () => {
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/app/login/totp');
    await page.getByRole('heading', { name: 'Екінші фактор' }).waitFor();
    const right = totpCode(demoUser('head').totp!);
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    await page.locator('input[name="code"]').fill(wrong);
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('alert').getByText('Бір реттік код қате немесе оның мерзімі өтіп кеткен.').waitFor();
    await page.locator('input[name="code"]').fill(await unusedTotpCode(demoUser('head').totp!));
    await page.locator('form button[type="submit"]').click();
    // Back to the page asked for before signing in.
    await page.waitForURL('**/app/audit');
    await page.getByRole('heading', { name: 'Аудит журналы' }).waitFor();
    await nav().getByRole('link', { name: 'Басты бет' }).click();
    await page.getByRole('heading', { name: /Қош келдіңіз, Жұмабеков Ерлан/ }).waitFor();
    await screenshot(page, 'home-kk');
  });

  it('the head sees the Order 444 module, Appointments and Audit, but not Administration', async () => {
    await expect(
      nav()
        .getByRole('link', { name: /Бейнетіркеуіштер/ })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(nav().getByRole('link', { name: 'Жауапты тұлғаны тағайындау' }).isVisible()).resolves.toBe(true);
    await expect(nav().getByRole('link', { name: 'Аудит журналы' }).isVisible()).resolves.toBe(true);
    expect(await nav().getByRole('link', { name: 'Әкімшілендіру' }).count()).toBe(0);
    expect(
      await nav()
        .getByRole('link', { name: /Өндірістік бақылау/ })
        .count(),
    ).toBe(0);
  });

  it('the Order 444 module opens its dashboard and sub-navigation, an unknown page says so', async () => {
    await nav()
      .getByRole('link', { name: /Бейнетіркеуіштер/ })
      .click();
    await page.waitForURL('**/app/recorders');
    await page.getByRole('heading', { name: 'Бейнетіркеуіштер: бақылау тақтасы' }).waitFor();
    await nav().getByRole('link', { name: 'Беру және тапсыру журналы' }).waitFor();
    await page.goto(`${server.url}/app/no-such-page`);
    await page.getByRole('heading', { name: 'Бет табылмады' }).waitFor();
  });

  it('switching to Russian and English translates the shell; the choice survives a reload and is kept in the profile', async () => {
    await page.goto(`${server.url}/app/`);
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await nav().getByRole('link', { name: 'Журнал аудита' }).waitFor();
    await expect(nav().getByRole('link', { name: 'Назначение ответственного лица' }).isVisible()).resolves.toBe(true);
    await page.getByRole('heading', { name: /Здравствуйте, Жұмабеков Ерлан/ }).waitFor();
    await page.getByText('Руководитель территориального подразделения').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await screenshot(page, 'home-ru');

    await page.reload();
    await nav().getByRole('link', { name: 'Журнал аудита' }).waitFor();

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await nav().getByRole('link', { name: 'Audit ledger' }).waitFor();

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Қазақша' }).click();
    await nav().getByRole('link', { name: 'Аудит журналы' }).waitFor();

    // The profile now says Russian after this: a fresh browser state signs in and gets Russian.
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await nav().getByRole('link', { name: 'Журнал аудита' }).waitFor();
    await signOutQuietly(page);
    await signIn(page, server.url, 'head');
    await nav().getByRole('link', { name: 'Журнал аудита' }).waitFor();
  });

  it('the user menu signs out, and the login page comes back', async () => {
    await page.getByRole('button', { name: /Меню пользователя/ }).click();
    await page.getByRole('menuitem', { name: 'Выйти', exact: true }).click();
    await page.waitForURL('**/app/login');
    await page.getByRole('heading', { name: 'Вход в систему' }).waitFor();
    await page.goto(`${server.url}/app/`);
    await page.waitForURL('**/app/login');
  });

  it('keyboard only: sign in with Tab and Enter, skip to the content, open the user menu', async () => {
    await page.goto(`${server.url}/app/login`);
    await page.locator('input[name="login"]').waitFor();
    // The login field has focus on arrival.
    await page.keyboard.type('auditor');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/app/');
    await nav().getByRole('link', { name: 'Журнал аудита' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Перейти к содержанию');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.getByRole('button', { name: /Меню пользователя/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Выйти на всех устройствах' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('"sign out everywhere" ends the sessions in other browsers too', async () => {
    const other = await launchBrowser();
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, server.url, 'auditor');
      await otherPage.getByRole('navigation').getByRole('link', { name: 'Журнал аудита' }).waitFor();
      await page.getByRole('button', { name: /Меню пользователя/ }).click();
      await page.getByRole('menuitem', { name: 'Выйти на всех устройствах' }).click();
      await page.waitForURL('**/app/login');
      await otherPage.reload();
      await otherPage.waitForURL('**/app/login');
    } finally {
      await other.close();
    }
  });
});
