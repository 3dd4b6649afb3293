/** A point on the plan as fractions of its width and height, kept inside the plan, to four decimals (0.1 ‰). */
export function fractionAt(rect: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number) {
  const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 10_000) / 10_000;
  if (rect.width <= 0 || rect.height <= 0) return { x: 0, y: 0 };
  return { x: clamp((clientX - rect.left) / rect.width), y: clamp((clientY - rect.top) / rect.height) };
}

/** A drag shorter than this (a fraction of the plan) is a click on the pin, not a move. */
export const DRAG_THRESHOLD = 0.006;
export const moved = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y) > DRAG_THRESHOLD;

/** Where a pin's card opens so that it stays on the plan: below a pin in the upper part, above one lower down; shifted in from the sides. */
export function cardAnchor(x: number, y: number) {
  return {
    vertical: y > 0.55 ? ('above' as const) : ('below' as const),
    shift: x < 0.2 ? '0%' : x > 0.8 ? '-100%' : '-50%',
  };
}
