import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Debian chromium, headless, on a fresh profile folder (passed to launchPersistentContext, never as --user-data-dir). */
export async function launchBrowser(opts: { width?: number; height?: number; locale?: string } = {}): Promise<Browser> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 },
    locale: opts.locale ?? 'en-US',
    timezoneId: 'Asia/Almaty',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshots go to /tmp for a person to look at. */
export async function screenshot(page: Page, name: string) {
  const file = path.join(os.tmpdir(), `baqylau-e2e-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
