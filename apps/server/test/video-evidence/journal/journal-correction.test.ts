import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { pdfText } from '../../support/pdf-text.ts';

/**
 * Issue 19: a correction is an issue entry and obeys the issue's rules; a
 * signature is never copied to another person (R444-8, R444-9, R444-20).
 */
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
});
afterAll(() => ctx.close());

type Entry = { id: string; number: number; struckAt: string | null; inspectorSignedAt: string | null; signatureCarriedFrom: string | null };
const entries = async (): Promise<Entry[]> => (await w.resp.get(w.api(`/journals/${w.journal.id}/entries`))).json();
const strike = (id: string, correction: Record<string, unknown>) =>
  w.resp.post(w.api(`/journal-entries/${id}/strike`), { reason: 'Инспектор қате көрсетілді', correction });
const printed = async (lang: string) => {
  const res = await w.resp.request('GET', w.api(`/journals/${w.journal.id}/print.pdf?lang=${lang}`));
  expect(res.statusCode).toBe(200);
  return (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
};

describe('R444-8 R444-9 a correction that changes who holds the recorder', () => {
  it('R444-8 R444-9 a correction naming another inspector without their signature is refused, and nothing is struck', async () => {
    const issued = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json();
    const res = await strike(issued.id, { inspectorId: w.world.userIds.get('inspector2') });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'journal.correction_signature_required',
      details: { name: 'Омарова Гүлнар Бекқызы', number: issued.number },
    });
    expect(res.json().error.message).toContain('Order 444, point 8');
    // The struck entry's signature is not the new holder's either: a wrong password is refused as at an issue.
    const wrong = await strike(issued.id, {
      inspectorId: w.world.userIds.get('inspector2'),
      signature: { method: 'credentials_at_counter', login: 'inspector2', password: 'not-her-password' },
    });
    expect(wrong.json().error.code).toBe('journal.inspector_signature_invalid');
    expect((await entries()).filter((e) => e.struckAt)).toEqual([]);
  });

  it("R444-8 R444-9 with the new inspector's own signature the correction is accepted, and the PDF prints that signature, not the struck one's", async () => {
    const [open] = await entries();
    ctx.clock.advance(15 * 60_000);
    const res = await strike(open!.id, { inspectorId: w.world.userIds.get('inspector2'), signature: w.signature('inspector2') });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().correction;
    expect(c).toMatchObject({
      inspectorName: 'Омарова Гүлнар Бекқызы',
      signatureMethod: 'credentials_at_counter',
      signatureCarriedFrom: null,
    });
    // Signed now, at the correction — not the struck entry's moment.
    expect(c.inspectorSignedAt).toBe(ctx.clock.now.toISOString());
    expect(c.inspectorSignedAt).not.toBe(res.json().struck.inspectorSignedAt);
    const flat = await printed('en');
    expect(flat).toMatch(/signed the correction \d\d\.\d\d\.\d{4} \d\d:\d\d: Омарова Г\. Б\./);
    expect(flat).not.toContain('signed: Омарова');
    const ru = await printed('ru');
    expect(ru).toMatch(/роспись к исправлению \d\d\.\d\d\.\d{4} \d\d:\d\d: Омарова Г\. Б\./);
  });

  it('R444-8 R444-9 a new holder may sign the correction on their own device; it stays pending until they confirm it', async () => {
    const issued = (await w.issue(w.resp, w.recorders[1]!, 'inspector1')).json();
    const res = await strike(issued.id, { inspectorId: w.world.userIds.get('inspector2'), signature: { method: 'own_device' } });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().correction;
    expect(c).toMatchObject({ inspectorSignedAt: null, signatureMethod: 'own_device' });
    expect(await printed('en')).toContain("awaiting the inspector's signature");
    const inspector2 = await w.world.as('inspector2');
    const confirmed = await inspector2.post(w.api(`/journal-entries/${c.id}/confirm`));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().inspectorSignedAt).not.toBeNull();
  });
});

describe('R444-9 a correction that keeps the signer', () => {
  it('R444-9 a correction that keeps the inspector carries the signature over and says so, in the API and in the PDF', async () => {
    const issued = (await w.issue(w.resp, w.recorders[2]!, 'inspector1')).json();
    const res = await strike(issued.id, { batteryPercent: 92 });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().correction;
    expect(c).toMatchObject({ signatureCarriedFrom: issued.id, inspectorSignedAt: issued.inspectorSignedAt, batteryPercent: 92 });
    // A second correction still names the entry where the signature was given.
    const again = await strike(c.id, { note: 'Екінші түзету' });
    expect(again.json().correction.signatureCarriedFrom).toBe(issued.id);
    const flat = await printed('en');
    expect(flat).toContain(`signature of Нұрланов Д. А. carried over from entry № ${issued.number}`);
    expect(await printed('kk')).toContain(`Нұрланов Д. А. қолы № ${issued.number} жазбадан ауыстырылды`);
    // The ledger holds the field too, so verification still matches every row.
    const head = await w.world.as('head');
    expect((await head.post(w.api('/ledger/verify'))).json()).toMatchObject({ ok: true });
  });
});

describe('R444-20 R444-9 a correction obeys the rules of the entry it corrects', () => {
  it('R444-20 R444-9 a correction to 50 % battery on an issue entry is refused with the battery rule', async () => {
    const open = (await entries()).find((e) => !e.struckAt && e.inspectorSignedAt)!;
    const res = await strike(open.id, { batteryPercent: 50 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'journal.battery_too_low', details: { battery: 50, threshold: 80 } });
    expect(res.json().error.message).toContain('point 20');
    expect((await entries()).find((e) => e.id === open.id)!.struckAt).toBeNull();
  });

  it('R444-4 R444-9 a correction naming an inspector not assigned to the activity is refused, even with their signature', async () => {
    const open = (await entries()).find((e) => !e.struckAt && e.inspectorSignedAt)!;
    const res = await strike(open.id, { inspectorId: w.world.userIds.get('inspector3'), signature: w.signature('inspector3') });
    expect(res.json().error.code).toBe('journal.inspector_not_assigned');
  });
});
