import { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.ts';

/** The sheet's columns (first row), the same for CSV and XLSX; `unit` may be left empty, `login` and `supersedes` are optional columns. */
export const TRAINING_COLUMNS = [
  'full_name',
  'position',
  'facility',
  'unit',
  'kind',
  'programme',
  'completed_on',
  'valid_until',
  'document_number',
] as const;
const REQUIRED = TRAINING_COLUMNS.filter((c) => c !== 'unit');
export const MAX_TRAINING_ROWS = 2000;

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  // A date cell (XLSX, or a CSV value exceljs read as a date) is the calendar day it shows.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text).trim();
  if (typeof v === 'object' && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return cellText((v as { result: unknown }).result);
  return String(v).trim();
};

/** The rows of the first sheet as text by column name, each with its line in the file (the header is line 1). */
export async function readTrainingSheet(bytes: Buffer, format: 'csv' | 'xlsx') {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  let ws;
  try {
    ws =
      format === 'xlsx'
        ? (await wb.xlsx.load(bytes as unknown as ArrayBuffer), wb.worksheets[0])
        : // CSV cells stay the text typed (exceljs would turn «2026-02-01» into a local-time Date).
          await wb.csv.read(Readable.from([bytes]), {
            map: (datum: string) => datum,
            parserOptions: { delimiter: bytes.includes(';') && !bytes.includes(',') ? ';' : ',' },
          });
  } catch {
    throw new AppError('pc.training_import_unreadable', { format });
  }
  if (!ws) throw new AppError('pc.training_import_unreadable', { format });
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) =>
    cellText(v)
      .toLowerCase()
      .replace(/^\uFEFF/, ''),
  );
  for (const c of REQUIRED)
    if (!header.includes(c)) throw new AppError('pc.training_import_invalid', { row: 1, field: c, rule: 'column_missing', value: '' });
  const rows: { line: number; cells: Record<string, string> }[] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const values = (row.values as unknown[]).slice(1);
    const cells = Object.fromEntries(header.map((h, i) => [h, cellText(values[i])]));
    if (Object.values(cells).every((v) => !v)) return;
    rows.push({ line, cells });
  });
  if (rows.length === 0) throw new AppError('pc.training_import_invalid', { row: 2, field: 'full_name', rule: 'no_rows', value: '' });
  if (rows.length > MAX_TRAINING_ROWS)
    throw new AppError('pc.training_import_invalid', { row: MAX_TRAINING_ROWS + 2, field: 'full_name', rule: 'over_limit', value: '' });
  return rows;
}
