import { Readable } from 'node:stream';
import { ROOM_TYPES, type RoomType } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordCctvEvent } from '../cctv-ledger.ts';
import { insertPlaces, listPlaces, type PlaceRow } from './premises.repository.ts';
import { preparePlace } from './premises.usecases.ts';

const COLUMNS = ['building', 'floor', 'room', 'room_type', 'unit'] as const;
const MAX_ROWS = 5000;

/** The sheet's rows as strings by column name (first row: the column names). */
async function readSheet(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<Record<string, string>[]> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  let ws;
  try {
    ws =
      format === 'xlsx'
        ? (await wb.xlsx.load(bytes as unknown as ArrayBuffer), wb.worksheets[0])
        : await wb.csv.read(Readable.from([bytes]));
  } catch {
    throw new AppError('cctv.import_unreadable', { format });
  }
  if (!ws) throw new AppError('cctv.import_unreadable', { format });
  const text = (v: unknown) =>
    (v === null || v === undefined
      ? ''
      : typeof v === 'object' && 'text' in (v as object)
        ? String((v as { text: unknown }).text)
        : String(v)
    ).trim();
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => text(v).toLowerCase());
  for (const c of COLUMNS.slice(0, 4))
    if (!header.includes(c)) throw new AppError('cctv.import_column_missing', { column: c, columns: COLUMNS.join(', ') });
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, text(values[i])])));
  });
  if (rows.length > MAX_ROWS) throw new AppError('cctv.import_row_limit', { max: MAX_ROWS });
  return rows;
}

/**
 * R335-2: rooms imported from a sheet (building, floor, room, room_type, unit), creating the
 * buildings and floors it names. Every row passes the same checks as the form; one bad row refuses
 * the whole file with its line and field, and nothing is stored.
 */
export async function importRooms(deps: AppDeps, actor: Actor, organisationId: string, bytes: Buffer, format: 'csv' | 'xlsx') {
  const rows = await readSheet(bytes, format);
  const existing = (await listPlaces(deps.db, organisationId)).filter((p) => !p.removedAt);
  const made: PlaceRow[] = [];
  const all = () => [...existing, ...made];
  const find = (kind: string, name: string, parentId: string | null) =>
    all().find((p) => p.kind === kind && p.name === name && p.parentId === parentId);
  const byId = (id: string) => Promise.resolve(all().find((p) => p.id === id));
  for (const [i, r] of rows.entries()) {
    const line = i + 2;
    const fail = (field: string, rule: string, value = ''): never => {
      throw new AppError('cctv.import_invalid', { line, field, rule, value });
    };
    if (!r.building) fail('building', 'required');
    if (!r.floor) fail('floor', 'required');
    if (!r.room) fail('room', 'required');
    if (!(ROOM_TYPES as readonly string[]).includes(r.room_type ?? '')) fail('room_type', 'room_type', r.room_type);
    const add = async (
      kind: 'building' | 'floor' | 'room',
      name: string,
      parentId: string | null,
      extra: { roomType?: RoomType; unit?: string } = {},
    ) => {
      const found = find(kind, name, parentId);
      if (found && kind !== 'room') return found;
      if (found) fail('room', 'duplicate', name);
      try {
        const row = {
          ...(await preparePlace(deps, organisationId, { kind, name, parentId, ...extra }, byId)),
          removedAt: null,
          planSha256: null,
          planMime: null,
          planSize: null,
        } as PlaceRow;
        made.push(row);
        return row;
      } catch (e) {
        if (e instanceof AppError) fail(kind, e.code.replace('cctv.', ''), name);
        throw e;
      }
    };
    const building = await add('building', r.building!, null);
    const floor = await add('floor', r.floor!, building.id);
    await add('room', r.room!, floor.id, { roomType: r.room_type as RoomType, unit: r.unit ?? '' });
  }
  await deps.db.transaction(async (tx) => {
    await insertPlaces(tx, made);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.places_imported',
      subjectType: 'organisation',
      subjectId: organisationId,
      payload: {
        format,
        places: made.map((p) => ({ id: p.id, kind: p.kind, name: p.name, parentId: p.parentId, roomType: p.roomType, unit: p.unit })),
      },
    });
  });
  return { created: made.length, rooms: made.filter((p) => p.kind === 'room').length };
}
