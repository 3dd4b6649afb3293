import fs from 'node:fs';
import { resources } from '../../packages/i18n/src/index.ts';
import { dockFolder, runDockAgent, tempWatch, type PageApi } from './evidence.ts';
import type { DemoServer } from './server.ts';

const web = resources.kk.web as Record<string, string>;
const errors = resources.kk.errors as Record<string, string>;

/** A Kazakh text of the web catalog (the interface's default language), with {{placeholders}} filled; `count` picks _one/_other. */
export function kk(key: string, vars: Record<string, string | number> = {}) {
  const plural = vars.count === undefined ? undefined : vars.count === 1 ? `${key}_one` : `${key}_other`;
  const text = (plural && web[plural]) ?? web[key];
  if (text === undefined) throw new Error(`no web key ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_m, v: string) => String(vars[v] ?? ''));
}

/** The first sentence-ish part of a Kazakh error message (placeholders cut off), for matching what the page shows. */
export const kkErrorStart = (code: string) => errors[code]!.split('{{')[0]!.slice(0, 40);

/** The calendar date of an instant in Almaty, yyyy-mm-dd. */
export const almatyDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(d);

/** dd.MM.yyyy of the day `years` after the Almaty calendar date of `d` (how point 12's period is counted). */
export function keptUntil(d: Date, years: number) {
  const [y, m, day] = almatyDate(d).split('-');
  return `${day}.${m}.${Number(y) + years}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Recording {
  id: string;
  originalName: string;
  durationMs: number | null;
  journalEntryId: string | null;
  retainUntil: string | null;
}

/**
 * Recordings made long ago by ВР-003, as the dock agent uploads them when the recorder is docked: their
 * capture time falls in no issue, so the responsible person attaches them to ВР-003's issue with a reason —
 * and their retention period, counted from the capture date, has run out (or runs out soon).
 */
export async function dockOldRecordings(
  server: DemoServer,
  api: PageApi,
  token: string,
  entryId: string,
  clips: { name: string; at: Date }[],
) {
  const watch = tempWatch();
  try {
    dockFolder(
      watch,
      'usb-3',
      'ВР-003',
      clips.map((c) => ({ name: c.name, deviceStart: c.at })),
    );
    await runDockAgent(server.url, token, watch);
  } finally {
    fs.rmSync(watch, { recursive: true, force: true });
  }
  const all = await api.get<Recording[]>('/recordings');
  for (const c of clips) {
    const rec = all.find((r) => r.originalName === c.name);
    if (!rec) throw new Error(`the dock agent did not upload ${c.name}`);
    await api.post(`/recordings/${rec.id}/attach`, {
      journalEntryId: entryId,
      reason: 'Бейнетіркеуіш ұзақ уақыт қоймада болды, жазба қайта қосылғанда түсірілді',
    });
  }
}

/** Waits until the derive job has probed every named recording (its duration is what an excerpt is checked against). */
export async function waitForDurations(api: PageApi, names: string[]) {
  for (const deadline = Date.now() + 30_000; ; await sleep(250)) {
    const all = await api.get<Recording[]>('/recordings');
    const ready = names.every((n) => all.find((r) => r.originalName === n)?.durationMs);
    if (ready) return all;
    if (Date.now() > deadline) throw new Error(`no duration for ${names.join(', ')} after 30 s`);
  }
}

/** A small but well-formed one-page PDF (the server checks the magic and stores the bytes as they are). */
export function tinyPdf(text: string) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
