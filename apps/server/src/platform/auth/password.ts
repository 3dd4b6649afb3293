import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.ts';
import { passwordStrength } from './password-strength.ts';

export const MIN_PASSWORD_LENGTH = 12;

// OWASP's argon2id baseline (19 MiB, t=2, p=1) — about 40 ms here, fine for logins.
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the login is unknown, so timing does not reveal which logins exist. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('baqylau-no-such-user-dummy'));

// zxcvbn-ts's list of ~49k most common leaked passwords, plus local favourites it lacks.
const LOCAL_COMMON = ['qazaqstan', 'kazakhstan', 'astana', 'almaty', 'shymkent', 'baqylau', 'qwertyuiop', 'йцукенгшщз'];
const COMMON = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Refuses short, common (breached-list), guessable passwords and passwords containing the login. */
export function assertAcceptablePassword(password: string, login: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AppError('password.too_short', { min: MIN_PASSWORD_LENGTH });
  const lower = password.toLowerCase();
  // Strip trailing digits/punctuation: "password2024!" is as weak as "password".
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || COMMON.has(stem) || LOCAL_COMMON.some((w) => stem === w || lower.startsWith(w + '1'))) {
    throw new AppError('password.too_common');
  }
  if (/^(.)\1+$/u.test(password)) throw new AppError('password.too_common');
  if (login.length >= 3 && lower.includes(login.toLowerCase())) throw new AppError('password.contains_login');
  // Then how a guesser would fare (place names, words, keyboard runs of the Latin, Russian and Kazakh
  // layouts, sequences, years). Beyond 64 characters the estimator is slow and the answer is "strong".
  if ([...password].length <= 64) {
    const { score, weakness } = passwordStrength(password);
    if (score < 4) throw new AppError('password.too_weak', { weakness });
  }
}
