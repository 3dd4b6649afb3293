import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { isValidBin } from '../packages/contracts/src/iin.ts';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { signIn, signOutQuietly, unusedTotpCode } from './support/demo.ts';
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
const dialog = () => page.getByRole('dialog');
const navLinks = async () => (await nav().getByRole('link').allInnerTexts()).map((s) => s.trim());

/** A legal-entity BIN (5th digit 4) with a correct check digit. */
function makeBin(): string {
  for (let n = 0; ; n++) {
    const head = `2411400${String(n).padStart(4, '0')}`;
    for (let d = 0; d <= 9; d++) if (isValidBin(head + d)) return head + d;
  }
}

const NEW_HEAD = { login: 'zhanabasshy', fullName: 'Тұрсынов Алмас Бекұлы', password: 'Zhana-Basshy-2026!x' };

describe('what each role sees', () => {
  it('an inspector sees neither Audit nor Administration nor Appointments, and direct links are refused', async () => {
    await signIn(page, server.url, 'inspector1');
    await page.getByRole('heading', { name: /Нұрланов Данияр/ }).waitFor();
    await nav()
      .getByRole('link', { name: /Бейнетіркеуіштер/ })
      .first()
      .waitFor();
    const links = await navLinks();
    expect(links.some((l) => l.includes('Бейнетіркеуіштер'))).toBe(true);
    for (const hidden of ['Аудит журналы', 'Әкімшілендіру', 'Жауапты тұлғаны тағайындау']) expect(links).not.toContain(hidden);
    await page.goto(`${server.url}/app/audit`);
    await page.getByRole('alert').getByText('Қол жеткізу шектелген').waitFor();
    await page.goto(`${server.url}/app/admin`);
    await page.getByRole('alert').getByText('Бұл бөлім сіздің рөліңізге қолжетімді емес.').waitFor();
    await signOutQuietly(page);
  });

  it('an auditor reads Appointments and Audit but can neither appoint nor sign a checkpoint', async () => {
    await signIn(page, server.url, 'auditor');
    await nav().getByRole('link', { name: 'Жауапты тұлғаны тағайындау' }).click();
    await page.getByTestId('appointments-table').getByText('Сәрсенбаева Әйгерім Қайратқызы').waitFor();
    expect(await page.getByRole('button', { name: 'Тағайындау' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Тоқтату' }).count()).toBe(0);
    await nav().getByRole('link', { name: 'Аудит журналы' }).click();
    await page.getByRole('button', { name: 'Тексеру' }).waitFor();
    expect(await page.getByRole('button', { name: 'Бақылау нүктесіне қазір қол қою' }).count()).toBe(0);
    expect(await navLinks()).not.toContain('Әкімшілендіру');
    await signOutQuietly(page);
  });
});

describe('platform administration', () => {
  const orgNameKk = '«Жезқазған Мыс» акционерлік қоғамы';
  const orgNameRu = 'Акционерное общество «Жезказган Мыс»';

  it('the platform admin (with TOTP) sees only Administration, and registers an organisation', async () => {
    await signIn(page, server.url, 'admin');
    await nav().getByRole('link', { name: 'Әкімшілендіру' }).waitFor(); // the navigation is drawn after the session loads
    expect(await navLinks()).toEqual(['Басты бет', 'Әкімшілендіру']);
    await nav().getByRole('link', { name: 'Әкімшілендіру' }).click();
    await page.getByRole('table', { name: 'Ұйымдар' }).getByText('«Шахтинск Көмір»', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Ұйымды тіркеу' }).click();
    await dialog().getByRole('combobox', { name: 'Ұйымның түрі' }).click();
    await page.getByRole('option', { name: 'Қауіпті өндірістік объектілерді пайдаланатын ұйым' }).click();
    await dialog().getByLabel('Қазақ тіліндегі атауы').fill(orgNameKk);
    await dialog().getByLabel('Орыс тіліндегі атауы').fill(orgNameRu);
    // A wrong check digit is refused next to the BIN field with the server's message.
    const bin = makeBin();
    const wrongBin = bin.slice(0, 11) + String((Number(bin[11]) + 1) % 10);
    await dialog().getByLabel('БСН').fill(wrongBin);
    await dialog().getByRole('button', { name: 'Құру' }).click();
    await dialog()
      .getByText(/БСН|бақылау/)
      .first()
      .waitFor();
    await dialog().getByLabel('БСН').fill(bin);
    await dialog().getByRole('button', { name: 'Құру' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Ұйымдар' }).getByText(orgNameKk).waitFor();
  });

  it('the platform admin creates a head for the new organisation and grants and revokes a role', async () => {
    await page.getByRole('tab', { name: 'Пайдаланушылар' }).click();
    await page.getByRole('button', { name: 'Пайдаланушы құру' }).click();
    await dialog().getByLabel('Логин').fill(NEW_HEAD.login);
    await dialog().getByLabel('Тегі, аты, әкесінің аты').fill(NEW_HEAD.fullName);
    await dialog().getByLabel('Бастапқы құпиясөз').fill(NEW_HEAD.password);
    await dialog().getByRole('combobox', { name: 'Ұйым', exact: true }).click();
    await page.getByRole('option', { name: orgNameKk }).click();
    await dialog().getByRole('combobox', { name: 'Рөл' }).click();
    await page.getByRole('option', { name: 'Аумақтық бөлімшенің басшысы' }).click();
    await dialog().getByRole('button', { name: 'Құру' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Пайдаланушылар' }).getByText(NEW_HEAD.fullName).waitFor();

    await page.getByRole('tab', { name: 'Ұйымдардағы рөлдер' }).click();
    await page.getByRole('combobox', { name: 'Ұйым', exact: true }).click();
    await page.getByRole('option', { name: orgNameKk }).click();
    const members = page.getByRole('table', { name: 'Ұйымдардағы рөлдер' });
    await members.getByRole('row').filter({ hasText: NEW_HEAD.fullName }).getByText('Аумақтық бөлімшенің басшысы').waitFor();

    await page.getByRole('combobox', { name: 'Пайдаланушы' }).click();
    await page.getByRole('option', { name: /Омарова Гүлнар/ }).click();
    await page.getByRole('form', { name: 'Рөл беру' }).getByRole('combobox', { name: 'Рөл' }).click();
    await page.getByRole('option', { name: 'Аудитор (тек қарау)' }).click();
    await page.getByRole('button', { name: 'Рөл беру' }).click();
    const omarova = members.getByRole('row').filter({ hasText: 'Омарова Гүлнар Бекқызы' });
    await omarova.getByText('Аудитор (тек қарау)').waitFor();
    await screenshot(page, 'admin-members');
    await omarova.getByRole('button', { name: /«Аудитор \(тек қарау\)» рөлін алу/ }).click();
    await omarova.waitFor({ state: 'detached' });
    await signOutQuietly(page);
  });

  it('R444-6 the new head must set up an authenticator app (QR code and key) before using the app', async () => {
    await page.goto(`${server.url}/app/login`);
    await page.locator('input[name="login"]').fill(NEW_HEAD.login);
    await page.locator('input[name="password"]').fill(NEW_HEAD.password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/app/login/enrol');
    await page.getByRole('img', { name: 'Аутентификатор қосымшасына арналған QR-код' }).waitFor();
    const src = await page.getByRole('img', { name: 'Аутентификатор қосымшасына арналған QR-код' }).getAttribute('src');
    expect(src).toMatch(/^data:image\/svg\+xml/);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await screenshot(page, 'enrol');
    await page.locator('input[name="code"]').fill(await unusedTotpCode(secret));
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/app/');
    // An operator of hazardous facilities gets the production-control module, not Order 444.
    await nav()
      .getByRole('link', { name: /Өндірістік бақылау/ })
      .waitFor();
    const links = await navLinks();
    expect(links.some((l) => l.includes('Өндірістік бақылау'))).toBe(true);
    expect(links.some((l) => l.includes('Бейнетіркеуіштер'))).toBe(false);
  });
});
