import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTrainingExpiry } from '../../src/production-control/training/training-expiry.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/**
 * The clock stands at 2 March 2026 (Almaty). Hand-computed states: valid until 01.03.2027 → valid;
 * until 20.03.2026 → expiring (18 days left, within 30); until 20.02.2026 → expired; until 02.04.2026
 * (31 days) → valid.
 */
let ctx: TestContext;
let w: OperatorWorld;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const notices = async (userId: string, kind: string) =>
  (await ctx.sql('SELECT payload FROM notifications WHERE user_id = $1 AND kind = $2', [userId, kind])).rows.map(
    (r) => r.payload as Record<string, unknown>,
  );
const count = async () => (await ctx.sql('SELECT count(*)::int AS n FROM pc_training_records')).rows[0]!.n as number;

const record = (extra: Record<string, unknown> = {}) => ({
  fullName: 'Нұрланов Ерасыл Бекұлы',
  position: 'Тау-кен шебері',
  facilityId: w.facility,
  unitId: w.unitA,
  kind: 'knowledge_check',
  programme: 'Өнеркәсіптік қауіпсіздік негіздері',
  completedOn: '2026-02-15',
  validUntil: '2027-03-01',
  documentNumber: 'Хаттама № 14',
  ...extra,
});
const post = async (extra: Record<string, unknown> = {}, login = 'pcservice') =>
  (await w.as(login)).post(`${w.base}/training`, record(extra));
type Person = { fullName: string; state: string; current: { id: string; validUntil: string; removalProposalId: string | null } };
const people = async () => (await (await w.as('unithead1')).get(`${w.base}/training`)).json().people as Person[];
const stateOf = async (name: string) => (await people()).find((p) => p.fullName === name);

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
});
afterAll(() => ctx.close());

