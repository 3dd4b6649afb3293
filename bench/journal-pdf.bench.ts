/**
 * Order 444 journal PDF (Appendix 1) with 5,000 entries: render time against
 * the goal (≤ 3 s), with a same-run reference — `sha256sum` over a 128 MiB
 * file — so the figure can be compared across machines as a ratio.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTranslator } from '../apps/server/src/platform/i18n/i18n.ts';
import { renderJournalPdf } from '../apps/server/src/video-evidence/journal/journal.pdf.ts';
import type { JournalPrintModel, PrintRow } from '../apps/server/src/video-evidence/journal/journal.print-model.ts';
import { QUICK, RESULTS_DIR, log, machineInfo, median, round, table, timed } from './lib/common.ts';

const ENTRIES = QUICK ? 500 : 5_000;
const RUNS = 3;
const GOAL_MS = 3_000;

const SURNAMES = ['Нұрланов', 'Омарова', 'Төлеуов', 'Сәрсенбаева', 'Жұмабеков', 'Қасымов', 'Ахметова', 'Байжанов'];
const NAMES = ['Данияр Асқарұлы', 'Гүлнар Бекқызы', 'Қанат Мұратұлы', 'Әйгерім Қайратқызы', 'Ерлан Серікұлы', 'Нұржан Төлегенұлы'];

function syntheticRows(n: number): PrintRow[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]} ${NAMES[i % NAMES.length]}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    const struck = i % 97 === 0;
    return {
      number: `${i + 1}.`,
      inventory: `ВР-${String((i % 40) + 1).padStart(3, '0')}`,
      user: name,
      issue: `${day}.03.2026 09:${String(i % 60).padStart(2, '0')}\nқолы: ${name.split(' ')[0]} Д. А.\nберген: Сәрсенбаева Ә. Қ.`,
      return: `${day}.03.2026 17:${String(i % 60).padStart(2, '0')}\nқолы: ${name.split(' ')[0]} Д. А.\nқабылдаған: Сәрсенбаева Ә. Қ.`,
      note: struck
        ? '[СЫЗЫЛДЫ] Түгендеу нөмірі қате көрсетілді. Түзетуге жауапты тұлға Сәрсенбаева Ә. Қ. қол қойды'
        : 'аккумулятор 92%; сағат тексерілді, ауытқу 0 с',
      struck,
    };
  });
}

async function main() {
  const machine = machineInfo();
  const { forLocale } = await createTranslator();
  const t = forLocale('kk');
  const model: JournalPrintModel = {
    lang: 'kk',
    t,
    title: t('common:pdf.journal.title'),
    subdivision: 'ҚР ТЖМ Өнеркәсіптік қауіпсіздік комитетінің Қарағанды облысы бойынша департаменті',
    started: '2026 жылғы «05» қаңтар басталды',
    ended: t('common:pdf.journal.endedBlank'),
    registered: 'Кеңседе тіркелген: № 04-12/17, 05.01.2026',
    sheetCount: null,
    rows: syntheticRows(ENTRIES),
  };

  // Reference: sha256sum over 128 MiB from a file in the page cache.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-bench-')), 'ref.bin');
  fs.writeFileSync(file, Buffer.alloc(128 * 2 ** 20, 7));
  execFileSync('sha256sum', [file]);
  const refMs: number[] = [];
  const renderMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    refMs.push((await timed(async () => execFileSync('sha256sum', [file]))).ms);
    const r = await timed(() => renderJournalPdf(model));
    renderMs.push(r.ms);
    bytes = r.value.length;
    log(`run ${i + 1}: render ${round(r.ms)} ms, reference ${round(refMs.at(-1)!)} ms`);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const render = median(renderMs);
  const ref = median(refMs);
  const result = {
    benchmark: 'journal-pdf',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: round(os.loadavg()[0]!, 2) } },
    entries: ENTRIES,
    runs: RUNS,
    renderMs: { median: round(render), all: renderMs.map((x) => round(x)) },
    pdfBytes: bytes,
    reference: { command: 'sha256sum 128 MiB (page cache)', medianMs: round(ref) },
    ratioRenderToReference: round(render / ref, 2),
    goal: { renderMsAtMost: GOAL_MS, met: render <= GOAL_MS },
  };
  console.log(
    table(
      ['figure', 'median'],
      [
        [`render ${ENTRIES} entries (ms)`, round(render)],
        ['reference sha256sum 128 MiB (ms)', round(ref)],
        ['render / reference', result.ratioRenderToReference],
        ['goal ≤ 3000 ms met', String(result.goal.met)],
      ],
    ),
  );
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'journal-pdf.json'), JSON.stringify(result, null, 2) + '\n');
}

await main();
