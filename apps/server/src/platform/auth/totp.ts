import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238, 30-second steps, 6 digits, SHA-1: what every authenticator app supports. */
function totpFor(secretBase32: string, label = 'user') {
  return new TOTP({ issuer: 'Baqylau', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const PERIOD_MS = 30_000;

/**
 * The time step (30-second counter) a code belongs to, accepting the current step and one either
 * side (clock drift of phones); null when the code is wrong. A step is to be accepted once per
 * account: the caller keeps the last step used (RFC 6238 §5.2).
 */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta;
}

/** Whether the code is right now, for a secret not yet bound to an account (enrolment). */
export const checkTotp = (secretBase32: string, code: string, now = Date.now()): boolean => totpStep(secretBase32, code, now) !== null;

export const currentTotp = (secretBase32: string, now = Date.now()) => totpFor(secretBase32).generate({ timestamp: now });

export async function totpEnrolment(secretBase32: string, login: string) {
  const uri = totpFor(secretBase32, login).toString();
  return { secret: secretBase32, otpauthUri: uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}
