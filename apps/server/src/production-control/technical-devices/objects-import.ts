import { AppError } from '../../platform/errors.ts';
import type { FacilityRow, UnitRow } from '../facilities/facilities.repository.ts';
import type { ObjectInput } from './checkObject.ts';

/** The columns of an object list, in order (XLSX sheet "objects" or the first sheet; CSV with a header row). */
export const OBJECT_COLUMNS = [
  'kind',
  'name',
  'registrationNumber',
  'facility',
  'unit',
  'manufacturer',
  'serialNumber',
  'commissionedOn',
] as const;
type Column = (typeof OBJECT_COLUMNS)[number];
export type ObjectSheetRow = Partial<Record<Column, string>>;

/** Kinds may be written as codes or in Kazakh or Russian. */
const KIND_WORDS: Record<string, string> = {
  құрылғы: 'device',
  устройство: 'device',
  ғимарат: 'building',
  здание: 'building',
  құрылыс: 'structure',
  сооружение: 'structure',
};

const unreadable = (format: string) => new AppError('pc.technical_import_unreadable', { format });

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text).trim();
  if (typeof v === 'object' && 'richText' in (v as object))
    return (v as { richText: { text: string }[] }).richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in (v as object)) return cellText((v as { result: unknown }).result);
  return String(v).trim();
};

function fromTable(header: string[], rows: string[][], format: string): ObjectSheetRow[] {
  const cols = header.map((h) => h.trim());
  if (!['kind', 'name', 'registrationNumber', 'facility'].every((c) => cols.includes(c))) throw unreadable(format);
  return rows.map((cells) =>
    Object.fromEntries(OBJECT_COLUMNS.map((c) => [c, cols.includes(c) ? (cells[cols.indexOf(c)] ?? '').trim() : ''])),
  );
}

export async function readObjectsXlsx(bytes: Buffer): Promise<ObjectSheetRow[]> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('XLSX');
  }
  const ws = wb.getWorksheet('objects') ?? wb.worksheets[0];
  if (!ws) throw unreadable('XLSX');
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(cellText);
  const rows: string[][] = [];
  for (let n = 2; n <= ws.rowCount; n++) rows.push((ws.getRow(n).values as unknown[]).slice(1).map(cellText));
  return fromTable(header, rows, 'XLSX');
}

/** CSV as spreadsheets save it: comma or semicolon, fields in double quotes with "" for a quote, UTF-8 (a BOM is skipped). */
export function readObjectsCsv(bytes: Buffer): ObjectSheetRow[] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const sep = (text.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (quoted) throw unreadable('CSV');
  if (field || row.length) endRow();
  const [header, ...body] = rows;
  if (!header) throw unreadable('CSV');
  return fromTable(header, body, 'CSV');
}

/** Empty rows are skipped, but keep their number: errors name the row as the spreadsheet shows it. */
export function toObjectInputs(rows: ObjectSheetRow[], facilities: FacilityRow[], units: UnitRow[]) {
  const out: { row: number; input: ObjectInput }[] = [];
  rows.forEach((r, i) => {
    if (OBJECT_COLUMNS.every((c) => !r[c])) return;
    const facility = facilities.find((f) => f.registrationNumber === r.facility);
    const unit = r.unit ? units.find((u) => u.facilityId === facility?.id && u.name === r.unit) : undefined;
    const kind = (r.kind ?? '').toLowerCase();
    out.push({
      row: i + 2,
      input: {
        kind: KIND_WORDS[kind] ?? kind,
        name: r.name,
        registrationNumber: r.registrationNumber,
        facilityId: facility?.id ?? `unknown:${r.facility ?? ''}`,
        unitId: r.unit ? (unit?.id ?? `unknown:${r.unit}`) : null,
        manufacturer: r.manufacturer,
        serialNumber: r.serialNumber,
        commissionedOn: r.commissionedOn,
      },
    });
  });
  return out;
}
