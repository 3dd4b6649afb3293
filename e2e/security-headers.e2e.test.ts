import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { launchBrowser, screenshot, type Browser } from './support/browser.ts';
import { signIn } from './support/demo.ts';
import { startDemoServer, type DemoServer } from './support/server.ts';

/**
 * Issue 13: the real server sends a strict Content-Security-Policy (no inline script), and the web
 * app and the API docs work under it in Chromium, with no violation reported.
 */
let server: DemoServer;
let browser: Browser;
let page: Page;
const violations: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  page = await browser.newPage();
  page.on('console', (m: ConsoleMessage) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('issue 13 security headers in the browser', () => {
  it('the web app: a strict CSP, no framing, nosniff, no Referer; it signs in and draws its pages without a CSP violation', async () => {
    const res = await page.goto(`${server.url}/app/login`);
    const h = res!.headers();
    expect(h['content-security-policy']).toContain("script-src 'self'");
    expect(h['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['permissions-policy']).toContain('camera=()');
    // Served over plain http here: no HSTS.
    expect(h['strict-transport-security']).toBeUndefined();
    await signIn(page, server.url, 'head');
    await page.goto(`${server.url}/app/audit`);
    await page.getByRole('heading', { name: 'Аудит журналы' }).waitFor();
    await screenshot(page, 'csp-audit');
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('the API docs (Swagger UI) draw the API under the same policy', async () => {
    const res = await page.goto(`${server.url}/api/docs`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByText('Baqylau API').first().waitFor();
    await page.getByText('/api/v1/auth/login').first().waitFor();
    await screenshot(page, 'csp-api-docs');
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('a page of the server cannot be put in a frame of another site', async () => {
    await page.setContent(`<iframe id="f" src="${server.url}/app/login"></iframe>`);
    const frame = await (await page.locator('#f').elementHandle())!.contentFrame();
    // Chromium refuses to draw it (frame-ancestors 'none', X-Frame-Options DENY) and shows its error page instead.
    await expect.poll(() => frame!.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
    expect(await frame!.locator('input[name="login"]').count()).toBe(0);
  });
});
