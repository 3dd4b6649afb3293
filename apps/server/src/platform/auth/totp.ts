import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238, 30-second steps, 6 digits, SHA-1: what every authenticator app supports. */
function totpFor(secretBase32: string, label = 'user') {
  return new TOTP({ issuer: 'Baqylau', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** Accepts the current code and one step either side (clock drift of phones). */
export function checkTotp(secretBase32: string, code: string, now = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secretBase32).validate({ token: code, timestamp: now, window: 1 }) !== null;
}

export const currentTotp = (secretBase32: string, now = Date.now()) => totpFor(secretBase32).generate({ timestamp: now });

export async function totpEnrolment(secretBase32: string, login: string) {
  const uri = totpFor(secretBase32, login).toString();
  return { secret: secretBase32, otpauthUri: uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}
