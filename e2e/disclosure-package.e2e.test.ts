import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resources } from '../packages/i18n/src/index.ts';
import { flipByte } from '../apps/server/test/support/package-fixture.ts';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { buildDisclosureThroughServer, type ServerDisclosure } from './support/disclosure-package.ts';
import { SERVER_BIN, startDemoServer, type DemoServer } from './support/server.ts';

const words = (lng: 'kk' | 'ru' | 'en', key: string) => (resources[lng].common as Record<string, string>)[`verifyPage.${key}`]!;

let server: DemoServer;
let fx: ServerDisclosure;
let browser: Browser;
let page: Page;
/** Every request the page made that is not the package's own file:// page. */
const leaked: string[] = [];

async function chooseFolder() {
  await page.locator('#verdict').evaluate((e) => e.removeAttribute('data-verdict'));
  await page.locator('#pick').setInputFiles(fx.folder);
  await page.locator('#verdict[data-verdict]').waitFor({ state: 'attached' });
  return page.locator('#verdict').getAttribute('data-verdict');
}

const row = (p: string) => page.locator(`#files tr[data-path="${p}"]`);

/** The package is built by the real server (demo clinic), downloaded, unzipped; then the browser goes offline. */
beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const app = await browser.newPage();
  fx = await buildDisclosureThroughServer(server, app);
  await app.close();
  await server.stop();
  await browser.context.setOffline(true);
  page = await browser.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) leaked.push(r.url());
  });
  await page.route(
    (url) => url.protocol !== 'file:',
    (route) => route.abort(),
  );
  await page.goto(pathToFileURL(path.join(fx.folder, 'verify.html')).href);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fx?.cleanup();
});

describe('R335-3 verify.html checks a DSM-335 disclosure package in the browser with no network', () => {
  it('R335-3 the family’s package verifies: the clip, the letters, the custody of the application', async () => {
    expect(await chooseFolder()).toBe('ok');
    await expect(page.locator('#verdict').textContent()).resolves.toBe(words('kk', 'verdict.ok'));
    const paths = await page.locator('#files tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
    expect(paths.sort()).toEqual([fx.clip, 'cover-letter-kk.pdf', 'cover-letter-ru.pdf', 'custody.json'].sort());
    await expect(row(fx.clip).textContent()).resolves.toContain(words('kk', 'kind.clip'));
    await expect(page.locator('#signature').getAttribute('data-ok')).resolves.toBe('true');
    await expect(page.locator('#custody').getAttribute('data-ok')).resolves.toBe('true');
    await expect(page.locator('#pkg').textContent()).resolves.toContain(fx.number);
    await page.locator('button[data-lang="ru"]').click();
    await expect(row(fx.clip).textContent()).resolves.toContain(words('ru', 'kind.clip'));
    await screenshot(page, 'verify-disclosure-intact');
  });

  it('R335-3 one changed byte in the clip: the page fails naming it, and baqylau verify agrees', async () => {
    flipByte(path.join(fx.folder, fx.clip));
    try {
      expect(await chooseFolder()).toBe('fail');
      await expect(row(fx.clip).getAttribute('data-reason')).resolves.toBe('hash_mismatch');
      expect(await page.locator('#files tbody tr[data-ok="false"]').count()).toBe(1);
      const cli = await promisify(execFile)('node', [SERVER_BIN, 'verify', fx.folder]).then(
        () => ({ code: 0, out: '' }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`FAIL ${fx.clip}`);
    } finally {
      flipByte(path.join(fx.folder, fx.clip));
    }
    expect(await chooseFolder()).toBe('ok');
  });

  it('R335-3 an edited custody of the application: the chain fails and names the entry', async () => {
    const file = path.join(fx.folder, 'custody.json');
    const text = fs.readFileSync(file, 'utf8');
    const doc = JSON.parse(text);
    const entry = doc.segments.at(-1).entries.find((e: { action: string }) => e.action === 'cctv.request_clip_added');
    entry.recordedAt = '2020-01-01T00:00:00.000Z';
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    try {
      expect(await chooseFolder()).toBe('fail');
      await expect(page.locator('#custody').getAttribute('data-ok')).resolves.toBe('false');
      await expect(page.locator(`#custody li[data-seq="${entry.seq}"][data-reason="entry_hash_mismatch"]`).count()).resolves.toBe(1);
      await expect(page.locator(`#custody li[data-path="${fx.clip}"][data-reason="seq_not_verified"]`).count()).resolves.toBe(1);
    } finally {
      fs.writeFileSync(file, text);
    }
    expect(leaked).toEqual([]);
  });
});
