import ExcelJS from 'exceljs';
import type { JournalPrintModel } from './journal.print-model.ts';

/** The journal as a spreadsheet: same cover lines and columns as the PDF; struck rows in strikethrough. */
export async function renderJournalXlsx(m: JournalPrintModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baqylau';
  const ws = wb.addWorksheet(m.lang === 'ru' ? 'Журнал' : m.lang === 'kk' ? 'Журнал' : 'Journal');
  for (const line of [m.title, m.subdivision, m.started, m.ended, m.registered]) ws.addRow([line]).font = { bold: line === m.title };
  ws.addRow([]);
  const keys = ['number', 'inventory', 'user', 'issue', 'return', 'note'] as const;
  const header = ws.addRow(keys.map((k) => m.t(`common:pdf.journal.col.${k}`)));
  header.font = { bold: true };
  ws.columns = [8, 18, 34, 30, 30, 60].map((width) => ({ width }));
  for (const r of m.rows) {
    const row = ws.addRow([...keys.map((k) => r[k]), r.struck ? m.t('common:xlsx.journal.struck') : '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (r.struck) row.font = { strike: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
