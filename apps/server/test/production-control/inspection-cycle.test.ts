import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { QUESTIONS, answerRest, seedOperator, type OperatorWorld } from './inspection-world.ts';

let ctx: TestContext;
let w: OperatorWorld;
let mine: string;
let checklist: string;
let approved: string;
let first: { id: string; items: { id: string; questionId: string | null; source: string }[] };
const found: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedOperator(ctx);
  mine = await w.facility('«Шахтинская» шахтасы', 'ҚӨӨН-0001');
  await w.appoint(w.official.id, [mine]);
  checklist = await w.checklist('Қысымдағы жабдық');
  await w.version(checklist, 1, QUESTIONS);
  approved = await w.schedule('approved');
});
afterAll(() => ctx.close());

// An hour between inspections keeps the sessions alive (idle limit) and the events in order.
const HOUR = 3_600_000;
const start = async () => {
  ctx.clock.advance(HOUR);
  const res = await w.official.c.post(`${w.base}/inspections`, {
    scheduleItemId: await w.scheduleItem(approved, { facilityId: mine, checklistId: checklist }),
  });
  expect(res.statusCode).toBe(201);
  return res.json();
};
const answer = (inspectionId: string, itemId: string, body: Record<string, unknown>, c = w.official.c) =>
  c.post(`${w.base}/inspections/${inspectionId}/items/${itemId}/answer`, body);
const itemOf = (q: string) => first.items.find((i) => i.questionId === q)!.id;
const violation = async (id: string) => (await w.head.get(`${w.base}/violations/${id}`)).json();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 1)]);

