import type { ChecklistQuestion } from '@baqylau/contracts';
import { AppError } from '../../platform/errors.ts';
import type { QuestionInput } from './checkQuestions.ts';
import type { ChecklistPurpose } from './checklists.usecases.ts';

/** The columns of a checklist sheet, in order (the same for export and import). */
export const SHEET_COLUMNS = ['id', 'text', 'act', 'point', 'severity'] as const;
const PURPOSES: ChecklistPurpose[] = ['inspection', 'comprehensive_programme'];

export interface ChecklistDocument {
  format: 'baqylau.checklist';
  title: string;
  purpose: ChecklistPurpose;
  version: number;
  status: 'draft' | 'published';
  questions: ChecklistQuestion[];
}

/** What an import found: questions still unchecked (checkQuestions judges them, as for the editor). */
export interface ReadChecklist {
  title?: string;
  purpose?: ChecklistPurpose;
  questions: QuestionInput[];
}

export function readJson(body: unknown): ReadChecklist {
  const doc = body as Partial<Record<keyof ChecklistDocument, unknown>> | null;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.questions))
    throw new AppError('pc.checklist_import_unreadable', { format: 'JSON' });
  return {
    title: typeof doc.title === 'string' ? doc.title : undefined,
    purpose: PURPOSES.includes(doc.purpose as ChecklistPurpose) ? (doc.purpose as ChecklistPurpose) : undefined,
    questions: (doc.questions as unknown[]).map((q) => (typeof q === 'object' && q !== null ? (q as QuestionInput) : {})),
  };
}

const cellText = (v: unknown) =>
  (v === null || v === undefined
    ? ''
    : typeof v === 'object' && 'text' in (v as object)
      ? String((v as { text: unknown }).text)
      : typeof v === 'object' && 'richText' in (v as object)
        ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
        : String(v)
  ).trim();

/** Sheet "questions" (or the first): a header row with the columns, one question a row; sheet "checklist": title and purpose. */
export async function readXlsx(bytes: Buffer): Promise<ReadChecklist> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('pc.checklist_import_unreadable', { format: 'XLSX' });
  }
  const ws = wb.getWorksheet('questions') ?? wb.worksheets[0];
  if (!ws) throw new AppError('pc.checklist_import_unreadable', { format: 'XLSX' });
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => cellText(v).toLowerCase());
  if (!SHEET_COLUMNS.slice(1).every((c) => header.includes(c))) throw new AppError('pc.checklist_import_unreadable', { format: 'XLSX' });
  const questions: QuestionInput[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells = (row.values as unknown[]).slice(1);
    const get = (c: string) => cellText(cells[header.indexOf(c)]);
    if (SHEET_COLUMNS.every((c) => !get(c))) return;
    questions.push({ id: get('id'), text: get('text'), reference: { act: get('act'), point: get('point') }, severity: get('severity') });
  });
  const meta = wb.getWorksheet('checklist');
  const metaValue = (key: string) => {
    let found: string | undefined;
    meta?.eachRow((row) => {
      const [k, v] = (row.values as unknown[]).slice(1);
      if (cellText(k).toLowerCase() === key) found = cellText(v);
    });
    return found;
  };
  const purpose = metaValue('purpose');
  return {
    title: metaValue('title'),
    purpose: PURPOSES.includes(purpose as ChecklistPurpose) ? (purpose as ChecklistPurpose) : undefined,
    questions,
  };
}

export async function writeXlsx(doc: ChecklistDocument): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('questions');
  ws.columns = SHEET_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'text' ? 80 : c === 'act' ? 40 : 14 }));
  for (const q of doc.questions)
    ws.addRow({ id: q.id, text: q.text, act: q.reference.act, point: q.reference.point, severity: q.severity });
  const meta = wb.addWorksheet('checklist');
  meta.addRows([
    ['title', doc.title],
    ['purpose', doc.purpose],
    ['version', doc.version],
    ['status', doc.status],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
