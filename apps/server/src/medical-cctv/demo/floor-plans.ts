/** A room drawn on a demo plan: its rectangle in plan units (the plan is 1000 × 600). */
export interface PlanRoom {
  key: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PLAN_W = 1000;
export const PLAN_H = 600;

/** A simple architectural plan as SVG: walls, room names; cameras are pinned on it by the application. */
export function planSvg(title: string, rooms: PlanRoom[]): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rooms
    .map(
      (r) =>
        `<rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" fill="#fafafa" stroke="#333" stroke-width="4"/>` +
        `<text x="${r.x + r.w / 2}" y="${r.y + r.h / 2}" font-size="15" text-anchor="middle" font-family="DejaVu Sans, sans-serif">${esc(r.label)}</text>`,
    )
    .join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PLAN_W} ${PLAN_H}" width="${PLAN_W}" height="${PLAN_H}">` +
      `<rect width="${PLAN_W}" height="${PLAN_H}" fill="#fff"/><text x="20" y="30" font-size="20" font-family="DejaVu Sans, sans-serif">${esc(title)}</text>${body}</svg>`,
  );
}

/** The camera's pin at the middle of a room's upper wall, as fractions of the plan. */
export const pinIn = (r: PlanRoom) => ({ x: (r.x + r.w / 2) / PLAN_W, y: (r.y + 14) / PLAN_H });
