import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFormTable } from '../../src/production-control/forms/renderFormTable.ts';
import { DEFAULT_COLUMNS } from '../../src/production-control/forms/form-defaults.ts';
import { remindDueInspections } from '../../src/production-control/schedule/remindDueInspections.ts';
import { pdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedPcWorld, type PcWorld } from './pc-world.ts';

let ctx: TestContext;
let w: PcWorld;
let mine: { id: string; unitId: string };
let other: { id: string; unitId: string };
let checklist: string;
let draftChecklist: string;
let programme: string;
let r1: string;
let r2: string;
const items: Record<string, string> = {};
const question = {
  text: 'Желдету жұмыс істей ме?',
  reference: { act: 'ҚӨО өнеркәсіптік қауіпсіздік қағидалары', point: '12' },
  severity: 'critical',
};

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedPcWorld(ctx);
  mine = await w.facility('«Шахтинская» шахтасы', 'ҚӨО-0001');
  other = await w.facility('«Казахстанская» шахтасы', 'ҚӨО-0002');
  await w.appoint(w.ids.official, [mine.id]);
  const make = async (title: string, purpose: string, publishAs?: 'head' | 'serviceHead') => {
    const c = await w.must(w.as.serviceHead.post(`${w.base}/checklists`, { title, purpose, questions: [question] }));
    const id = c.checklistId as string;
    if (publishAs) await w.must(w.as[publishAs].post(`${w.base}/checklists/${id}/versions/1/publish`), 200);
    return id;
  };
  checklist = await make('Шахта желдетуі', 'inspection', 'serviceHead');
  draftChecklist = await make('Жоба', 'inspection');
  programme = await make('Кешенді тексеру бағдарламасы 2026', 'comprehensive_programme', 'head');
});
afterAll(() => ctx.close());

const line = (extra: Record<string, unknown> = {}) => ({
  facilityId: mine.id,
  unitId: mine.unitId,
  kind: 'scheduled',
  plannedOn: '2026-03-05',
  checklistId: checklist,
  responsibleOfficialId: w.ids.official,
  ...extra,
});

