import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/server/src/composition/demo.ts';

export { DEMO_PASSWORD, DEMO_USERS };

export function demoUser(login: string) {
  const u = DEMO_USERS.find((x) => x.login === login);
  if (!u) throw new Error(`no demo user ${login}`);
  return u;
}

/** The current code of a demo account's authenticator (same parameters as the server: SHA-1, 6 digits, 30 s). */
export function totpCode(secretBase32: string, now = Date.now()) {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) }).generate({ timestamp: now });
}

const lastStepUsed = new Map<string, number>();

/**
 * A code of the authenticator that has not been used yet: the server accepts a time step once per
 * account (issue 13). The current step or the next (the server allows one step of drift); when both
 * are spent, waits for a new step, as a person would wait for the next code.
 */
export async function unusedTotpCode(secretBase32: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / 30_000);
    const step = Math.max(current, (lastStepUsed.get(secretBase32) ?? -Infinity) + 1);
    if (step <= current + 1) {
      lastStepUsed.set(secretBase32, step);
      return totpCode(secretBase32, step * 30_000);
    }
    await new Promise((r) => setTimeout(r, (current + 1) * 30_000 - now + 50));
  }
}

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
