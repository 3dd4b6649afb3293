import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePhotoPng } from '../../src/production-control/demo/demo-photo.ts';
import { pdfText } from '../support/pdf-text.ts';
import type { ApiClient } from '../support/world.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { QUESTIONS, seedOperator, type OperatorWorld } from './inspection-world.ts';

let ctx: TestContext;
let w: OperatorWorld;
let mine: string;
let checklist: string;
let approved: string;

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const JPEG2 = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1024, 9)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 3)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DEVICE_A = 'tablet-a-0001';
const DEVICE_B = 'phone-b-0002';

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

interface Taken {
  id: string;
  items: { id: string; position: number; outcome: string | null }[];
}

let facilities = 0;
/** The official opens a scheduled inspection while online (the device keeps this copy); a facility of its own, without re-checks. */
async function take(c: ApiClient = w.official.c, place?: string): Promise<Taken> {
  let facilityId = place;
  if (!facilityId) {
    facilityId = await w.facility(`Көтергіш қондырғы № ${++facilities}`, `ҚӨӨН-01${facilities}`);
    await w.appoint(w.official.id, [facilityId]);
  }
  const item = await w.scheduleItem(approved, { facilityId, checklistId: checklist });
  const res = await c.post(`${w.base}/inspections`, { scheduleItemId: item });
  if (res.statusCode !== 201) throw new Error(res.body);
  ctx.clock.advance(20 * 60_000);
  return res.json();
}

const now = () => ctx.clock.now.toISOString();
const off = (i: Taken) => `${w.base}/inspections/${i.id}/offline`;
const answer = (i: Taken, clientId: string, body: Record<string, unknown>, c = w.official.c, deviceId = DEVICE_A) =>
  c.request('PUT', `${off(i)}/answers/${clientId}`, { deviceId, recordedAt: now(), ...body });
const photo = (
  i: Taken,
  clientId: string,
  answerClientId: string,
  file: Buffer,
  o: { type?: string; sha256?: string; c?: ApiClient } = {},
) =>
  (o.c ?? w.official.c).request(
    'PUT',
    `${off(i)}/photos/${clientId}?deviceId=${DEVICE_A}&recordedAt=${encodeURIComponent(now())}&answerClientId=${answerClientId}&sha256=${o.sha256 ?? sha(file)}&fileName=${encodeURIComponent('клапан.jpg')}`,
    file,
    { 'content-type': o.type ?? 'image/jpeg' },
  );
const acknowledge = (i: Taken, clientId: string, signerName = 'Сейітов Бауыржан Қайратұлы', deviceId = DEVICE_A) =>
  w.official.c.request(
    'PUT',
    `${off(i)}/acknowledgement/${clientId}?deviceId=${deviceId}&recordedAt=${encodeURIComponent(now())}&signerName=${encodeURIComponent(signerName)}&signerPosition=${encodeURIComponent('Учаске бастығы')}&sha256=${sha(PNG)}`,
    PNG,
    { 'content-type': 'image/png' },
  );
const count = async (q: string, p: unknown[] = []) => (await ctx.sql(q, p)).rows[0]!.n as number;

