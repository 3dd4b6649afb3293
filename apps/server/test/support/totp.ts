import { currentTotp } from '../../src/platform/auth/totp.ts';

const lastStepUsed = new Map<string, number>();

/**
 * For a server on the real clock: a code of a step this process has not used yet for the secret
 * (a code works once per account). The current step or the next one (the server accepts one step
 * of drift); when both are spent, waits for the clock to reach a new step, as a person would.
 */
export async function unusedTotpCode(secretBase32: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / 30_000);
    const step = Math.max(current, (lastStepUsed.get(secretBase32) ?? -Infinity) + 1);
    if (step <= current + 1) {
      lastStepUsed.set(secretBase32, step);
      return currentTotp(secretBase32, step * 30_000);
    }
    await new Promise((r) => setTimeout(r, (current + 1) * 30_000 - now + 50));
  }
}
