/**
 * Recorders number their files; the number is the last group of digits in the
 * name ("20260302_091500_0007.MP4" → 7). Missing numbers are continuity
 * findings (R444-19).
 */
export function fileSequenceOf(name: string): number | null {
  const base = name.replace(/\.[^.]+$/, '');
  const m = /(\d+)(?!.*\d)/.exec(base);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && m[1]!.length <= 9 ? n : null;
}
