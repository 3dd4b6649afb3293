import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resources } from '../packages/i18n/src/index.ts';
import { decodeCodePage, formatFingerprint } from '../apps/server/src/kernel/evidence-packages/verify/verify-core.js';
import { buildPackageFixture, flipByte } from '../apps/server/test/support/package-fixture.ts';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { buildPackageThroughServer, type ServerPackage } from './support/court-package.ts';
import { SERVER_BIN, startDemoServer, type DemoServer } from './support/server.ts';

const words = (lng: 'kk' | 'ru' | 'en', key: string) => (resources[lng].common as Record<string, string>)[`verifyPage.${key}`]!;

let server: DemoServer;
let fx: ServerPackage;
let browser: Browser;
let page: Page;
/** Every request the page made that is not the package's own file:// page. */
const leaked: string[] = [];

/** Chooses the package folder as a recipient would (webkitdirectory input) and waits for the verdict. */
async function chooseFolder(folder = fx.folder) {
  await page.locator('#verdict').evaluate((e) => e.removeAttribute('data-verdict'));
  await page.locator('#pick').setInputFiles(folder);
  await page.locator('#verdict[data-verdict]').waitFor({ state: 'attached' });
  return page.locator('#verdict').getAttribute('data-verdict');
}

/** `baqylau verify FOLDER`, as the recipient would run it: exit code and output. */
const verifyCli = (folder: string) =>
  promisify(execFile)('node', [SERVER_BIN, 'verify', folder]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

const row = (p: string) => page.locator(`#files tr[data-path="${p}"]`);

/** The package is built by the real server (demo), downloaded, unzipped; then the browser goes offline. */
beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  const app = await browser.newPage();
  fx = await buildPackageThroughServer(server, app);
  await app.close();
  await server.stop();
  // No network at all: the browser is offline and anything but file:// is aborted (and recorded).
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

describe('R444-14 verify.html checks a court package in the browser with no network', () => {
  it('R444-14 a package built and downloaded from the server: every file passes, the key fingerprint is shown, in Kazakh by default and in Russian and English', async () => {
    await expect(page.locator('h1').textContent()).resolves.toBe(words('kk', 'title'));
    expect(await chooseFolder()).toBe('ok');
    await expect(page.locator('#verdict').textContent()).resolves.toBe(words('kk', 'verdict.ok'));
    await expect(page.locator('#fingerprint').textContent()).resolves.toBe(formatFingerprint(fx.keyFingerprint));

    // Two originals, the two cover letters and custody.json; nothing failing.
    const paths = await page.locator('#files tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
    expect(paths.sort()).toEqual([...fx.originals, 'cover-letter-kk.pdf', 'cover-letter-ru.pdf', 'custody.json'].sort());
    expect(await page.locator('#files tbody tr[data-ok="false"]').count()).toBe(0);
    await expect(page.locator('#signature').getAttribute('data-ok')).resolves.toBe('true');
    await expect(page.locator('#custody').getAttribute('data-ok')).resolves.toBe('true');

    await page.locator('button[data-lang="ru"]').click();
    await expect(page.locator('#verdict').textContent()).resolves.toBe(words('ru', 'verdict.ok'));
    await page.locator('button[data-lang="en"]').click();
    await expect(page.locator('#verdict').textContent()).resolves.toBe(words('en', 'verdict.ok'));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'verify-intact');
    await page.locator('button[data-lang="kk"]').click();
    await screenshot(page, 'verify-intact-kk');
    await page.locator('button[data-lang="en"]').click();
  });

  it('R444-14 one changed byte in one video: the page fails naming that file', async () => {
    const video = fx.originals[1]!;
    flipByte(path.join(fx.folder, video));
    try {
      expect(await chooseFolder()).toBe('fail');
      await expect(row(video).getAttribute('data-reason')).resolves.toBe('hash_mismatch');
      await expect(row(video).textContent()).resolves.toContain(words('en', 'reason.hash_mismatch'));
      expect(await page.locator('#files tbody tr[data-ok="false"]').count()).toBe(1);
      await expect(page.locator('#signature').getAttribute('data-ok')).resolves.toBe('true');
      await screenshot(page, 'verify-changed-video');
      // The command line agrees on the same folder.
      const cli = await verifyCli(fx.folder);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`FAIL ${video}`);
      expect(cli.out.match(/^FAIL /gm)).toHaveLength(1);
    } finally {
      flipByte(path.join(fx.folder, video));
    }
    expect(await chooseFolder()).toBe('ok');
  });

  it('R444-14 an edited manifest.json: the signature fails', async () => {
    const manifest = path.join(fx.folder, 'manifest.json');
    const text = fs.readFileSync(manifest, 'utf8');
    fs.writeFileSync(manifest, text.replace('2-1234/2026', '2-9999/2026'));
    expect(await chooseFolder()).toBe('fail');
    await expect(page.locator('#signature').getAttribute('data-ok')).resolves.toBe('false');
    await expect(page.locator('#signature').textContent()).resolves.toContain(words('en', 'reason.signature_invalid'));
    expect(await page.locator('#files tbody tr[data-ok="false"]').count()).toBe(0);
    const cli = await verifyCli(fx.folder);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('FAIL signature');
    fs.writeFileSync(manifest, text);
    expect((await verifyCli(fx.folder)).code).toBe(0);
  });

  it('R444-14 a file over 1.5 GiB is not read by the browser: the page says so and points to baqylau verify', async () => {
    const big = await buildPackageFixture({ largeExcerptBytes: 1_700_000_000 });
    try {
      expect(await chooseFolder(big.folder)).toBe('incomplete');
      await expect(page.locator('#verdict').textContent()).resolves.toBe(words('en', 'verdict.incomplete'));
      await expect(row('excerpts/01-large.mp4').getAttribute('data-reason')).resolves.toBe('too_large_for_browser');
      await expect(row('excerpts/01-large.mp4').textContent()).resolves.toContain('baqylau verify');
      expect(await page.locator('#files tbody tr[data-ok="false"]').count()).toBe(1);
      await screenshot(page, 'verify-too-large');
    } finally {
      big.cleanup();
    }
  });

  it('R444-14 a package unzipped by a tool that read its UTF-8 names as CP437: the file is found under the garbled name, and the page says so', async () => {
    const name = 'Тексеру актісі №12.pdf';
    const own = await buildPackageFixture({ materialName: name });
    try {
      const garbled = decodeCodePage([...Buffer.from(name)], 'cp437');
      fs.renameSync(path.join(own.folder, 'materials', name), path.join(own.folder, 'materials', garbled));
      expect(await chooseFolder(own.folder)).toBe('ok');
      await expect(row(`materials/${name}`).getAttribute('data-ok')).resolves.toBe('true');
      const note = row(`materials/${name}`).locator('[data-found-as]');
      await expect(note.getAttribute('data-found-as')).resolves.toBe(`materials/${garbled}`);
      await expect(note.textContent()).resolves.toContain(`materials/${garbled}`);
      expect(await page.locator('#files tbody tr[data-ok="false"]').count()).toBe(0);
    } finally {
      own.cleanup();
    }
  });

  it('R444-14 nothing left the page, and its Content-Security-Policy refuses any connection', async () => {
    expect(leaked).toEqual([]);
    // Were the policy missing, this request would reach the route above and be recorded as leaked.
    const attempt = await page.evaluate(() =>
      fetch('http://127.0.0.1:9/probe').then(
        () => 'sent',
        (e: Error) => e.name,
      ),
    );
    expect(attempt).toBe('TypeError');
    expect(leaked).toEqual([]);
  });
});