describe('R315-9 R315-27 findings at an inspection', () => {
  it('R315-9 a finding takes the item’s reference and severity; eliminated on the spot it starts verified', async () => {
    first = await start();
    const plain = await answer(first.id, itemOf('q1'), {
      outcome: 'violation',
      description: 'Қазан № 2 куәландырылмаған',
      note: 'паспорт жоқ',
    });
    expect(plain.statusCode).toBe(200);
    found.q1 = plain.json().violationId;
    expect(await violation(found.q1!)).toMatchObject({
      status: 'open',
      description: 'Қазан № 2 куәландырылмаған',
      reference: QUESTIONS[0]!.reference,
      severity: 'major',
      dangerous: false,
      events: [{ kind: 'found', note: 'паспорт жоқ' }],
    });
    const onSpot = await answer(first.id, itemOf('q3'), { outcome: 'violation', eliminatedOnSpot: true });
    found.q3 = onSpot.json().violationId;
    // The item names its violation, so photos can be added after the page is reloaded.
    const items = (await w.official.c.get(`${w.base}/inspections/${first.id}`)).json().items;
    expect(items.find((i: { id: string }) => i.id === itemOf('q3')).violationId).toBe(found.q3);
    expect(items.find((i: { id: string }) => i.id === itemOf('q2')).violationId).toBeNull();
    expect(await violation(found.q3!)).toMatchObject({
      status: 'verified',
      eliminatedOnSpot: true,
      description: QUESTIONS[2]!.text,
      events: [{ kind: 'eliminated_on_spot' }],
    });
  });

  it('R315-9 an answer is given once, by the inspection’s official, with an outcome that fits the item', async () => {
    expect((await answer(first.id, itemOf('q1'), { outcome: 'compliant' })).json().error).toMatchObject({
      code: 'pc.item_already_answered',
    });
    expect((await answer(first.id, itemOf('q2'), { outcome: 'eliminated_confirmed' })).json().error.code).toBe('pc.item_outcome_invalid');
    expect((await answer(first.id, itemOf('q2'), { outcome: 'compliant' }, w.serviceHead.c)).json().error.code).toBe(
      'pc.not_inspection_official',
    );
    expect((await answer(first.id, itemOf('q2'), { outcome: 'fine' })).statusCode).toBe(400);
  });

  it('R315-12 an inspection with unanswered items is not completed, and the refusal says how many', async () => {
    const res = await w.official.c.post(`${w.base}/inspections/${first.id}/complete`, { conclusion: 'Бұзушылықтар анықталды' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'pc.items_unanswered', details: { count: 1 } });
  });

  it('R315-9 R315-27 a dangerous finding creates a suspension proposal that reaches the first head at once', async () => {
    ctx.clock.advance(60_000);
    const res = await answer(first.id, itemOf('q2'), {
      outcome: 'violation',
      dangerous: true,
      description: 'Сақтандырғыш клапан бітелген',
    });
    found.q2 = res.json().violationId;
    const pending = (await w.head.get(`${w.base}/proposals?state=pending`)).json().items;
    expect(pending).toEqual([
      expect.objectContaining({
        kind: 'suspend_work',
        violationId: found.q2,
        status: 'pending',
        description: 'Сақтандырғыш клапан бітелген',
      }),
    ]);
    const notices = (await w.head.get(`/api/v1/organisations/${w.org}/notifications`)).json();
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'pc.suspend_work_proposed', payload: expect.objectContaining({ facility: '«Шахтинская» шахтасы' }) }),
    ]);
    expect((await w.official.c.get(`/api/v1/organisations/${w.org}/notifications`)).json()).toEqual([]);
  });

  it('R315-9 a finding’s photo is checked and stored; every download is logged', async () => {
    const url = `${w.base}/violations/${found.q2}/attachments?fileName=${encodeURIComponent('клапан.png')}`;
    const ok = await w.official.c.request('POST', url, PNG, { 'content-type': 'image/png' });
    expect(ok.statusCode).toBe(201);
    const fake = await w.official.c.request('POST', url, Buffer.alloc(600, 1), { 'content-type': 'image/jpeg' });
    expect(fake.json().error.code).toBe('pc.file_content_mismatch');
    const text = await w.official.c.request('POST', url, 'hello', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    const other = await w.serviceHead.c.request('POST', url, PNG, { 'content-type': 'image/png' });
    expect(other.json().error.code).toBe('pc.not_inspection_official');
    const v = await violation(found.q2!);
    expect(v.attachments).toEqual([
      expect.objectContaining({ purpose: 'finding', fileName: 'клапан.png', mime: 'image/png', size: PNG.length }),
    ]);
    const dl = await w.head.get(`${w.base}/violations/${found.q2}/attachments/${v.attachments[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    const ledger = (await w.head.get(`/api/v1/organisations/${w.org}/ledger?action=pc.attachment_downloaded`)).json();
    expect(ledger).toHaveLength(1);
  });
});

describe('R315-12 the journal', () => {
  it('R315-12 completing the inspection writes its journal entry, which never changes', async () => {
    const res = await w.official.c.post(`${w.base}/inspections/${first.id}/complete`, {
      conclusion: 'Үш бұзушылық анықталды, біреуі өмірге қауіпті',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', journalSeq: 1 });
    const journal = (await w.head.get(`${w.base}/journal?facilityId=${mine}`)).json().items;
    expect(journal).toEqual([
      expect.objectContaining({
        seq: 1,
        inspectionId: first.id,
        kind: 'scheduled',
        facility: '«Шахтинская» шахтасы',
        official: 'Жұмабаев Ерлан Серікұлы',
        items: 3,
        violations: 3,
        dangerous: 1,
        actNumber: null,
        instructionNumber: null,
      }),
    ]);
    await expect(ctx.sql(`UPDATE pc_journal_entries SET content = '{}' WHERE inspection_id = $1`, [first.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.sql(`DELETE FROM pc_journal_entries WHERE inspection_id = $1`, [first.id])).rejects.toThrow(/append-only/);
    // A completed inspection takes no more answers or files.
    const late = await w.official.c.request('POST', `${w.base}/violations/${found.q1}/attachments?fileName=x.png`, PNG, {
      'content-type': 'image/png',
    });
    expect(late.json().error.code).toBe('pc.inspection_completed');
    expect((await w.head.get(`${w.base}/journal?from=2026-03-10&to=2026-03-31`)).json().items).toEqual([]);
    expect((await w.head.get(`${w.base}/journal?from=2026-03-03&to=2026-03-01`)).json().error.code).toBe('pc.period_invalid');
  });
});

describe('R315-14 R315-9 the next inspection re-checks what was found', () => {
  let second: { id: string; items: { id: string; source: string; recheckViolationId: string | null; position: number }[] };

  it('R315-9 the brief shows the previous result, every open violation and every one eliminated since', async () => {
    const brief = (await w.official.c.get(`${w.base}/inspections/brief?facilityId=${mine}`)).json();
    expect(brief.facility).toMatchObject({ name: '«Шахтинская» шахтасы', hazardFeatures: ['mining_operations', 'pressure_equipment'] });
    expect(brief.facility.safeOperationConditions).toMatch(/метан/);
    expect(brief.previous).toEqual([expect.objectContaining({ id: first.id, items: 3, violations: 3, dangerous: 1 })]);
    expect(brief.openViolations.map((v: { id: string }) => v.id).sort()).toEqual([found.q1, found.q2].sort());
    expect(brief.eliminatedSince).toEqual([expect.objectContaining({ id: found.q3, status: 'verified', eliminatedOnSpot: true })]);
  });

  it('R315-14 open and eliminated violations are carried into the next inspection as re-check items, first', async () => {
    second = await start();
    const rechecks = second.items.filter((i) => i.source === 'recheck');
    expect(rechecks.map((i) => i.recheckViolationId).sort()).toEqual([found.q1, found.q2, found.q3].sort());
    expect(rechecks.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(second.items).toHaveLength(6);
    const brief = await w.official.c.get(`${w.base}/inspections/${second.id}/brief`);
    expect(brief.json().briefSeenAt).toBe(ctx.clock.now.toISOString());
    expect((await w.head.get(`${w.base}/inspections/${second.id}`)).json().briefSeenAt).toBe(ctx.clock.now.toISOString());
  });

  it('R315-14 re-check outcomes: confirmed eliminated, or reopened with both in its history', async () => {
    const item = (v: string) => second.items.find((i) => i.recheckViolationId === v)!.id;
    expect((await answer(second.id, item(found.q1!), { outcome: 'compliant' })).json().error.code).toBe('pc.item_outcome_invalid');
    ctx.clock.advance(60_000);
    expect((await answer(second.id, item(found.q3!), { outcome: 'reopened', note: 'журнал қайтадан толтырылмаған' })).statusCode).toBe(200);
    const reopened = await violation(found.q3!);
    expect(reopened.status).toBe('open');
    expect(reopened.events.map((e: { kind: string }) => e.kind)).toEqual(['eliminated_on_spot', 'reopened']);
    expect((await answer(second.id, item(found.q1!), { outcome: 'eliminated_confirmed' })).statusCode).toBe(200);
    const confirmed = await violation(found.q1!);
    expect(confirmed).toMatchObject({ status: 'rechecked' });
    expect(confirmed.events.map((e: { kind: string }) => e.kind)).toEqual(['found', 'recheck_confirmed']);
    await answerRest(w.official.c, w.base, second.id);
    const done = await w.official.c.post(`${w.base}/inspections/${second.id}/complete`, { conclusion: 'Бір бұзушылық қайта анықталды' });
    expect(done.json().journalSeq).toBe(2);
    const entry = (await w.head.get(`${w.base}/journal`)).json().items[1];
    expect(entry).toMatchObject({ recheckedConfirmed: 2, reopened: 1, violations: 0 });
    // The third inspection re-checks only what is still open.
    const third = await start();
    expect(
      third.items
        .filter((i: { source: string }) => i.source === 'recheck')
        .map((i: { recheckViolationId: string }) => i.recheckViolationId),
    ).toEqual([found.q3]);
  });
});

describe('R315-27 the violation list', () => {
  it('R315-27 filters by status, danger, text and overdue, in keyset pages', async () => {
    await ctx.sql(`UPDATE pc_violations SET due_on = '2026-02-20' WHERE id = $1`, [found.q3]);
    const list = (q: string) => w.head.get(`${w.base}/violations?${q}`).then((r) => r.json());
    expect((await list('status=open')).items.map((v: { id: string }) => v.id)).toEqual([found.q3]);
    expect((await list('dangerous=true')).items.map((v: { id: string }) => v.id)).toEqual([found.q2]);
    expect((await list('text=%D0%BA%D0%BB%D0%B0%D0%BF%D0%B0%D0%BD')).items.map((v: { id: string }) => v.id)).toEqual([found.q2]);
    expect((await list('overdue=true')).items).toEqual([expect.objectContaining({ id: found.q3, overdue: true })]);
    expect((await list(`facilityId=${mine}&severity=major`)).items.map((v: { id: string }) => v.id)).toEqual([found.q1]);
    const page1 = await list('limit=2');
    expect(page1.items).toHaveLength(2);
    const page2 = await list(`limit=2&cursor=${encodeURIComponent(page1.next)}`);
    expect(page2.next).toBeNull();
    expect([...page1.items, ...page2.items].map((v: { id: string }) => v.id).sort()).toEqual([found.q1, found.q2, found.q3].sort());
    expect((await w.head.get(`${w.base}/violations?cursor=nonsense`)).statusCode).toBe(400);
    expect((await w.head.get(`${w.base}/violations/${randomUUID()}`)).json().error.code).toBe('pc.violation_not_found');
  });
});

describe('R315-27 R315-4 proposals are tracked to closure', () => {
  it('R315-27 the first head accepts by order and closes; nothing else moves it', async () => {
    const [p] = (await w.head.get(`${w.base}/proposals?state=pending`)).json().items;
    const url = `${w.base}/proposals/${p.id}`;
    expect((await w.official.c.post(`${url}/decision`, { accept: true, orderNumber: 'Ө-5' })).statusCode).toBe(403);
    expect((await w.head.post(`${url}/decision`, { accept: true })).json().error.code).toBe('pc.decision_order_required');
    expect((await w.head.post(`${url}/close`, { note: 'Жұмыс қайта басталды' })).json().error.code).toBe('pc.proposal_state_invalid');
    const accepted = await w.head.post(`${url}/decision`, { accept: true, orderNumber: 'Ө-5' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', decisionOrderNumber: 'Ө-5', closedAt: null });
    expect((await w.head.get(`${w.base}/proposals?state=open`)).json().items).toHaveLength(1);
    const closed = await w.head.post(`${url}/close`, { note: 'Клапан ауыстырылды, жұмыс қайта басталды' });
    expect(closed.json()).toMatchObject({ closingNote: 'Клапан ауыстырылды, жұмыс қайта басталды' });
    expect((await w.head.get(`${w.base}/proposals?state=open`)).json().items).toEqual([]);
    expect((await w.head.post(`${url}/close`, { note: 'тағы' })).json().error.code).toBe('pc.proposal_state_invalid');
  });

  it('R315-4 the official proposes removing a staff member without timely training; the head is told and may reject with a reason', async () => {
    const res = await w.official.c.post(`${w.base}/proposals`, {
      inspectionId: first.id,
      staffMember: 'Қасымов Д. Б., машинист',
      description: 'Өнеркәсіптік қауіпсіздік бойынша білімін тексеру мерзімі өткен',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'remove_staff', staffMember: 'Қасымов Д. Б., машинист', status: 'pending' });
    const notices = (await w.head.get(`/api/v1/organisations/${w.org}/notifications`)).json();
    expect(notices.map((n: { kind: string }) => n.kind).sort()).toEqual(['pc.remove_staff_proposed', 'pc.suspend_work_proposed']);
    const rejected = await w.head.post(`${w.base}/proposals/${res.json().id}/decision`, {
      accept: false,
      reason: 'Оқытудан 01.03.2026 өтті',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'Оқытудан 01.03.2026 өтті' });
    expect((await w.head.post(`${w.base}/proposals/${res.json().id}/decision`, { accept: false })).json().error.code).toBe(
      'pc.decision_reason_required',
    );
  });
});

describe('R315-12 the printed journal', () => {
  it('R315-12 prints in kk and ru with the default columns, or the organisation’s form definition', async () => {
    const kk = await pdfText((await w.head.get(`${w.base}/journal.pdf?lang=kk`)).rawPayload);
    expect(kk.text).toMatch(/Өндірістік бақылау журналы/);
    expect(kk.text).toMatch(/Шахтинская/);
    expect(kk.text).toMatch(/Жоспарлы тексеру/);
    const ru = await pdfText((await w.head.get(`${w.base}/journal.pdf?lang=ru`)).rawPayload);
    expect(ru.text).toMatch(/Журнал производственного контроля/);
    expect(ru.text).toMatch(/Дата\s+проверки/);
    await ctx.sql(
      `INSERT INTO pc_form_definitions (id, organisation_id, form, columns, updated_by, updated_at) VALUES ($1, $2, 'journal', $3, $4, now())`,
      [
        randomUUID(),
        w.org,
        JSON.stringify([
          { field: 'seq', titleKk: 'Нөмір', titleRu: 'Номер', width: 1 },
          { field: 'conclusion', titleKk: 'Тексеру нәтижесі', titleRu: 'Результат проверки', width: 5 },
        ]),
        w.headId,
      ],
    );
    const custom = await pdfText((await w.head.get(`${w.base}/journal.pdf?lang=ru`)).rawPayload);
    expect(custom.text).toMatch(/Результат\s+проверки/);
    expect(custom.text).not.toMatch(/Дата\s+проверки/);
  });
});