describe('R315-7 the yearly schedule of inspections', () => {
  it('R315-7 a year’s schedule starts as a draft; lines are checked field by field', async () => {
    const s = await w.as.serviceHead.post(`${w.base}/schedules`, { year: 2026 });
    expect(s.json()).toMatchObject({ year: 2026, revision: 1, status: 'draft' });
    r1 = s.json().id;
    expect((await w.as.serviceHead.post(`${w.base}/schedules`, { year: 2026 })).json().error).toMatchObject({
      code: 'pc.schedule_exists',
      details: { year: 2026, revision: 1 },
    });
    const add = (body: Record<string, unknown>) => w.as.serviceHead.post(`${w.base}/schedules/${r1}/items`, body);
    const cases: [Record<string, unknown>, string, string][] = [
      [line({ plannedOn: '2027-01-15' }), 'plannedOn', 'outside_year'],
      [line({ unitId: other.unitId }), 'unitId', 'unit_of_other_facility'],
      [line({ checklistId: draftChecklist }), 'checklistId', 'not_published'],
      [line({ kind: 'comprehensive' }), 'checklistId', 'programme_for_comprehensive'],
      [line({ checklistId: programme }), 'checklistId', 'programme_for_comprehensive'],
    ];
    for (const [body, field, rule] of cases) {
      const r = await add(body);
      expect(r.statusCode, `${field} ${rule}`).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'pc.schedule_item_invalid', details: { field, rule } });
    }
    const ok = await add(line());
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      facilityName: '«Шахтинская» шахтасы',
      responsibleName: 'Сейітова Айгүл Болатқызы',
      done: false,
      overdue: false,
    });
    items.soon = ok.json().id;
    items.past = (await w.must(add(line({ unitId: null, plannedOn: '2026-02-20' })))).id;
    items.comprehensive = (
      await w.must(add(line({ unitId: null, kind: 'comprehensive', checklistId: programme, plannedOn: '2026-11-10' })))
    ).id;
    items.removed = (await w.must(add(line({ plannedOn: '2026-06-01' })))).id;
    expect((await w.as.serviceHead.request('DELETE', `${w.base}/schedules/${r1}/items/${items.removed}`)).statusCode).toBe(200);
  });

  it('R315-3 the responsible official needs an appointment by order covering the facility on the planned date', async () => {
    const add = (body: Record<string, unknown>) => w.as.serviceHead.post(`${w.base}/schedules/${r1}/items`, body);
    const otherFacility = await add(line({ facilityId: other.id, unitId: null }));
    expect(otherFacility.statusCode).toBe(409);
    expect(otherFacility.json().error).toMatchObject({
      code: 'pc.official_not_appointed',
      details: { field: 'responsibleOfficialId', date: '05.03.2026' },
    });
    w.as.serviceHead.lang = 'ru';
    const notAppointed = await add(line({ responsibleOfficialId: w.ids.official2 }));
    w.as.serviceHead.lang = 'en';
    expect(notAppointed.json().error.message).toMatch(/^Ким Виктор Андреевич не назначен.*пункт 3 Приказа № 315/);
    const before = await add(line({ plannedOn: '2026-01-05' }));
    expect(before.json().error.code).toBe('pc.official_not_appointed');
  });

  it('R315-7 only the first head approves; an approved schedule is not changed by edits', async () => {
    const refused = await w.as.serviceHead.post(`${w.base}/schedules/${r1}/approve`);
    expect(refused.statusCode).toBe(403);
    const empty = await w.must(w.as.serviceHead.post(`${w.base}/schedules`, { year: 2027 }));
    expect((await w.as.head.post(`${w.base}/schedules/${empty.id}/approve`)).json().error.code).toBe('pc.schedule_empty');
    const ok = await w.as.head.post(`${w.base}/schedules/${r1}/approve`);
    expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: w.ids.head });

    const url = `${w.base}/schedules/${r1}/items`;
    const tries = [
      await w.as.serviceHead.post(url, line({ plannedOn: '2026-07-01' })),
      await w.as.serviceHead.request('PATCH', `${url}/${items.soon}`, { plannedOn: '2026-08-01' }),
      await w.as.serviceHead.request('DELETE', `${url}/${items.soon}`),
      await w.as.head.post(`${w.base}/schedules/${r1}/approve`),
    ];
    for (const r of tries) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'pc.schedule_not_draft', details: { year: 2026, revision: 1 } });
    }
    const after = (await w.as.auditor.get(`${w.base}/schedules/${r1}`)).json();
    expect(after.items.map((i: { plannedOn: string }) => i.plannedOn)).toEqual(['2026-02-20', '2026-03-05', '2026-11-10']);
  });

  it('R315-7 overdue: a planned date passed without an inspection; the dashboard counts it', async () => {
    const dash = (await w.as.unitHead.get(`${w.base}/dashboard`)).json();
    expect(dash).toEqual({ facilities: 2, dueSoon: 1, overdue: 1 });
    const overdue = (await w.as.auditor.get(`${w.base}/schedule/overdue`)).json().items;
    expect(overdue.map((i: { id: string }) => i.id)).toEqual([items.past]);
    // The inspection engine links an inspection to the line it was made for.
    const version = await ctx.sql(`SELECT id FROM pc_checklist_versions WHERE checklist_id = $1 AND version = 1`, [checklist]);
    await ctx.sql(
      `INSERT INTO pc_inspections (id, organisation_id, facility_id, kind, schedule_item_id, checklist_version_id, official_id, status, started_at)
       VALUES ($1, $2, $3, 'scheduled', $4, $5, $6, 'completed', now())`,
      [randomUUID(), w.org, mine.id, items.past, version.rows[0]!.id, w.ids.official],
    );
    expect((await w.as.head.get(`${w.base}/dashboard`)).json().overdue).toBe(0);
    expect((await w.as.head.get(`${w.base}/schedules/${r1}`)).json().items[0]).toMatchObject({
      id: items.past,
      done: true,
      overdue: false,
    });
  });

  it('R315-7 a revision of an approved schedule is a new draft copying its lines; its approval supersedes the old one', async () => {
    const rev = await w.as.serviceHead.post(`${w.base}/schedules/${r1}/revisions`);
    expect(rev.json()).toMatchObject({ year: 2026, revision: 2, status: 'draft' });
    r2 = rev.json().id;
    expect((await w.as.serviceHead.post(`${w.base}/schedules/${r1}/revisions`)).json().error).toMatchObject({
      code: 'pc.schedule_draft_exists',
      details: { revision: 2 },
    });
    const copy = (await w.as.serviceHead.get(`${w.base}/schedules/${r2}`)).json().items;
    expect(copy.map((i: { previousItemId: string }) => i.previousItemId)).toEqual([items.past, items.soon, items.comprehensive]);
    // The copy of the inspected line stays done across the revision.
    expect(copy[0]).toMatchObject({ done: true });
    const moved = await w.as.serviceHead.request('PATCH', `${w.base}/schedules/${r2}/items/${copy[1].id}`, { plannedOn: '2026-03-06' });
    expect(moved.json().plannedOn).toBe('2026-03-06');
    items.soon2 = copy[1].id;
    expect((await w.as.head.get(`${w.base}/schedules/${r1}`)).json().items[1].plannedOn).toBe('2026-03-05');
    expect((await w.as.head.get(`${w.base}/dashboard`)).json()).toEqual({ facilities: 2, dueSoon: 1, overdue: 0 });
    await w.must(w.as.head.post(`${w.base}/schedules/${r2}/approve`), 200);
    const list = (await w.as.auditor.get(`${w.base}/schedules?year=2026`)).json().items;
    expect(list.map((s: { revision: number; status: string }) => [s.revision, s.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect((await w.as.head.get(`${w.base}/dashboard`)).json()).toEqual({ facilities: 2, dueSoon: 1, overdue: 0 });
    const cal = (await w.as.unitHead.get(`${w.base}/schedules/${r2}/calendar`)).json();
    expect(cal.months).toHaveLength(12);
    expect(cal.months[2].items.map((i: { plannedOn: string }) => i.plannedOn)).toEqual(['2026-03-06']);
    expect(cal.months[10].items[0].kind).toBe('comprehensive');
  });

  it('R315-7 the responsible official is reminded once, 7 days before the planned date', async () => {
    expect(await remindDueInspections(ctx.deps)).toBe(1);
    expect(await remindDueInspections(ctx.deps)).toBe(0);
    const notes = (await w.as.official.get(`/api/v1/organisations/${w.org}/notifications`)).json();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: 'pc.schedule_reminder',
      payload: { date: '06.03.2026', facility: '«Шахтинская» шахтасы', scheduleItemId: items.soon2 },
    });
    expect((await w.as.serviceHead.get(`/api/v1/organisations/${w.org}/notifications`)).json()).toHaveLength(0);
    const { rows } = await ctx.sql(`SELECT reminded_at FROM pc_schedule_items WHERE id = $1`, [items.soon2]);
    expect(rows[0]!.reminded_at).not.toBeNull();
  });

  it('R315-7 the schedule prints in Kazakh and Russian on the form’s columns', async () => {
    const kk = await w.as.auditor.get(`${w.base}/schedules/${r2}/print.pdf?lang=kk`);
    expect(kk.headers['content-type']).toBe('application/pdf');
    const kkText = (await pdfText(kk.rawPayload)).text.replace(/\s+/g, ' ');
    expect(kkText).toMatch(/тексеру жүргізудің 2026 жылға арналған графигі/);
    expect(kkText).toMatch(/Жауапты лауазымды тұлға/);
    expect(kkText).toMatch(/06\.03\.2026/);
    expect(kkText).toMatch(/Бекітемін: Байжанов Серік Оралұлы/);
    const ru = (await pdfText((await w.as.auditor.get(`${w.base}/schedules/${r2}/print.pdf?lang=ru`)).rawPayload)).text.replace(
      /\s+/g,
      ' ',
    );
    expect(ru).toMatch(/График проведения проверок/);
    expect(ru).toMatch(/Ответственное должностное лицо/);
    expect(ru).toMatch(/Плановая проверка/);
  });
});