describe('R315-4 the staff training register', () => {
  it('R315-4 records show each person’s current state: valid, expiring within 30 days, expired', async () => {
    expect((await post()).statusCode).toBe(201);
    expect((await post({ fullName: 'Әлиев Марат Серікұлы', validUntil: '2026-03-20', completedOn: '2025-03-20' })).statusCode).toBe(201);
    expect(
      (await post({ fullName: 'Қасымов Дархан Ержанұлы', validUntil: '2026-02-20', completedOn: '2025-02-20', personId: w.ids.performer1 }))
        .statusCode,
    ).toBe(201);
    // An old record that ran out, then a newer one (valid 31 days more): the newer decides.
    await post({ fullName: 'Ибраев Талғат Нұрланұлы', validUntil: '2026-01-10', completedOn: '2025-01-10', kind: 'training' });
    await post(
      { fullName: 'ибраев  талғат нұрланұлы', validUntil: '2026-04-02', completedOn: '2026-03-01', kind: 'retraining' },
      'pcofficial',
    );
    const list = await people();
    expect(list.map((p) => [p.fullName, p.state, p.current.validUntil])).toEqual([
      ['Әлиев Марат Серікұлы', 'expiring', '2026-03-20'],
      ['ибраев  талғат нұрланұлы', 'valid', '2026-04-02'],
      ['Қасымов Дархан Ержанұлы', 'expired', '2026-02-20'],
      ['Нұрланов Ерасыл Бекұлы', 'valid', '2027-03-01'],
    ]);
  });

  it('R315-4 an expired training raises one removal proposal to the head; the service is reminded once 30 days ahead', async () => {
    const first = await checkTrainingExpiry(ctx.deps);
    expect(first).toEqual({ reminded: 1, proposed: 1 });
    expect(await checkTrainingExpiry(ctx.deps)).toEqual({ reminded: 0, proposed: 0 });
    const expired = (await stateOf('Қасымов Дархан Ержанұлы'))!;
    expect(expired.current.removalProposalId).toMatch(/^[0-9a-f-]{36}$/);
    const proposals = (await (await w.as('operator')).get(`${w.base}/proposals?state=pending`)).json().items;
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      id: expired.current.removalProposalId,
      kind: 'remove_staff',
      inspectionId: null,
      facilityId: w.facility,
      unitId: w.unitA,
      staffMember: 'Қасымов Дархан Ержанұлы, Тау-кен шебері',
      proposedByName: 'Жақсылықов Бауыржан Төлеуұлы',
    });
    expect(await notices(w.ids.head!, 'pc.remove_staff_proposed')).toHaveLength(1);
    expect(await notices(w.ids.pcservice!, 'pc.training_expiring')).toEqual([
      expect.objectContaining({ fullName: 'Әлиев Марат Серікұлы', date: '20.03.2026' }),
    ]);
    // The person with an account is told too when it is their record (here: the expired one is not reminded).
    expect(await notices(w.ids.performer1!, 'pc.training_expiring')).toHaveLength(0);
  });

  it('R315-4 a record is written once: the database refuses an UPDATE or DELETE, and a second link of a proposal', async () => {
    const [r] = (await ctx.sql('SELECT id FROM pc_training_records WHERE removal_proposal_id IS NOT NULL')).rows;
    await expect(ctx.sql(`UPDATE pc_training_records SET valid_until = '2030-01-01' WHERE id = $1`, [r!.id])).rejects.toThrow(/write-once/);
    await expect(ctx.sql(`UPDATE pc_training_records SET removal_proposal_id = NULL WHERE id = $1`, [r!.id])).rejects.toThrow(/write-once/);
    await expect(ctx.sql(`DELETE FROM pc_training_records WHERE id = $1`, [r!.id])).rejects.toThrow(/write-once/);
    await expect(ctx.sql(`DELETE FROM pc_training_reminders`)).rejects.toThrow();
  });

  it('R315-4 a mistake is corrected by a superseding record, once', async () => {
    const wrong = (await post({ fullName: 'Серікова Гүлнар Асқарқызы', validUntil: '2026-03-10', completedOn: '2025-03-10' })).json();
    const fixed = await post({
      fullName: 'Серікова Гүлнар Асқарқызы',
      validUntil: '2027-03-10',
      completedOn: '2026-03-01',
      supersedes: wrong.id,
    });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.json()).toMatchObject({ supersedes: wrong.id, supersededBy: null });
    const all = (await (await w.as('pcofficial')).get(`${w.base}/training`)).json();
    expect(all.records.find((r: { id: string }) => r.id === wrong.id).supersededBy).toBe(fixed.json().id);
    expect((await stateOf('Серікова Гүлнар Асқарқызы'))!).toMatchObject({ state: 'valid', current: { id: fixed.json().id } });
    const again = await post({ supersedes: wrong.id });
    expect(again.json().error).toMatchObject({ code: 'pc.training_invalid', details: { field: 'supersedes', rule: 'already_superseded' } });
  });

  it('R315-4 bad input is refused per field, with the rule and the act’s point, in kk, ru and en', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ fullName: ' ' }, 'fullName', 'required'],
      [{ position: '' }, 'position', 'required'],
      [{ kind: 'seminar' }, 'kind', 'kind'],
      [{ programme: 'x'.repeat(501) }, 'programme', 'too_long'],
      [{ completedOn: '2026-03-03' }, 'completedOn', 'future'],
      [{ completedOn: '2026-02-30' }, 'completedOn', 'date'],
      [{ validUntil: '2026-02-15' }, 'validUntil', 'not_after_completed'],
      [{ documentNumber: '' }, 'documentNumber', 'required'],
      [{ facilityId: '00000000-0000-4000-8000-000000000001' }, 'facilityId', 'unknown'],
      [{ unitId: '00000000-0000-4000-8000-000000000001' }, 'unitId', 'unit_of_other_facility'],
      [{ personId: '00000000-0000-4000-8000-000000000001' }, 'personId', 'not_member'],
      [{ supersedes: '00000000-0000-4000-8000-000000000001' }, 'supersedes', 'unknown'],
    ];
    for (const [extra, field, rule] of cases) {
      const res = await post(extra);
      expect(res.statusCode, `${field}/${rule}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'pc.training_invalid', details: { field, rule } });
    }
    const c = await w.as('pcservice');
    c.lang = 'ru';
    expect((await c.post(`${w.base}/training`, record({ validUntil: '2026-01-01' }))).json().error.message).toBe(
      'Поле «Действительно до»: должна быть позже даты прохождения (подпункт 10 пункта 4 Приказа № 315: подготовка и переподготовка работников).',
    );
    c.lang = 'kk';
    expect((await c.post(`${w.base}/training`, record({ kind: 'x' }))).json().error.message).toMatch(
      /^«Түрі» өрісі: тізілім түрлерінің бірі.*10\) тармақшасы/,
    );
    c.lang = 'en';
    expect((await c.post(`${w.base}/training`, record({ fullName: '' }))).json().error.message).toMatch(/^Field «Full name»: is required/);
    expect(await count()).toBe(before);
  });

  it('R315-4 unit heads, performers and auditors do not keep the register; performers do not read it', async () => {
    for (const login of ['unithead1', 'performer1', 'pcauditor']) expect((await post({}, login)).statusCode).toBe(403);
    expect((await (await w.as('performer1')).get(`${w.base}/training`)).statusCode).toBe(403);
    expect((await (await w.as('pcauditor')).get(`${w.base}/training`)).statusCode).toBe(200);
  });
});

describe('R315-4 importing a training list (CSV, XLSX)', () => {
  const HEADER = 'full_name,position,facility,unit,kind,programme,completed_on,valid_until,document_number';
  const line = (name: string, validUntil = '2027-02-01', extra: Partial<Record<'unit' | 'kind' | 'facility' | 'completed', string>> = {}) =>
    [
      name,
      'Электр слесарі',
      extra.facility ?? 'ҚӨО-09-0001',
      extra.unit ?? 'Желдету учаскесі',
      extra.kind ?? 'training',
      'Электр қауіпсіздігі (IV топ)',
      extra.completed ?? '2026-02-01',
      validUntil,
      'Куәлік № 7-31',
    ].join(',');
  const send = async (body: Buffer | string, type = 'text/csv') =>
    (await w.as('pcofficial')).request('POST', `${w.base}/training/import`, Buffer.from(body), { 'content-type': type });

  it('R315-4 a bad row refuses the whole file with its row number and column; nothing is written', async () => {
    const before = await count();
    const bad: [string, number, string, string][] = [
      [[HEADER, line('Бекова Әсем'), line('Жұмабаев Нұрсұлтан', '2025-01-01')].join('\n'), 3, 'valid_until', 'not_after_completed'],
      [[HEADER, line('Бекова Әсем', '2027-01-01', { facility: 'Белгісіз' })].join('\n'), 2, 'facility', 'unknown'],
      [[HEADER, line('Бекова Әсем'), line('Ахметов Ж', '2027-01-01', { unit: '№ 9 учаске' })].join('\n'), 3, 'unit', 'unknown'],
      [[HEADER, line('Бекова Әсем', '2027-01-01', { kind: 'курс' })].join('\n'), 2, 'kind', 'kind'],
      [[HEADER, line('Бекова Әсем', '2027-01-01', { completed: '2026-13-01' })].join('\n'), 2, 'completed_on', 'date'],
      [['full_name,position', 'Бекова Әсем,Слесарь'].join('\n'), 1, 'facility', 'column_missing'],
    ];
    for (const [csv, row, field, rule] of bad) {
      const res = await send(csv);
      expect(res.statusCode, `${row}/${field}`).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'pc.training_import_invalid', details: { row, field, rule } });
    }
    const c = await w.as('pcofficial');
    c.lang = 'ru';
    const ru = await c.request('POST', `${w.base}/training/import`, Buffer.from(bad[0]![0]), { 'content-type': 'text/csv' });
    expect(ru.json().error.message).toBe('Строка 3, столбец «Действительно до»: должна быть позже даты прохождения. Ничего не загружено.');
    expect((await send('%PDF-1.4', 'application/pdf')).statusCode).toBe(415);
    expect(await count()).toBe(before);
  });

  it('R315-4 a good CSV and a good XLSX are imported, every row re-checked as in the form', async () => {
    const before = await count();
    const csv = await send([HEADER, line('Бекова Әсем Нұрланқызы'), line('Жұмабаев Нұрсұлтан Ерланұлы', '2026-03-25')].join('\n'));
    expect(csv.statusCode).toBe(201);
    expect(csv.json()).toEqual({ imported: 2 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('training');
    ws.addRow(HEADER.split(','));
    ws.addRow([
      'Омарова Сәуле',
      'Машинист',
      '«Шахтинская» шахтасы',
      '',
      'knowledge_check',
      'Көтергіш машиналар',
      new Date('2025-12-01T00:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
      'Хаттама № 3',
    ]);
    const xlsx = await send(Buffer.from(await wb.xlsx.writeBuffer()), XLSX);
    expect(xlsx.statusCode).toBe(201);
    expect(await count()).toBe(before + 3);
    const list = await people();
    expect(list.find((p) => p.fullName === 'Жұмабаев Нұрсұлтан Ерланұлы')!.state).toBe('expiring');
    expect(list.find((p) => p.fullName === 'Омарова Сәуле')).toMatchObject({ state: 'valid', current: { validUntil: '2026-12-01' } });
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'pc.training_imported'`)).rows[0]!.n).toBe(2);
  });

  it('R315-4 an optional login column links a row to a member’s account; an unknown login refuses the file', async () => {
    const header = `${HEADER},login`;
    const unknown = await send([header, `${line('Әбдірахманов Ғалым Серікұлы')},nobody`].join('\n'));
    expect(unknown.json().error).toMatchObject({
      code: 'pc.training_import_invalid',
      details: { row: 2, field: 'login', rule: 'unknown' },
    });
    expect((await send([header, `${line('Әбдірахманов Ғалым Серікұлы')},performer1`].join('\n'))).statusCode).toBe(201);
    const [r] = (await ctx.sql(`SELECT person_id FROM pc_training_records WHERE full_name = 'Әбдірахманов Ғалым Серікұлы'`)).rows;
    expect(r!.person_id).toBe(w.ids.performer1);
  });
});
