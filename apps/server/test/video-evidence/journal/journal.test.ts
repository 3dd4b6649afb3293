import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
});
afterAll(() => ctx.close());

const entries = async () => (await w.resp.get(w.api(`/journals/${w.journal.id}/entries`))).json();
const recorderStatus = async (id: string) => (await w.resp.get(w.api(`/recorders/${id}`))).json().recorder.status;

describe('R444-7 recorders and inventory numbers', () => {
  it('refuses a second recorder with the same inventory number in the subdivision', async () => {
    const res = await w.resp.post(w.api('/recorders'), { inventoryNumber: 'ВР-001', serialNumber: 'X', model: 'Y' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'recorder.inventory_taken' });
    expect(res.json().error.message).toContain('ВР-001');
  });

  it('lists recorders with counts per status', async () => {
    const body = (await w.resp.get(w.api('/recorders?status=in_storage'))).json();
    expect(body.items.map((r: { inventoryNumber: string }) => r.inventoryNumber)).toEqual(['ВР-001', 'ВР-002', 'ВР-003']);
    expect(body.counts).toEqual({ in_storage: 3 });
  });
});

describe('R444-8 R444-17 R444-20 issue against the inspector signature', () => {
  it('R444-20 refuses a battery below the threshold (80%) and stores nothing', async () => {
    const res = await w.issue(w.resp, w.recorders[0]!, 'inspector1', { batteryPercent: 79 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'journal.battery_too_low', details: { battery: 79, threshold: 80 } });
    expect(await entries()).toEqual([]);
  });

  it('R444-17 refuses an issue whose clock check the inspector did not confirm', async () => {
    const res = await w.issue(w.resp, w.recorders[0]!, 'inspector1', { clockConfirmed: false });
    expect(res.json().error.code).toBe('journal.clock_not_confirmed');
  });

  it('R444-8 refuses a wrong inspector password as signature, and an inspector not assigned to the activity', async () => {
    const bad = await w.issue(w.resp, w.recorders[0]!, 'inspector1', {
      signature: { method: 'credentials_at_counter', login: 'inspector1', password: 'not-the-password' },
    });
    expect(bad.json().error.code).toBe('journal.inspector_signature_invalid');
    const other = await w.issue(w.resp, w.recorders[0]!, 'inspector3');
    expect(other.json().error.code).toBe('journal.inspector_not_assigned');
    expect(await entries()).toEqual([]);
  });

  it('R444-8 issues with battery 85% and the inspector signature; entry № 1 links recorder, inspector, activity', async () => {
    const res = await w.issue(w.resp, w.recorders[0]!, 'inspector1', { clockOffsetSeconds: -4 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      number: 1,
      inventoryNumber: 'ВР-001',
      inspectorName: 'Нұрланов Данияр Асқарұлы',
      activityId: w.activity.id,
      batteryPercent: 85,
      clockConfirmed: true,
      clockOffsetSeconds: -4,
      signatureMethod: 'credentials_at_counter',
      issuedByName: 'Сәрсенбаева Әйгерім Қайратқызы',
    });
    expect(res.json().inspectorSignedAt).not.toBeNull();
    expect(await recorderStatus(w.recorders[0]!.id)).toBe('issued');
  });

  it('refuses to issue the same recorder again with a translated error naming the entry', async () => {
    w.resp.lang = 'ru';
    const res = await w.issue(w.resp, w.recorders[0]!, 'inspector2');
    w.resp.lang = 'en';
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'recorder.already_issued',
      message: 'Видеорегистратор ВР-001 уже выдан (запись журнала № 1). Сначала его нужно сдать.',
    });
  });

  it('an issue confirmed by the inspector on their own device', async () => {
    const res = await w.issue(w.resp, w.recorders[1]!, 'inspector2', { signature: { method: 'own_device' } });
    expect(res.json()).toMatchObject({ number: 2, inspectorSignedAt: null, signatureMethod: 'own_device' });
    const inspector = await w.world.as('inspector2');
    expect((await inspector.get(w.api('/journal-entries/mine'))).json().map((e: { number: number }) => e.number)).toEqual([2]);
    const signed = await inspector.post(w.api(`/journal-entries/${res.json().id}/confirm`));
    expect(signed.statusCode).toBe(200);
    expect(signed.json().inspectorSignedAt).not.toBeNull();
    // Another inspector cannot sign someone else's entry.
    const other = await w.world.as('inspector1');
    expect((await other.post(w.api(`/journal-entries/${res.json().id}/confirm`))).statusCode).toBe(404);
  });
});

