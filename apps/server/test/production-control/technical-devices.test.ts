import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindDueExaminations } from '../../src/production-control/technical-devices/remindDueExaminations.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { seedPcWorld, type PcWorld } from './pc-world.ts';

/**
 * R315-4, R315-6, R315-26 section 5 on a clock starting 02.03.2026 (Almaty). The hoist's certification
 * falls due on 10.04.2026: 30 days before is 11.03, 7 days before is 03.04, overdue from 11.04.
 */
let ctx: TestContext;
let w: PcWorld;
let mine: { id: string; unitId: string };
let other: { id: string; unitId: string };
let hoist: string;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const objects = () => `${w.base}/technical-objects`;
const hoistBody = () => ({
  kind: 'device',
  name: 'Шахта көтергіш машинасы ЦР-5×3,2',
  registrationNumber: 'ТҚ-001',
  facilityId: mine.id,
  unitId: mine.unitId,
  manufacturer: 'Ясиноватский машзавод',
  serialNumber: '1187',
  commissionedOn: '2012-09-01',
});
const notices = async (kind: string) =>
  (await ctx.sql(`SELECT user_id, payload FROM notifications WHERE kind = $1 ORDER BY created_at`, [kind])).rows;
const at = (iso: string) => {
  ctx.clock.now = new Date(iso);
};
const fresh = async (login: string) => {
  const c = new ApiClient(ctx);
  expect((await c.login(login)).statusCode).toBe(200);
  return c;
};

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedPcWorld(ctx);
  mine = await w.facility('«Шахтинская» шахтасы', 'ҚӨО-0001');
  other = await w.facility('«Тентек» байыту фабрикасы', 'ҚӨО-0002');
});
afterAll(async () => ctx.close());

