/**
 * IIN/BIN (ЖСН/БСН, ИИН/БИН) check digit: weights 1..11 mod 11; if 10, weights
 * 3..11,1,2; if still 10 the number is invalid.
 */
const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function checkDigit(digits: number[], weights: number[]): number {
  return digits.slice(0, 11).reduce((s, d, i) => s + d * weights[i]!, 0) % 11;
}

export function isValidIinBinChecksum(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  let c = checkDigit(digits, W1);
  if (c === 10) c = checkDigit(digits, W2);
  return c !== 10 && c === digits[11];
}

/** A BIN's 5th digit names the legal-entity type: 4, 5 or 6. */
export function isValidBin(value: string): boolean {
  return isValidIinBinChecksum(value) && ['4', '5', '6'].includes(value[4]!);
}

/** An IIN: a valid check digit, and its first six digits a birth date (yyMMdd); the 7th digit gives century and sex. */
export function isValidIin(value: string): boolean {
  if (!isValidIinBinChecksum(value)) return false;
  const [yy, mm, dd, c] = [Number(value.slice(0, 2)), Number(value.slice(2, 4)), Number(value.slice(4, 6)), Number(value[6])];
  const century = ({ 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 } as Record<number, number>)[c];
  if (!century) return false;
  const d = new Date(Date.UTC(century + yy, mm - 1, dd));
  return d.getUTCMonth() === mm - 1 && d.getUTCDate() === dd;
}
