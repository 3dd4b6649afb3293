/**
 * Order 315 instruction PDF (R315-16) with 200 items: render time against the goal (≤ 2 s), with a
 * same-run reference — `sha256sum` over a 128 MiB file — so the figure compares across machines as
 * a ratio. The renderer is the server's own (documents.pdf.ts), fed a model as the route builds it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTranslator } from '../apps/server/src/platform/i18n/i18n.ts';
import { renderInstruction, type InstructionModel } from '../apps/server/src/production-control/instructions/documents.pdf.ts';
import { QUICK, RESULTS_DIR, log, machineInfo, median, round, table, timed } from './lib/common.ts';

const ITEMS = QUICK ? 40 : 200;
const RUNS = 5;
const GOAL_MS = 2_000;

const PERFORMERS = ['Әбдірахманов Ғалым Серікұлы', 'Ахметова Динара Қайратқызы', 'Жұмабеков Нұрлан Асқарұлы', 'Петренко Олег Иванович'];
const VIOLATIONS = [
  'Конвейер қоршауы толық емес, жұмыс аймағына кіру ашық қалған',
  'Тазарту забойында метан датчигі белгіленген мерзімде тексерілмеген',
  'Желдету есігінің жабылу құрылғысы ақаулы',
  'Өрт сөндіргіштің тексеру мерзімі өткен',
];

function model(n: number): InstructionModel {
  return {
    organisation: '«Шахтинск Көмір» жауапкершілігі шектеулі серіктестігі',
    number: 'Н-2026/014',
    issuedOn: '27.02.2026',
    act: '27.02.2026 № А-2026/014',
    facility: '«Шахтинская» шахтасы',
    unit: '№ 1 учаске (тазарту)',
    unitHead: 'Жұмабеков Нұрлан Асқарұлы',
    official: 'Сейітова Айгүл Маратқызы',
    status: 'Күшінде',
    items: Array.from({ length: n }, (_, i) => ({
      description: `${VIOLATIONS[i % VIOLATIONS.length]} (${i + 1})`,
      reference: `ҚР ТЖМ 2021 ж. № 315 бұйрығы, ${(i % 40) + 1}-тармақ`,
      measure: `Бұзушылықты жою: жабдықты жөндеу, тексеру актісін ресімдеу және журналға енгізу (${i + 1})`,
      performer: PERFORMERS[i % PERFORMERS.length]!,
      deadline: `${String((i % 28) + 1).padStart(2, '0')}.04.2026`,
      agreement: i % 7 === 0 ? 'Бірінші басшы Байжанов Серік Оралұлы шешті: жеткізу мерзімін ескеріп' : 'Бөлімше басшысымен келісілді',
    })),
  };
}

async function main() {
  const machine = machineInfo();
  const t = (await createTranslator()).forLocale('kk');
  const m = model(ITEMS);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-bench-')), 'ref.bin');
  fs.writeFileSync(file, Buffer.alloc(128 * 2 ** 20, 7));
  execFileSync('sha256sum', [file]);
  const refMs: number[] = [];
  const renderMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    refMs.push((await timed(async () => execFileSync('sha256sum', [file]))).ms);
    const r = await timed(() => renderInstruction(m, t));
    renderMs.push(r.ms);
    bytes = r.value.length;
    log(`run ${i + 1}: render ${round(r.ms)} ms, reference ${round(refMs.at(-1)!)} ms`);
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const render = median(renderMs);
  const ref = median(refMs);
  const result = {
    benchmark: 'instruction-pdf',
    date: new Date().toISOString(),
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: round(os.loadavg()[0]!, 2) } },
    items: ITEMS,
    runs: RUNS,
    renderMs: { median: round(render), first: round(renderMs[0]!), all: renderMs.map((x) => round(x)) },
    pdfBytes: bytes,
    reference: { command: 'sha256sum 128 MiB (page cache)', medianMs: round(ref) },
    ratioRenderToReference: round(render / ref, 2),
    goal: { renderMsAtMost: GOAL_MS, met: render <= GOAL_MS },
  };
  console.log(
    table(
      ['figure', 'value'],
      [
        [`render ${ITEMS} items, median (ms)`, round(render)],
        ['first render, cold fonts (ms)', round(renderMs[0]!)],
        ['reference sha256sum 128 MiB (ms)', round(ref)],
        ['render / reference', result.ratioRenderToReference],
        [`goal ≤ ${GOAL_MS} ms met`, String(result.goal.met)],
      ],
    ),
  );
  const dir = QUICK ? path.join(RESULTS_DIR, 'quick') : RESULTS_DIR;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'instruction-pdf.json'), JSON.stringify(result, null, 2) + '\n');
}

await main();