describe('R315-9 R315-14 offline field inspections: receipts, resume, conflicts', () => {
  it('R315-9 R315-14 offline: every field record gets its own receipt; re-sending it returns the same receipt', async () => {
    const i = await take();
    const [q1, q2] = i.items;
    const a1 = randomUUID();
    const a2 = randomUUID();
    const r1 = await answer(i, a1, { itemId: q1!.id, outcome: 'compliant' });
    expect(r1.statusCode).toBe(201);
    expect(r1.json()).toMatchObject({ clientId: a1, kind: 'answer', subjectId: q1!.id, violationId: null, sha256: null });
    const r2 = await answer(i, a2, { itemId: q2!.id, outcome: 'violation', description: 'Сақтандырғыш клапан бітелген', dangerous: false });
    expect(r2.statusCode).toBe(201);
    const violationId = r2.json().violationId as string;
    expect(violationId).toMatch(/^[0-9a-f-]{36}$/);
    // The same record again (the device did not get the answer): the same receipt, nothing doubled.
    const again = await answer(i, a2, {
      itemId: q2!.id,
      outcome: 'violation',
      description: 'Сақтандырғыш клапан бітелген',
      dangerous: false,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(r2.json());
    expect(await count('SELECT count(*)::int AS n FROM pc_violations WHERE inspection_id = $1', [i.id])).toBe(1);

    const p = randomUUID();
    const ph = await photo(i, p, a2, JPEG);
    expect(ph.statusCode).toBe(201);
    expect(ph.json()).toMatchObject({ clientId: p, kind: 'photo', violationId, sha256: sha(JPEG) });
    const phAgain = await photo(i, p, a2, JPEG);
    expect(phAgain.statusCode).toBe(200);
    expect(phAgain.json()).toEqual(ph.json());
    const v = (await w.official.c.get(`${w.base}/violations/${violationId}`)).json();
    expect(v.attachments).toEqual([
      expect.objectContaining({ purpose: 'finding', sha256: sha(JPEG), size: JPEG.length, mime: 'image/jpeg' }),
    ]);

    const k = randomUUID();
    const ack = await acknowledge(i, k);
    expect(ack.statusCode).toBe(201);
    expect((await acknowledge(i, k)).json()).toEqual(ack.json());
    const list = (await w.official.c.get(`${off(i)}/receipts`)).json();
    expect(list.receipts.map((r: { clientId: string }) => r.clientId).sort()).toEqual([a1, a2, p, k].sort());
    expect(list.acknowledgement).toMatchObject({
      signerName: 'Сейітов Бауыржан Қайратұлы',
      signerPosition: 'Учаске бастығы',
      signatureSha256: sha(PNG),
    });
    // Each receipt is a ledger entry naming the device and the time in the field.
    const ledger = (await w.head.get(`/api/v1/organisations/${w.org}/ledger?action=pc.offline_record_received`)).json();
    expect(ledger).toHaveLength(4);
    // The signature is kept like a photo: the retention purge sees it as named.
    expect(await count('SELECT count(*)::int AS n FROM pc_inspection_acknowledgements WHERE signature_sha256 = $1', [sha(PNG)])).toBe(1);
    await expect(ctx.sql('UPDATE pc_offline_receipts SET device_id = $1', ['x'])).rejects.toThrow(/append-only/);
  });

  it('R315-14 offline: a sync broken halfway resumes — what was received answers with its receipt, the rest is taken once', async () => {
    const i = await take();
    const ids = i.items.map(() => randomUUID());
    const bodies = i.items.map((it, n) => ({ itemId: it.id, outcome: n === 2 ? 'violation' : 'compliant' }));
    // The first sync reached the server for one record, then the network dropped.
    const first = await answer(i, ids[0]!, bodies[0]!);
    expect(first.statusCode).toBe(201);
    // The second sync sends everything it has no receipt for — and, to be safe, the first again.
    const codes = [];
    for (const [n, id] of ids.entries()) codes.push((await answer(i, id, bodies[n]!)).statusCode);
    expect(codes).toEqual([200, 201, 201]);
    const p = randomUUID();
    expect((await photo(i, p, ids[2]!, JPEG2)).statusCode).toBe(201);
    expect((await photo(i, p, ids[2]!, JPEG2)).statusCode).toBe(200);
    const got = (await w.official.c.get(`${w.base}/inspections/${i.id}`)).json();
    expect(got.items.map((x: { outcome: string }) => x.outcome)).toEqual(['compliant', 'compliant', 'violation']);
    expect(await count('SELECT count(*)::int AS n FROM pc_offline_receipts WHERE inspection_id = $1', [i.id])).toBe(4);
    expect(await count('SELECT count(*)::int AS n FROM pc_violations WHERE inspection_id = $1', [i.id])).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM pc_attachments a JOIN pc_violations v ON v.id = a.violation_id WHERE v.inspection_id = $1`,
        [i.id],
      ),
    ).toBe(1);
  });

  it('R315-9 offline: two devices — a question answered differently, a second acknowledgement, an inspection completed meanwhile: 409 naming the conflict, never an overwrite', async () => {
    const i = await take();
    const q3 = i.items[2]!;
    expect((await answer(i, randomUUID(), { itemId: q3.id, outcome: 'compliant' })).statusCode).toBe(201);
    for (const [lang, text] of [
      ['kk', /3-тармаққа басқа құрылғыда «Сәйкес» деп жауап берілген, бұл құрылғыда — «Бұзушылық»/],
      ['ru', /на пункт 3 на другом устройстве ответили «Соответствует», на этом — «Нарушение»/],
      ['en', /item 3 was answered “Compliant” on another device and “Violation” on this one/],
    ] as const) {
      w.official.c.lang = lang;
      const res = await answer(i, randomUUID(), { itemId: q3.id, outcome: 'violation' }, w.official.c, DEVICE_B);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'pc.offline_answer_conflict',
        details: { position: 3, server: 'compliant', device: 'violation' },
      });
      expect(res.json().error.message).toMatch(text);
    }
    w.official.c.lang = 'en';
    expect((await w.official.c.get(`${w.base}/inspections/${i.id}`)).json().items[2]).toMatchObject({ outcome: 'compliant' });
    // The same answer from the other device is the same answer: taken, pointing at the same item.
    const same = await answer(i, randomUUID(), { itemId: q3.id, outcome: 'compliant' }, w.official.c, DEVICE_B);
    expect(same.statusCode).toBe(201);
    expect(same.json().subjectId).toBe(q3.id);

    expect((await acknowledge(i, randomUUID())).statusCode).toBe(201);
    const second = await acknowledge(i, randomUUID(), 'Басқа Адам Басқаұлы', DEVICE_B);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'pc.offline_acknowledgement_conflict',
      details: { signer: 'Сейітов Бауыржан Қайратұлы' },
    });

    // Completed online from another device while this one was in the field.
    const early = randomUUID();
    const earlyBody = { itemId: i.items[0]!.id, outcome: 'compliant' };
    expect((await answer(i, early, earlyBody)).statusCode).toBe(201);
    expect((await answer(i, randomUUID(), { itemId: i.items[1]!.id, outcome: 'compliant' })).statusCode).toBe(201);
    expect((await w.official.c.post(`${w.base}/inspections/${i.id}/complete`, { conclusion: 'Бұзушылық жоқ' })).statusCode).toBe(200);
    const late = await answer(i, randomUUID(), { itemId: i.items[1]!.id, outcome: 'compliant' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'pc.offline_inspection_changed', details: { change: 'completed' } });
    // A record received before still answers with its receipt.
    expect((await answer(i, early, earlyBody)).statusCode).toBe(200);
  });
});

describe('R315-15 offline: the act carries what was signed in the field', () => {
  it('R315-15 offline: the act prints the unit head’s acknowledgement with the drawn signature, kk and ru; an undrawable signature is named by its hash', async () => {
    const signature = measurePhotoPng(120, 40);
    const sign = (i: Taken, file: Buffer) =>
      w.official.c.request(
        'PUT',
        `${off(i)}/acknowledgement/${randomUUID()}?deviceId=${DEVICE_A}&recordedAt=${encodeURIComponent(now())}&signerName=${encodeURIComponent('Сейітов Бауыржан Қайратұлы')}&signerPosition=${encodeURIComponent('Учаске бастығы')}&sha256=${sha(file)}`,
        file,
        { 'content-type': 'image/png' },
      );
    const actText = async (file: Buffer) => {
      const i = await take();
      for (const item of i.items) expect((await answer(i, randomUUID(), { itemId: item.id, outcome: 'compliant' })).statusCode).toBe(201);
      expect((await sign(i, file)).statusCode).toBe(201);
      expect((await w.official.c.post(`${w.base}/inspections/${i.id}/complete`, { conclusion: 'Бұзушылық жоқ' })).statusCode).toBe(200);
      const unitId = await w.unit((i as Taken & { facilityId: string }).facilityId, `Учаске ${i.id.slice(0, 4)}`);
      const issued = await w.official.c.post(`${w.base}/inspections/${i.id}/act`, {
        unitId,
        issuedOn: ctx.clock.now.toISOString().slice(0, 10),
        items: [],
      });
      expect(issued.statusCode, issued.body).toBe(201);
      const out: Record<string, string> = {};
      for (const lang of ['kk', 'ru']) {
        const res = await w.official.c.get(`${w.base}/acts/${issued.json().act.id}/act.pdf?lang=${lang}`);
        expect(res.statusCode).toBe(200);
        out[lang] = (await pdfText(res.rawPayload)).text.replace(/\s+/g, ' ');
        out[`${lang}Image`] = String(res.rawPayload.includes('/Subtype /Image'));
      }
      return out;
    };
    const drawn = await actText(signature);
    expect(drawn.kk).toContain('Бөлімше басшысы анықталған бұзушылықтармен тексеру орнында');
    expect(drawn.ru).toContain('С выявленными нарушениями руководитель подразделения ознакомлен на месте');
    for (const lang of ['kk', 'ru']) {
      expect(drawn[lang]).toContain('Сейітов Бауыржан Қайратұлы, Учаске бастығы');
      expect(drawn[`${lang}Image`]).toBe('true');
    }
    // A file with a PNG signature the PDF library cannot decode: the act still prints, naming it.
    const broken = await actText(PNG);
    expect(broken.kk).toContain(sha(PNG));
    expect(broken.kkImage).toBe('false');
  });
});

describe('R315-11 offline: the online rules are checked again, bad input is refused', () => {
  it('R315-11 offline: another official, a photo of the wrong type, a forged hash, a photo before its finding — refused', async () => {
    const i = await take();
    const [q1, q2] = i.items;
    const other = await answer(i, randomUUID(), { itemId: q1!.id, outcome: 'compliant' }, w.serviceHead.c);
    expect(other.json().error.code).toBe('pc.not_inspection_official');
    const a2 = randomUUID();
    expect((await photo(i, randomUUID(), a2, JPEG)).json().error).toMatchObject({
      code: 'pc.offline_finding_not_synced',
      details: { answerClientId: a2 },
    });
    expect((await answer(i, a2, { itemId: q2!.id, outcome: 'violation' })).statusCode).toBe(201);
    expect((await photo(i, randomUUID(), a2, Buffer.from('hello'), { type: 'text/plain' })).statusCode).toBe(415);
    expect((await photo(i, randomUUID(), a2, Buffer.alloc(600, 1))).json().error.code).toBe('pc.file_content_mismatch');
    const forged = await photo(i, randomUUID(), a2, JPEG, { sha256: sha(JPEG2) });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().error).toMatchObject({ code: 'pc.offline_hash_mismatch', details: { claimed: sha(JPEG2), actual: sha(JPEG) } });
    const a1 = randomUUID();
    expect((await answer(i, a1, { itemId: q1!.id, outcome: 'compliant' })).statusCode).toBe(201);
    expect((await photo(i, randomUUID(), a1, JPEG)).json().error.code).toBe('pc.offline_photo_not_finding');
    expect(await count('SELECT count(*)::int AS n FROM pc_offline_receipts WHERE inspection_id = $1', [i.id])).toBe(2);
  });

  it('R315-11 offline: bad input — ids, outcome, time, a reused client id, a missing signer', async () => {
    const i = await take();
    const q1 = i.items[0]!;
    expect(
      (
        await w.official.c.request('PUT', `${off(i)}/answers/not-a-uuid`, {
          deviceId: DEVICE_A,
          recordedAt: now(),
          itemId: q1.id,
          outcome: 'compliant',
        })
      ).statusCode,
    ).toBe(400);
    expect((await answer(i, randomUUID(), { itemId: q1.id, outcome: 'eliminated_confirmed' })).json().error.code).toBe(
      'pc.item_outcome_invalid',
    );
    expect((await answer(i, randomUUID(), { itemId: q1.id, outcome: 'maybe' })).statusCode).toBe(400);
    expect((await answer(i, randomUUID(), { itemId: q1.id, outcome: 'compliant', extra: 1 })).statusCode).toBe(400);
    expect((await answer(i, randomUUID(), { itemId: q1.id, outcome: 'compliant', deviceId: 'x' })).statusCode).toBe(400);
    expect((await answer(i, randomUUID(), { itemId: randomUUID(), outcome: 'compliant' })).json().error.code).toBe('pc.item_not_found');
    const future = await answer(i, randomUUID(), {
      itemId: q1.id,
      outcome: 'compliant',
      recordedAt: new Date(ctx.clock.now.getTime() + 3_600_000).toISOString(),
    });
    expect(future.json().error.code).toBe('pc.offline_recorded_at_invalid');
    const before = await answer(i, randomUUID(), { itemId: q1.id, outcome: 'compliant', recordedAt: '2026-01-01T00:00:00Z' });
    expect(before.json().error.code).toBe('pc.offline_recorded_at_invalid');
    const id = randomUUID();
    expect((await answer(i, id, { itemId: q1.id, outcome: 'compliant' })).statusCode).toBe(201);
    const reused = await answer(i, id, { itemId: q1.id, outcome: 'not_applicable' });
    expect(reused.json().error).toMatchObject({ code: 'pc.offline_client_id_reused', details: { clientId: id } });
    expect((await acknowledge(i, randomUUID(), '  ')).json().error.code).toBe('pc.offline_signer_required');
    const badHash = await w.official.c.request(
      'PUT',
      `${off(i)}/photos/${randomUUID()}?deviceId=${DEVICE_A}&recordedAt=${encodeURIComponent(now())}&answerClientId=${randomUUID()}&sha256=abc&fileName=a.jpg`,
      JPEG,
      { 'content-type': 'image/jpeg' },
    );
    expect(badHash.statusCode).toBe(400);
    expect((await w.official.c.get(`${w.base}/inspections/${randomUUID()}/offline/receipts`)).json().error.code).toBe(
      'pc.inspection_not_found',
    );
  });

  it('R315-11 offline: an official whose appointment ended is refused, even for records made while it was in force', async () => {
    const shaft = await w.facility('Газ тарату пункті', 'ҚӨӨН-0009');
    await w.appoint(w.stranger.id, [shaft], { validTo: '2026-03-05' });
    const i = await take(w.stranger.c, shaft);
    const madeOn = now();
    ctx.clock.advance(5 * 86_400_000); // synced after the appointment ended
    await w.stranger.c.login('pc-official2');
    const res = await w.stranger.c.request('PUT', `${off(i)}/answers/${randomUUID()}`, {
      deviceId: DEVICE_A,
      recordedAt: madeOn,
      itemId: i.items[0]!.id,
      outcome: 'compliant',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pc.inspector_not_appointed');
    expect(await count('SELECT count(*)::int AS n FROM pc_offline_receipts WHERE inspection_id = $1', [i.id])).toBe(0);
  });
});
