import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { pdfText } from '../../support/pdf-text.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  const first = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json();
  await w.resp.post(w.api(`/journal-entries/${first.id}/strike`), {
    reason: 'Түгендеу нөмірі қате көрсетілді',
    correction: { recorderId: w.recorders[1]!.id },
  });
  await w.giveBack(w.resp, w.recorders[1]!, 'inspector1', { note: 'Ақаусыз' });
});
afterAll(() => ctx.close());

const download = async (file: string, lang: string) => {
  const res = await w.resp.request('GET', w.api(`/journals/${w.journal.id}/${file}?lang=${lang}`));
  expect(res.statusCode).toBe(200);
  return res;
};

describe('R444-A1 R444-9 the journal printed in the official form', () => {
  it('Kazakh PDF: title, subdivision, columns, both entries, the struck marker and the certification with N', async () => {
    const res = await download('print.pdf', 'kk');
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Бейнетіркеуішті беруді және тапсыруды есепке алу журналы');
    expect(flat).toContain('ҚР ТЖМ Өнеркәсіптік қауіпсіздік комитетінің Қарағанды облысы бойынша департаменті');
    expect(flat).toContain('2026 жылғы «05» қаңтар басталды');
    expect(flat).toContain('Бейнетіркеуіштің түгендеу нөмірі');
    expect(flat).toContain('Нұрланов Данияр Асқарұлы');
    expect(flat).toContain('[СЫЗЫЛДЫ] Түгендеу нөмірі қате көрсетілді');
    expect(flat).toContain('№ 1 жазбаны түзету');
    expect(flat).toMatch(/ВР-001[\s\S]*ВР-002/);
    expect(flat).toContain(`Осы журналда нөмірленген, тігілген және мөрмен мөрленген барлығы ${pages.length} парақ`);
    expect(pages[1]).toContain('2-парақ');
    // Issue 13: the number and its unit are two words, kept on one line (a no-break space).
    expect(text).toMatch(/ауытқу\s0[ \u00a0]с/);
  });

  it('Russian PDF: Russian form words and the plural of "sheets"', async () => {
    const { pages, text } = await pdfText((await download('print.pdf', 'ru')).rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Журнал учета выдачи и сдачи видеорегистратора');
    expect(flat).toContain('Департамент Комитета промышленной безопасности МЧС РК по Карагандинской области');
    expect(flat).toContain('Начат «05» января 2026 года');
    expect(flat).toContain('Дата, время и роспись о выдаче');
    expect(flat).toContain('[ЗАЧЁРКНУТО]');
    // Issue 13: «лицо» is neuter.
    expect(flat).toContain('Исправление заверило ответственное лицо');
    expect(text).toMatch(/отклонение\s0[ \u00a0]с/);
    expect(pages.length).toBe(2);
    expect(flat).toContain('пронумеровано, прошнуровано и скреплено печатью 2 листа');
  });

  it('the XLSX export has the same rows, the struck one in strikethrough', async () => {
    const res = await download('export.xlsx', 'ru');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map(String);
    expect(row(1)[0]).toBe('Журнал учета выдачи и сдачи видеорегистратора');
    expect(row(7)).toEqual(expect.arrayContaining(['№ п/п', 'Инвентарный номер видеорегистратора']));
    expect(row(8).slice(0, 3)).toEqual(['1.', 'ВР-001', 'Нұрланов Данияр Асқарұлы']);
    expect(ws.getRow(8).getCell(1).font?.strike).toBe(true);
    expect(row(9).slice(0, 2)).toEqual(['2.', 'ВР-002']);
    expect(ws.getRow(9).getCell(1).font?.strike).toBeFalsy();
  });

  it('R444-16 the badge PDF carries the exact wording in Kazakh and Russian', async () => {
    const inspector = await w.world.as('inspector1');
    const res = await inspector.request('GET', w.api('/badge.pdf'));
    const { text } = await pdfText(res.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Назар аударыңыз! Аудио және бейнежазба жүргізілуде');
    expect(flat).toContain('Внимание! Ведется аудио и видеозапись');
  });

  it('each export is recorded in the ledger', async () => {
    const head = await w.world.as('head');
    const exported = (await head.get(w.api('/ledger?action=journal.exported'))).json();
    expect(exported.length).toBeGreaterThanOrEqual(3);
  });
});