describe('R444-10 return and overdue', () => {
  it('refuses to return a recorder that is not issued', async () => {
    const res = await w.giveBack(w.resp, w.recorders[2]!);
    expect(res.json().error.code).toBe('recorder.not_issued');
  });

  it('shows an unreturned recorder as overdue after the planned end of the activity', async () => {
    expect((await w.resp.get(w.api('/overdue-returns'))).json()).toEqual([]);
    ctx.clock.now = new Date('2026-03-02T13:00:00Z');
    const head = await w.world.as('head');
    const overdue = (await head.get(w.api('/overdue-returns'))).json();
    expect(overdue.map((o: { entry: { number: number } }) => o.entry.number)).toEqual([1, 2]);
  });

  it('records the return with both signatures; the recorder goes back to storage', async () => {
    const res = await w.giveBack(w.resp, w.recorders[0]!, 'inspector1', { note: 'Ақаусыз' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      number: 1,
      returnCondition: 'serviceable',
      returnNote: 'Ақаусыз',
      returnReceivedByName: 'Сәрсенбаева Әйгерім Қайратқызы',
    });
    expect(await recorderStatus(w.recorders[0]!.id)).toBe('in_storage');
    expect((await w.resp.get(w.api('/overdue-returns'))).json().map((o: { entry: { number: number } }) => o.entry.number)).toEqual([2]);
  });
});

describe('R444-20 breakage', () => {
  it('an inspector reports a breakage of the recorder they hold; head and responsible are notified; it cannot be issued', async () => {
    const inspector = await w.world.as('inspector2');
    const notMine = await inspector.post(w.api(`/recorders/${w.recorders[0]!.id}/breakage`), { description: 'экран' });
    expect(notMine.statusCode).toBe(403);
    const res = await inspector.post(w.api(`/recorders/${w.recorders[1]!.id}/breakage`), { description: 'Корпусы жарылды, жазба тоқтады' });
    expect(res.statusCode).toBe(201);
    const head = await w.world.as('head');
    const notices = (await head.get(w.api('/notifications'))).json();
    expect(notices[0]).toMatchObject({ kind: 'recorder.breakage_reported', payload: { inventoryNumber: 'ВР-002' } });
    expect((await w.resp.get(w.api('/notifications'))).json()[0].kind).toBe('recorder.breakage_reported');
    // Returned while broken: it stays broken and cannot be issued until repaired.
    expect((await w.giveBack(w.resp, w.recorders[1]!, 'inspector2', { condition: 'damaged' })).statusCode).toBe(200);
    expect(await recorderStatus(w.recorders[1]!.id)).toBe('broken');
    expect((await w.issue(w.resp, w.recorders[1]!)).json().error.code).toBe('recorder.broken');
    expect((await w.resp.post(w.api(`/recorders/${w.recorders[1]!.id}/repair`), { note: 'Сервис орталығына жіберілді' })).statusCode).toBe(
      200,
    );
    expect((await w.issue(w.resp, w.recorders[1]!)).json().error.code).toBe('recorder.under_repair');
    expect((await w.resp.post(w.api(`/recorders/${w.recorders[1]!.id}/repaired`), { note: 'Корпус ауыстырылды' })).statusCode).toBe(200);
    expect(await recorderStatus(w.recorders[1]!.id)).toBe('in_storage');
    const history = (await w.resp.get(w.api(`/recorders/${w.recorders[1]!.id}`))).json().history.map((h: { action: string }) => h.action);
    expect(history).toEqual([
      'recorder.registered',
      'journal.recorder_issued',
      'journal.issue_signed',
      'recorder.breakage_reported',
      'journal.recorder_returned',
      'recorder.sent_to_repair',
      'recorder.repaired',
    ]);
  });

  it('a written-off recorder cannot be issued', async () => {
    expect((await w.resp.post(w.api(`/recorders/${w.recorders[2]!.id}/write-off`), { note: 'Моральдық тозу' })).statusCode).toBe(200);
    expect((await w.issue(w.resp, w.recorders[2]!)).json().error.code).toBe('recorder.written_off');
  });
});