describe('technical devices, buildings and structures (R315-4, R315-6, R315-26)', () => {
  it('R315-6 an object enters the register of its facility; its registration number is unique in the organisation', async () => {
    const made = await w.must(w.as.serviceHead.post(objects(), hoistBody()));
    hoist = made.id;
    expect(made).toMatchObject({
      kind: 'device',
      facility: '«Шахтинская» шахтасы',
      unit: '«Шахтинская» шахтасы — участок № 1',
      state: 'none',
      kinds: [],
    });
    const again = await w.as.serviceHead.post(objects(), { ...hoistBody(), facilityId: other.id, unitId: null, name: 'Басқа' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({
      code: 'pc.technical_object_invalid',
      details: { field: 'registrationNumber', rule: 'taken' },
    });
    // Another organisation may use the same number.
    const foreignFacility = await w.must(
      w.as.foreignHead.post(`${w.foreignBase}/facilities`, {
        name: 'Домна цехы',
        registrationNumber: 'ҚӨО-9',
        address: 'Теміртау',
        hazardFeatures: ['molten_metals'],
      }),
    );
    await w.must(
      w.as.foreignHead.post(`${w.foreignBase}/technical-objects`, { ...hoistBody(), facilityId: foreignFacility.id, unitId: null }),
    );
  });

  it('R315-6 bad input is refused per field, in kk, ru and en', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'crane' }, 'objectKind', 'kind'],
      [{ name: '   ' }, 'name', 'required'],
      [{ registrationNumber: '' }, 'registrationNumber', 'required'],
      [{ registrationNumber: 'x'.repeat(101) }, 'registrationNumber', 'too_long'],
      [{ facilityId: '00000000-0000-4000-8000-000000000000' }, 'facilityId', 'unknown'],
      [{ unitId: other.unitId }, 'unitId', 'unit_of_other_facility'],
      [{ commissionedOn: '2026-02-30' }, 'commissionedOn', 'not_date'],
      [{ commissionedOn: '2026-03-03' }, 'commissionedOn', 'future'],
    ];
    for (const [patch, field, rule] of cases) {
      const r = await w.as.serviceHead.post(objects(), { ...hoistBody(), registrationNumber: 'ТҚ-NEW', ...patch });
      expect(r.statusCode, `${field}/${rule}`).toBe(400);
      expect(r.json().error.details).toMatchObject({ field, rule });
    }
    const bad = { ...hoistBody(), registrationNumber: 'ТҚ-NEW', commissionedOn: '2026-03-03' };
    const messages: Record<string, RegExp> = {
      kk: /«Пайдалануға берілген күні».*болашақ күн болмауы керек \(№ 315 бұйрықтың 6-тармағы\)/,
      ru: /не может быть в будущем \(пункт 6 Приказа № 315\)/,
      en: /cannot be in the future \(Order 315, point 6\)/,
    };
    for (const lang of ['kk', 'ru', 'en']) {
      w.as.serviceHead.lang = lang;
      expect((await w.as.serviceHead.post(objects(), bad)).json().error.message).toMatch(messages[lang]!);
    }
    w.as.serviceHead.lang = 'en';
  });

  it('R315-4 unit heads, performers and officials do not register objects; a foreign head sees nothing', async () => {
    for (const c of [w.as.unitHead, w.as.performer, w.as.official, w.as.auditor])
      expect((await c.post(objects(), { ...hoistBody(), registrationNumber: 'ТҚ-R' })).statusCode).toBe(403);
    expect((await w.as.foreignHead.get(objects())).statusCode).toBe(403);
    expect((await w.as.foreignHead.get(`${objects()}/${hoist}`)).statusCode).toBe(403);
    expect((await w.as.unitHead.get(objects())).statusCode).toBe(200);
    // Performers record nothing here; an official may record an examination.
    const exam = {
      kind: 'certification',
      performedOn: '2026-03-01',
      nextDueOn: '2027-03-01',
      result: 'fit',
      performedBy: 'x',
      documentNumber: '1',
    };
    expect((await w.as.performer.post(`${objects()}/${hoist}/examinations`, exam)).statusCode).toBe(403);
    expect((await w.as.unitHead.post(`${objects()}/${hoist}/examinations`, exam)).statusCode).toBe(403);
  });

  it('R315-6 an examination needs its next date after the day performed, a known result and its document', async () => {
    const ok = {
      kind: 'certification',
      performedOn: '2025-04-10',
      nextDueOn: '2026-04-10',
      result: 'fit',
      performedBy: '«ҚазИнженерСараптама» ЖШС',
      documentNumber: 'ТК-2025/114',
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'repair' }, 'examinationKind', 'kind'],
      [{ performedOn: '2025-13-01' }, 'performedOn', 'not_date'],
      [{ performedOn: '2026-03-05' }, 'performedOn', 'future'],
      [{ nextDueOn: '2025-04-10' }, 'nextDueOn', 'after_performed'],
      [{ result: 'good' }, 'result', 'result'],
      [{ performedBy: ' ' }, 'performedBy', 'required'],
      [{ documentNumber: '' }, 'documentNumber', 'required'],
    ];
    for (const [patch, field, rule] of cases) {
      const r = await w.as.official.post(`${objects()}/${hoist}/examinations`, { ...ok, ...patch });
      expect(r.statusCode, `${field}/${rule}`).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'pc.examination_invalid', details: { field, rule } });
    }
    const made = await w.must(w.as.official.post(`${objects()}/${hoist}/examinations`, ok));
    expect(made).toMatchObject({ kind: 'certification', result: 'fit', recordedBy: { fullName: 'Сейітова Айгүл Болатқызы' } });
    const view = (await w.as.auditor.get(`${objects()}/${hoist}`)).json();
    // 39 days from 02.03 to 10.04: valid, not yet due soon.
    expect(view.object.kinds).toMatchObject([{ kind: 'certification', state: 'valid', daysLeft: 39 }]);
    expect(view.history).toHaveLength(1);
  });

  it('R315-6 an examination is write-once: the database refuses to change or delete it', async () => {
    await expect(ctx.sql(`UPDATE pc_technical_examinations SET result = 'unfit' WHERE object_id = $1`, [hoist])).rejects.toThrow();
    await expect(ctx.sql(`DELETE FROM pc_technical_examinations WHERE object_id = $1`, [hoist])).rejects.toThrow();
    await expect(ctx.sql(`DELETE FROM pc_examination_reminders`)).resolves.toBeDefined(); // nothing there yet
  });

  it('R315-4 a reminder goes once 30 days before an examination falls due, again at 7 days and on the overdue day', async () => {
    at('2026-03-10T05:00:00Z'); // 31 days left: nothing yet
    expect(await remindDueExaminations(ctx.deps)).toBe(0);
    at('2026-03-11T05:00:00Z'); // 30 days left
    expect(await remindDueExaminations(ctx.deps)).toBe(1);
    expect(await remindDueExaminations(ctx.deps)).toBe(0);
    at('2026-03-20T05:00:00Z');
    expect(await remindDueExaminations(ctx.deps)).toBe(0);
    const due = await notices('pc.examination_due');
    // The first head(s) and the service's head, each once; not the officials, unit heads or performers.
    const to = due.map((n) => n.user_id);
    expect(to).toEqual(expect.arrayContaining([w.ids.head, w.ids.serviceHead]));
    expect(new Set(to).size).toBe(to.length);
    for (const p of [w.ids.official, w.ids.unitHead, w.ids.performer, w.ids.auditor]) expect(to).not.toContain(p);
    expect(due[0]!.payload).toMatchObject({ registrationNumber: 'ТҚ-001', date: '10.04.2026', days: 30, examinationKind: 'certification' });
    at('2026-04-03T05:00:00Z'); // 7 days left
    expect(await remindDueExaminations(ctx.deps)).toBe(1);
    at('2026-04-10T05:00:00Z'); // the due day itself is still in time
    expect(await remindDueExaminations(ctx.deps)).toBe(0);
    const sameDay = (await (await fresh('pc-servicehead')).get(objects())).json();
    expect(sameDay.items.find((o: { id: string }) => o.id === hoist)).toMatchObject({ state: 'due_soon' });
    at('2026-04-11T05:00:00Z');
    expect(await remindDueExaminations(ctx.deps)).toBe(1);
    expect(await remindDueExaminations(ctx.deps)).toBe(0);
    expect((await notices('pc.examination_due')).map((n) => (n.payload as { days: number }).days)).toEqual([
      ...to.map(() => 30),
      ...to.map(() => 7),
    ]);
    expect(await notices('pc.examination_overdue')).toHaveLength(to.length);
    const { rows } = await ctx.sql(`SELECT threshold FROM pc_examination_reminders ORDER BY sent_at`);
    expect(rows.map((r) => r.threshold)).toEqual(['30_days', '7_days', 'overdue']);
    await expect(ctx.sql(`DELETE FROM pc_examination_reminders`)).rejects.toThrow();
  });

  it('R315-26 an overdue certification of a hazardous device is an alert for the head; a new examination clears it', async () => {
    const head = await fresh('pc-servicehead');
    const list = (await head.get(objects())).json();
    expect(list.today).toBe('2026-04-11');
    expect(list.items.find((o: { id: string }) => o.id === hoist)).toMatchObject({
      state: 'overdue',
      kinds: [{ state: 'overdue', daysLeft: -1 }],
    });
    expect(list.alerts).toEqual([
      expect.objectContaining({ objectId: hoist, examinationKind: 'certification', state: 'overdue', nextDueOn: '2026-04-10' }),
    ]);
    await w.must(
      head.post(`${objects()}/${hoist}/examinations`, {
        kind: 'certification',
        performedOn: '2026-04-11',
        nextDueOn: '2027-04-11',
        result: 'fit',
        performedBy: '«ҚазИнженерСараптама» ЖШС',
        documentNumber: 'ТК-2026/41',
      }),
    );
    const after = (await head.get(objects())).json();
    expect(after.alerts).toEqual([]);
    expect(after.items.find((o: { id: string }) => o.id === hoist).state).toBe('valid');
    expect(await remindDueExaminations(ctx.deps)).toBe(0); // the new due date is a year away
  });

  it('R315-6 an unfit result is shown prominently and told to the first head at once', async () => {
    const head = await fresh('pc-servicehead');
    const boiler = await w.must(
      head.post(objects(), { kind: 'device', name: 'ДКВр-10 бу қазандығы', registrationNumber: 'ТҚ-002', facilityId: other.id }),
    );
    await w.must(
      head.post(`${objects()}/${boiler.id}/examinations`, {
        kind: 'technical_examination',
        performedOn: '2026-04-09',
        nextDueOn: '2026-10-09',
        result: 'unfit',
        performedBy: 'Комиссия',
        documentNumber: 'А-17',
      }),
    );
    const unfit = await notices('pc.examination_unfit');
    expect(unfit.map((n) => n.user_id)).toEqual(expect.arrayContaining([w.ids.head, w.ids.serviceHead]));
    expect(unfit.map((n) => n.user_id)).not.toContain(w.ids.official);
    expect(unfit[0]!.payload).toMatchObject({ name: 'ДКВр-10 бу қазандығы', date: '09.04.2026', document: 'А-17' });
    const list = (await head.get(objects())).json();
    expect(list.alerts).toEqual([
      expect.objectContaining({ objectId: boiler.id, state: 'unfit', examinationKind: 'technical_examination' }),
    ]);
    expect(await remindDueExaminations(ctx.deps)).toBe(0); // an unfit object is not reminded of, it is already flagged
  });

  it('R315-6 an object is decommissioned, never deleted; it then takes no examination', async () => {
    const head = await fresh('pc-servicehead');
    const b = await w.must(
      head.post(objects(), {
        kind: 'building',
        name: 'Әкімшілік-тұрмыстық корпус',
        registrationNumber: 'ҒИМ-01',
        facilityId: mine.id,
        commissionedOn: '1985-01-01',
      }),
    );
    expect((await head.post(`${objects()}/${b.id}/decommission`, { decommissionedOn: '1984-01-01' })).json().error.details).toMatchObject({
      rule: 'before_commissioned',
    });
    expect((await head.post(`${objects()}/${b.id}/decommission`, { decommissionedOn: '2026-04-12' })).json().error.details).toMatchObject({
      rule: 'future',
    });
    const done = await w.must(head.post(`${objects()}/${b.id}/decommission`, { decommissionedOn: '2026-04-01' }), 200);
    expect(done).toMatchObject({ state: 'decommissioned', decommissionedOn: '2026-04-01' });
    const exam = {
      kind: 'technical_examination',
      performedOn: '2026-04-05',
      nextDueOn: '2031-04-05',
      result: 'fit',
      performedBy: 'x',
      documentNumber: '1',
    };
    expect((await head.post(`${objects()}/${b.id}/examinations`, exam)).json().error.code).toBe('pc.technical_object_decommissioned');
    expect((await head.post(`${objects()}/${b.id}/decommission`, { decommissionedOn: '2026-04-02' })).statusCode).toBe(409);
    expect((await ctx.sql(`SELECT count(*)::int AS n FROM pc_technical_objects WHERE id = $1`, [b.id])).rows[0]!.n).toBe(1);
  });

  it('R315-6 an XLSX import checks every row as the form does; one bad row writes nothing', async () => {
    const head = await fresh('pc-servicehead');
    const ExcelJS = (await import('exceljs')).default;
    const sheet = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('objects');
      ws.addRow(['kind', 'name', 'registrationNumber', 'facility', 'unit', 'manufacturer', 'serialNumber', 'commissionedOn']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const good = [
      'құрылғы',
      'АКМ-1 метан бақылау станциясы',
      'ТҚ-010',
      'ҚӨО-0001',
      '«Шахтинская» шахтасы — участок № 1',
      'Ресми',
      'S-1',
      new Date('2019-05-06'),
    ];
    const count = async () => (await ctx.sql(`SELECT count(*)::int AS n FROM pc_technical_objects`)).rows[0]!.n as number;
    const before = await count();
    const bad: [unknown[], number, string, string][] = [
      [['device', 'Көтергіш', 'ТҚ-001', 'ҚӨО-0001'], 3, 'registrationNumber', 'taken'],
      [['device', 'Көтергіш', 'ТҚ-010', 'ҚӨО-0001'], 3, 'registrationNumber', 'taken'], // twice in one file
      [['tower', 'Мұнара', 'ТҚ-011', 'ҚӨО-0001'], 3, 'objectKind', 'kind'],
      [['structure', 'Мұнара', 'ТҚ-011', 'ҚӨО-0404'], 3, 'facility', 'unknown'],
      [['structure', 'Мұнара', 'ТҚ-011', 'ҚӨО-0002', '«Шахтинская» шахтасы — участок № 1'], 3, 'unit', 'unknown'],
      [['structure', 'Мұнара', 'ТҚ-011', 'ҚӨО-0001', '', '', '', '2030-01-01'], 3, 'commissionedOn', 'future'],
    ];
    for (const [row, n, field, rule] of bad) {
      const r = await head.request('POST', `${objects()}/import`, await sheet([good, row]), { 'content-type': XLSX });
      expect(r.statusCode, `${field}/${rule}`).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'pc.technical_import_row_invalid', details: { row: n, field, rule } });
    }
    head.lang = 'kk';
    const kk = await head.request('POST', `${objects()}/import`, await sheet([good, bad[3]![0]]), { 'content-type': XLSX });
    expect(kk.json().error.message).toMatch(/^3-жол, «ҚӨО тіркеу нөмірі» бағаны: ұйымда мұндай объект жоқ\. Файлдан ештеңе жазылмады\.$/);
    head.lang = 'en';
    expect(await count()).toBe(before);
    const ok = await head.request(
      'POST',
      `${objects()}/import`,
      await sheet([good, [], ['здание', 'Қазандық ғимараты', 'ҒИМ-02', 'ҚӨО-0002']]),
      {
        'content-type': XLSX,
      },
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ imported: 2 });
    const list = (await head.get(objects())).json().items;
    expect(list.find((o: { registrationNumber: string }) => o.registrationNumber === 'ТҚ-010')).toMatchObject({
      kind: 'device',
      unitId: mine.unitId,
      commissionedOn: '2019-05-06',
    });
    expect(list.find((o: { registrationNumber: string }) => o.registrationNumber === 'ҒИМ-02')).toMatchObject({
      kind: 'building',
      facilityId: other.id,
    });
    const { rows } = await ctx.sql(`SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'pc.technical_object_registered'`);
    expect(rows[0]!.n).toBe(before + 2);
  });

  it('R315-6 a CSV import (semicolons, quotes) follows the same rules; an unreadable file is refused', async () => {
    const head = await fresh('pc-servicehead');
    const csv = (text: string) => head.request('POST', `${objects()}/import`, Buffer.from(text), { 'content-type': 'text/csv' });
    const header = 'kind;name;registrationNumber;facility;unit;manufacturer;serialNumber;commissionedOn\n';
    const bad = await csv(`${header}structure;"Копер; №2";КОП-2;ҚӨО-0001;;;;2001-02-30\n`);
    expect(bad.json().error).toMatchObject({
      code: 'pc.technical_import_row_invalid',
      details: { row: 2, field: 'commissionedOn', rule: 'not_date' },
    });
    const ok = await csv(`${header}structure;"Копер; №2 ""Бас""";КОП-2;ҚӨО-0001;;;;2001-02-28\r\n`);
    expect(ok.statusCode).toBe(201);
    const list = (await head.get(objects())).json().items;
    expect(list.find((o: { registrationNumber: string }) => o.registrationNumber === 'КОП-2').name).toBe('Копер; №2 "Бас"');
    expect((await csv('name,other\nx,y\n')).json().error.code).toBe('pc.technical_import_unreadable');
    expect((await head.request('POST', `${objects()}/import`, Buffer.from('not a zip'), { 'content-type': XLSX })).statusCode).toBe(415);
    expect((await csv(header)).json().error.code).toBe('pc.technical_import_empty');
  });
});
