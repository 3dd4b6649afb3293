import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/server/src/composition/demo.ts';
import { currentTotp } from '../../apps/server/src/platform/auth/totp.ts';
import { unusedTotpCode } from '../../apps/server/test/support/totp.ts';

// A code not used yet (the server accepts a time step once per account): one helper for both test tiers.
export { DEMO_PASSWORD, DEMO_USERS, unusedTotpCode };

export function demoUser(login: string) {
  const u = DEMO_USERS.find((x) => x.login === login);
  if (!u) throw new Error(`no demo user ${login}`);
  return u;
}

/** The current code of a demo account's authenticator: the server's own TOTP (SHA-1, 6 digits, 30 s). */
export const totpCode = (secretBase32: string, now = Date.now()) => currentTotp(secretBase32, now);

/**
 * Signs in through the real pages: login and password, then the second factor when the account has one.
 * Works whatever the interface language is (fields are found by their name attribute).
 */
export async function signIn(page: Page, baseUrl: string, login: string) {
  const user = demoUser(login);
  await page.goto(`${baseUrl}/app/login`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  if (user.totp) {
    await page.waitForURL('**/app/login/totp');
    await page.locator('input[name="code"]').fill(await unusedTotpCode(user.totp));
    await page.locator('form button[type="submit"]').click();
  }
  await page.waitForURL((u) => u.pathname === '/app' || (u.pathname.startsWith('/app/') && !u.pathname.startsWith('/app/login')));
}

/** Clears the session cookie and the remembered language, as a new person at the same browser. */
export async function signOutQuietly(page: Page) {
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
}
