import { describe, expect, it } from 'vitest';
import { isValidBin, isValidIinBinChecksum } from '../src/iin.ts';

describe('R444-5 BIN of the controlled subject', () => {
  it.each(['990340001230', '051240004566', '180540007892', '970440003217'])('accepts a BIN with a correct check digit: %s', (bin) => {
    expect(isValidBin(bin)).toBe(true);
  });

  it('rejects a wrong check digit, wrong length, letters', () => {
    expect(isValidBin('990340001231')).toBe(false);
    expect(isValidBin('99034000123')).toBe(false);
    expect(isValidBin('99034000123a')).toBe(false);
  });

  it('rejects an IIN (5th digit not 4, 5 or 6) as a BIN while its checksum is valid', () => {
    // 850101300015: an IIN-shaped number (birth date 1985-01-01) with a valid check digit.
    const iin = '85010130001' + checkDigitFor('85010130001');
    expect(isValidIinBinChecksum(iin)).toBe(true);
    expect(isValidBin(iin)).toBe(false);
  });

  it('uses the second weight set when the first gives 10', () => {
    // Find a prefix whose first-pass remainder is 10 and check the number validates via weights 3..11,1,2.
    const prefix = findPrefixWithFirstPass10();
    const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    const c2 = [...prefix].reduce((s, d, i) => s + Number(d) * w2[i]!, 0) % 11;
    if (c2 !== 10) expect(isValidIinBinChecksum(prefix + c2)).toBe(true);
    for (let d = 0; d <= 9; d++) if (d !== c2) expect(isValidIinBinChecksum(prefix + d)).toBe(false);
  });
});

function checkDigitFor(prefix: string): number {
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
  let c = [...prefix].reduce((s, d, i) => s + Number(d) * w1[i]!, 0) % 11;
  if (c === 10) c = [...prefix].reduce((s, d, i) => s + Number(d) * w2[i]!, 0) % 11;
  return c;
}

function findPrefixWithFirstPass10(): string {
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  for (let n = 10000000000; ; n++) {
    const p = String(n);
    if ([...p].reduce((s, d, i) => s + Number(d) * w1[i]!, 0) % 11 === 10) return p;
  }
}
