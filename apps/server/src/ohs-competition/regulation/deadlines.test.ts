import { describe, expect, it } from 'vitest';
import { rulesInForce } from './competition-rules.ts';
import { deadlineOf, isLate } from './deadlines.ts';

const rules = rulesInForce('2026-01-10');
const submission = deadlineOf(2025, rules.deadlines.submission, 'Asia/Almaty');
const results = deadlineOf(2025, rules.deadlines.results, 'Asia/Almaty');

describe('RC-16 RC-21 deadlines of the year after the reporting year, in Asia/Almaty time', () => {
  it('RC-16 stage II submissions for 2025 are due 20.03.2026: late from midnight in Almaty (19:00 UTC)', () => {
    expect(submission).toEqual({ point: '16', dueOn: '2026-03-20', closesAt: new Date('2026-03-20T19:00:00Z') });
    expect(isLate(new Date('2026-03-20T18:59:00Z'), submission)).toBe(false); // 23:59 in Almaty
    expect(isLate(new Date('2026-03-20T19:00:00Z'), submission)).toBe(true); // 00:00 on 21 March
  });

  it('RC-21 results are due 20.04.2026, late from the minute after midnight in Almaty', () => {
    expect(results).toEqual({ point: '21', dueOn: '2026-04-20', closesAt: new Date('2026-04-20T19:00:00Z') });
    expect(isLate(new Date('2026-04-20T18:59:00Z'), results)).toBe(false);
    expect(isLate(new Date('2026-04-20T19:01:00Z'), results)).toBe(true);
  });

  it('RC-16 a union elsewhere judges by its own zone; a deadline that excludes its day closes a day earlier', () => {
    expect(deadlineOf(2025, rules.deadlines.submission, 'Europe/Moscow').closesAt).toEqual(new Date('2026-03-20T21:00:00Z'));
    expect(deadlineOf(2025, { ...rules.deadlines.submission, includesDay: false }, 'Asia/Almaty').closesAt).toEqual(
      new Date('2026-03-19T19:00:00Z'),
    );
  });
});
