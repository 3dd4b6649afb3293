import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256-bit random secrets, URL-safe. */
export const newSecret = (prefix = '') => prefix + randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