describe('R444-9 corrections: nothing is erased', () => {
  it('strikes an entry with a reason and writes the correcting entry; numbers stay consecutive and are never reused', async () => {
    const issued = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json();
    expect(issued.number).toBe(3);
    const res = await w.resp.post(w.api(`/journal-entries/${issued.id}/strike`), {
      reason: 'Аккумулятор қуаттылығы қате жазылды',
      correction: { batteryPercent: 95 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().struck).toMatchObject({
      number: 3,
      strikeReason: 'Аккумулятор қуаттылығы қате жазылды',
      struckByName: 'Сәрсенбаева Әйгерім Қайратқызы',
    });
    expect(res.json().correction).toMatchObject({ number: 4, batteryPercent: 95, correctsEntryId: issued.id, inventoryNumber: 'ВР-001' });
    expect((await w.resp.post(w.api(`/journal-entries/${issued.id}/strike`), { reason: 'тағы' })).json().error.code).toBe(
      'journal.entry_struck',
    );
    // The recorder stays issued under the correcting entry and is returned through it.
    expect((await w.giveBack(w.resp, w.recorders[0]!)).json().number).toBe(4);
    const next = (await w.issue(w.resp, w.recorders[0]!, 'inspector2')).json();
    expect(next.number).toBe(5);
    const all = await entries();
    expect(all.map((e: { number: number }) => e.number)).toEqual([1, 2, 3, 4, 5]);
    expect(all.filter((e: { struckAt: string | null }) => e.struckAt).map((e: { number: number }) => e.number)).toEqual([3]);
  });

  it('the database refuses to rewrite or delete a journal entry', async () => {
    await expect(ctx.sql(`UPDATE journal_entries SET battery_percent = 100 WHERE number = 1`)).rejects.toThrow(/never changed/);
    await expect(ctx.sql(`DELETE FROM journal_entries WHERE number = 1`)).rejects.toThrow(/cannot be deleted/);
  });

  it('a direct SQL edit of a journal entry (triggers off) is caught by ledger verification, naming entry and field', async () => {
    const head = await w.world.as('head');
    expect((await head.post(w.api('/ledger/verify'))).json()).toMatchObject({ ok: true, chainOk: true });
    await ctx.sql('SET session_replication_role = replica');
    await ctx.sql(`UPDATE journal_entries SET inspector_name = 'Басқа адам' WHERE number = 2`);
    await ctx.sql('SET session_replication_role = origin');
    const r = (await head.post(w.api('/ledger/verify'))).json();
    expect(r).toMatchObject({ ok: false, chainOk: true });
    expect(r.records[0]).toMatchObject({ ok: false, table: 'journal_entries', firstBad: { number: 2, field: 'inspectorName' } });
  });
});

describe('R444-4 R444-5 control activities', () => {
  it('refuses a subject BIN with a wrong check digit, naming the rule', async () => {
    const res = await w.resp.post(w.api('/activities'), {
      type: 'investigation',
      referenceNumber: '1',
      subjectBin: '051240004567',
      subjectName: '«Жұлдыз» ЖШС',
      objectName: 'Нысан',
      objectAddress: 'Мекенжай',
      plannedStart: '2026-03-03T04:00:00Z',
      plannedEnd: '2026-03-03T10:00:00Z',
      inspectorIds: [w.world.userIds.get('inspector1')],
    });
    expect(res.json().error).toMatchObject({ code: 'activity.subject_bin_invalid' });
  });

  it('marks investigation as not covered by point 12 and the other types as 3 years', async () => {
    const list = (await w.resp.get(w.api('/activities'))).json();
    expect(list[0].retention).toEqual({ years: 3, coveredByPoint12: true });
    const inv = await w.resp.post(w.api('/activities'), {
      type: 'investigation',
      referenceNumber: 'Т-5',
      subjectBin: '051240004566',
      subjectName: '«Шахтинск Көмір» ЖШС',
      objectName: 'Нысан',
      objectAddress: 'Мекенжай',
      plannedStart: '2026-03-03T04:00:00Z',
      plannedEnd: '2026-03-03T10:00:00Z',
      inspectorIds: [w.world.userIds.get('inspector1')],
    });
    expect(inv.json().retention).toEqual({ years: 3, coveredByPoint12: false });
  });

  it('an inspector sees only activities assigned to them', async () => {
    const i3 = await w.world.as('inspector3');
    expect((await i3.get(w.api('/activities'))).json()).toEqual([]);
    expect((await i3.get(w.api(`/activities/${w.activity.id}`))).statusCode).toBe(404);
  });
});

describe('what the journal screens need from the API', () => {
  it('R444-20 journal rows carry breakage notes and upload state; the battery threshold is published', async () => {
    const all = await entries();
    const withBreakage = all.find((e: { breakages: unknown[] }) => e.breakages.length > 0);
    expect(withBreakage.breakages[0].description).toBe('Корпусы жарылды, жазба тоқтады');
    expect(all[0]).toMatchObject({ recordings: 0, uploadState: 'waiting_for_dock' });
    expect((await w.resp.get(w.api('/journal-rules'))).json()).toMatchObject({ batteryMinPercent: 80 });
  });

  it("activities name their inspectors, so an inspector sees colleagues' names", async () => {
    const i1 = await w.world.as('inspector1');
    const [a] = (await i1.get(w.api(`/activities`))).json().filter((x: { id: string }) => x.id === w.activity.id);
    expect(a.inspectors.map((x: { fullName: string }) => x.fullName).sort()).toEqual([
      'Нұрланов Данияр Асқарұлы',
      'Омарова Гүлнар Бекқызы',
    ]);
  });

  it('R444-10 a recorder page names the open entry it is out under', async () => {
    const out = (await w.resp.get(w.api('/recorders?status=issued'))).json().items[0];
    const page = (await w.resp.get(w.api(`/recorders/${out.id}`))).json();
    expect(page.openEntry).toMatchObject({ recorderId: out.id, returnedAt: null });
  });
});