describe('R315-7 R315-12 printed forms as data', () => {
  it('R315-7 the defaults apply until the head or the service head sets columns; only known fields, titles in kk and ru', async () => {
    const def = (await w.as.serviceHead.get(`${w.base}/forms/schedule`)).json();
    expect(def).toMatchObject({ form: 'schedule', isDefault: true });
    expect(def.columns.map((c: { field: string }) => c.field)).toContain('executionMark');
    expect((await w.as.official.get(`${w.base}/forms/schedule`)).statusCode).toBe(403);
    const put = (columns: unknown[]) => w.as.serviceHead.request('PUT', `${w.base}/forms/schedule`, { columns });
    const unknown = await put([{ field: 'salary', titleKk: 'Жалақы', titleRu: 'Зарплата', width: 5 }]);
    expect(unknown.json().error).toMatchObject({
      code: 'pc.form_column_invalid',
      details: { index: 1, field: 'field', rule: 'unknown_field' },
    });
    const noRu = await put([
      { field: 'number', titleKk: '№', titleRu: '№', width: 2 },
      { field: 'facility', titleKk: 'Объект', titleRu: '  ', width: 5 },
    ]);
    expect(noRu.json().error).toMatchObject({ details: { index: 2, field: 'titleRu', rule: 'required' } });
    expect((await w.as.head.get(`${w.base}/forms/schedule`)).json().isDefault).toBe(true);
    const ok = await put([
      { field: 'number', titleKk: 'Р/с №', titleRu: '№', width: 2 },
      { field: 'facility', titleKk: 'ҚӨО атауы', titleRu: 'Наименование ОПО', width: 10 },
      { field: 'plannedOn', titleKk: 'Мерзімі', titleRu: 'Срок', width: 4 },
    ]);
    expect(ok.json()).toMatchObject({ isDefault: false });
    const ru = (await pdfText((await w.as.head.get(`${w.base}/schedules/${r2}/print.pdf?lang=ru`)).rawPayload)).text.replace(/\s+/g, ' ');
    expect(ru).toMatch(/Наименование ОПО/);
    expect(ru).not.toMatch(/Ответственное должностное лицо/);
    const journal = (await w.as.head.get(`${w.base}/forms/journal`)).json();
    expect(journal.columns.map((c: { field: string }) => c.field)).toContain('conclusion');
  });

  it('R315-12 renderFormTable prints any form’s rows under its headings in the chosen language', async () => {
    const pdf = await renderFormTable(
      DEFAULT_COLUMNS.journal,
      [{ number: '1', facility: '«Шахтинская» шахтасы', conclusion: 'Бұзушылықтар жоқ' }],
      'kk',
      { title: 'Өндірістік бақылау журналы' },
    );
    const text = (await pdfText(pdf)).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Өндірістік бақылау журналы/);
    expect(text).toMatch(/Тексеруді жүргізген лауазымды тұлға/);
    expect(text).toMatch(/Бұзушылықтар жоқ/);
  });
});
