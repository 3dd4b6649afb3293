import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { seedPcWorld, type PcWorld } from './pc-world.ts';

/**
 * R315-4, R315-26 sections 1 and 4: plans as versioned documents. The clock stands at 02.03.2026 (Almaty);
 * the plan of measures for 2026 has deadlines 20.02 (done), 25.02 (overdue), 30.06 (open).
 */
let ctx: TestContext;
let w: PcWorld;
let mine: { id: string; unitId: string };
let other: { id: string; unitId: string };
let measuresPlan: string;
let plaMine: string;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024, 32)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 1)]);

const plans = () => `${w.base}/plans`;
const upload = async (c: ApiClient, planId: string, bytes = PDF, type = 'application/pdf', name = 'жоспар.pdf') =>
  c.request('POST', `${plans()}/${planId}/document?fileName=${encodeURIComponent(name)}`, bytes, { 'content-type': type });
const document = async (c: ApiClient, planId: string) => {
  const r = await upload(c, planId);
  expect(r.statusCode).toBe(201);
  return { sha256: r.json().sha256 as string, fileName: 'жоспар.pdf' };
};
const measures = () => [
  { measure: 'Желдету желдеткіштерін ауыстыру', facilityId: mine.id, responsible: 'Бас механик Серіков Б.', dueOn: '2026-02-20' },
  { measure: 'Метан датчиктерін тексеру', facilityId: mine.id, responsible: 'ӨБ қызметі', dueOn: '2026-02-25' },
  { measure: 'Фабриканың өрт сөндіру жүйесін жаңарту', facilityId: other.id, responsible: 'Бас инженер', dueOn: '2026-06-30' },
];

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedPcWorld(ctx);
  mine = await w.facility('«Шахтинская» шахтасы', 'ҚӨО-0001');
  other = await w.facility('«Тентек» байыту фабрикасы', 'ҚӨО-0002');
});
afterAll(async () => ctx.close());

describe('plans of measures and accident-response plans (R315-4, R315-26)', () => {
  it('R315-4 a plan of measures is opened once per year, an accident-response plan once per facility', async () => {
    const p = await w.must(
      w.as.serviceHead.post(plans(), { kind: 'safety_measures', title: 'ӨҚ қамтамасыз ету жөніндегі іс-шаралар жоспары 2026', year: 2026 }),
    );
    measuresPlan = p.id;
    expect(p).toMatchObject({
      kind: 'safety_measures',
      year: 2026,
      facilityId: null,
      inForce: null,
      pending: null,
      validity: null,
      versions: [],
    });
    const again = await w.as.serviceHead.post(plans(), { kind: 'safety_measures', title: 'Тағы', year: 2026 });
    expect(again.json().error.code).toBe('pc.plan_exists');
    const pla = await w.must(
      w.as.head.post(plans(), { kind: 'accident_response', title: 'Аварияларды жою жоспары — шахта', facilityId: mine.id }),
    );
    plaMine = pla.id;
    expect(pla).toMatchObject({ facility: '«Шахтинская» шахтасы', validity: 'not_in_force' });
    expect((await w.as.head.post(plans(), { kind: 'accident_response', title: 'x', facilityId: mine.id })).json().error.code).toBe(
      'pc.plan_exists',
    );
  });

  it('R315-4 bad input is refused per field, in kk, ru and en', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'fire', title: 'x', year: 2027 }, 'planKind', 'kind'],
      [{ kind: 'safety_measures', title: '  ', year: 2027 }, 'title', 'required'],
      [{ kind: 'safety_measures', title: 'x', year: 1999 }, 'year', 'year'],
      [{ kind: 'safety_measures', title: 'x' }, 'year', 'year'],
      [{ kind: 'safety_measures', title: 'x', year: 2027, facilityId: mine.id }, 'facilityId', 'not_for_kind'],
      [{ kind: 'accident_response', title: 'x' }, 'facilityId', 'required'],
      [{ kind: 'accident_response', title: 'x', facilityId: '00000000-0000-4000-8000-000000000000' }, 'facilityId', 'unknown'],
      [{ kind: 'accident_response', title: 'x', facilityId: other.id, year: 2026 }, 'year', 'not_for_kind'],
    ];
    for (const [body, field, rule] of cases) {
      const r = await w.as.serviceHead.post(plans(), body);
      expect(r.statusCode, `${field}/${rule}`).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'pc.plan_invalid', details: { field, rule } });
    }
    const bad = { kind: 'safety_measures', title: 'x', year: 1999 };
    const expected: Record<string, string> = {
      kk: 'Жоспар, «Жыл» өрісі: 2000–2100 аралығындағы жыл болуы керек (№ 315 бұйрықтың 4-тармағы).',
      ru: 'План, поле «Год»: должен быть год от 2000 до 2100 (пункт 4 Приказа № 315).',
      en: 'Plan, field «Year»: must be a year from 2000 to 2100 (Order 315, point 4).',
    };
    for (const lang of ['kk', 'ru', 'en']) {
      w.as.serviceHead.lang = lang;
      expect((await w.as.serviceHead.post(plans(), bad)).json().error.message).toBe(expected[lang]);
    }
    w.as.serviceHead.lang = 'en';
  });

  it('R315-4 a version carries the signed document (PDF, JPEG, PNG) and, for a plan of measures, measures within its year', async () => {
    expect((await upload(w.as.serviceHead, measuresPlan, Buffer.from('hello'), 'text/plain', 'a.txt')).statusCode).toBe(415);
    expect((await upload(w.as.serviceHead, measuresPlan, Buffer.from('not a pdf at all'), 'application/pdf')).json().error.code).toBe(
      'pc.file_content_mismatch',
    );
    const doc = await document(w.as.serviceHead, measuresPlan);
    const url = `${plans()}/${measuresPlan}/versions`;
    const refused: [Record<string, unknown>, string, string, string][] = [
      [{ measures: [] }, 'pc.plan_invalid', 'measures', 'required'],
      [{ measures: [{ ...measures()[0], dueOn: '2027-01-10' }] }, 'pc.plan_measure_invalid', 'dueOn', 'outside_year'],
      [{ measures: [measures()[0], { ...measures()[1], measure: ' ' }] }, 'pc.plan_measure_invalid', 'measure', 'required'],
      [{ measures: [{ ...measures()[0], responsible: '' }] }, 'pc.plan_measure_invalid', 'responsible', 'required'],
      [{ measures: [{ ...measures()[0], dueOn: '2026-02-31' }] }, 'pc.plan_measure_invalid', 'dueOn', 'not_date'],
      [{ measures: measures(), validFrom: '2026-03-01', validUntil: '2026-01-01' }, 'pc.plan_invalid', 'validUntil', 'after_valid_from'],
      [{ measures: measures(), document: { sha256: 'f'.repeat(64), fileName: 'x.pdf' } }, 'pc.plan_document_missing', 'document', ''],
    ];
    for (const [patch, code, field, rule] of refused) {
      const r = await w.as.serviceHead.post(url, { summary: 'Жоспар', document: doc, ...patch });
      expect(r.statusCode, `${field}/${rule}`).toBe(400);
      expect(r.json().error).toMatchObject({ code, details: rule ? { field, rule } : { field } });
    }
    const second = await w.as.serviceHead.post(url, { document: doc, measures: [measures()[0], { ...measures()[1], measure: '' }] });
    expect(second.json().error.details).toMatchObject({ row: 2 });
    w.as.serviceHead.lang = 'kk';
    expect(second.statusCode).toBe(400);
    expect(
      (await w.as.serviceHead.post(url, { document: doc, measures: [measures()[0], { ...measures()[1], measure: '' }] })).json().error
        .message,
    ).toBe('2-іс-шара, «Іс-шара» өрісі: толтыру міндетті (№ 315 бұйрықтың 4-тармағы).');
    w.as.serviceHead.lang = 'en';
    const v1 = await w.must(w.as.serviceHead.post(url, { summary: 'Бірінші жоба', document: doc, measures: measures() }));
    expect(v1.pending).toBe(1);
    expect((v1.versions as unknown[])[0]).toMatchObject({
      version: 1,
      file: { sha256: doc.sha256, mime: 'application/pdf', size: PDF.length, fileName: 'жоспар.pdf' },
      submittedBy: { fullName: 'Омаров Ержан Қайратұлы' },
      approval: null,
    });
    // An accident-response plan has validity dates and no measures.
    const plaDoc = await document(w.as.serviceHead, plaMine);
    const pla = `${plans()}/${plaMine}/versions`;
    expect((await w.as.serviceHead.post(pla, { document: plaDoc, validFrom: '2026-01-01' })).json().error.details).toMatchObject({
      field: 'validUntil',
      rule: 'required',
    });
    expect(
      (
        await w.as.serviceHead.post(pla, { document: plaDoc, validFrom: '2026-01-01', validUntil: '2026-12-31', measures: measures() })
      ).json().error.details,
    ).toMatchObject({
      field: 'measures',
      rule: 'not_for_kind',
    });
  });

  it('R315-4 only the first head approves a plan version, and only the latest', async () => {
    const url = `${plans()}/${measuresPlan}/versions`;
    const v1 = (await w.as.auditor.get(`${plans()}/${measuresPlan}`)).json().versions[0].id;
    const doc = await document(w.as.serviceHead, measuresPlan);
    const v2plan = await w.must(w.as.serviceHead.post(url, { summary: 'Екінші нұсқа', document: doc, measures: measures() }));
    const v2 = (v2plan.versions as { id: string; version: number }[])[0]!;
    expect(v2.version).toBe(2);
    for (const c of [w.as.serviceHead, w.as.official, w.as.unitHead, w.as.performer, w.as.auditor])
      expect((await c.post(`${url}/${v2.id}/approval`, {})).statusCode).toBe(403);
    expect((await w.as.foreignHead.post(`${url}/${v2.id}/approval`, {})).statusCode).toBe(403);
    const old = await w.as.head.post(`${url}/${v1}/approval`, { orderNumber: '15-ӨҚ' });
    expect(old.statusCode).toBe(409);
    expect(old.json().error).toMatchObject({ code: 'pc.plan_version_superseded', details: { version: 1, latest: 2 } });
    const approved = await w.must(w.as.head.post(`${url}/${v2.id}/approval`, { orderNumber: '15-ӨҚ' }), 200);
    expect(approved).toMatchObject({ inForce: 2, pending: null, measures: { total: 3, done: 0, overdue: 2 } });
    expect((approved.versions as { approval: unknown }[])[0]!.approval).toMatchObject({
      orderNumber: '15-ӨҚ',
      approvedBy: { id: w.ids.head },
    });
    expect((await w.as.head.post(`${url}/${v2.id}/approval`, {})).json().error.code).toBe('pc.plan_version_approved');
    // The head was told of each submitted version.
    const { rows } = await ctx.sql(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'pc.plan_version_submitted' AND user_id = $1`,
      [w.ids.head],
    );
    expect(rows[0]!.n).toBe(2);
  });

  it('R315-26 a measure of the plan in force is recorded done once; overdue ones show', async () => {
    const plan = (await w.as.official.get(`${plans()}/${measuresPlan}`)).json();
    const [first, second] = plan.versions[0].measures;
    const oldMeasure = plan.versions[1].measures[0].id;
    const url = (id: string) => `${plans()}/${measuresPlan}/measures/${id}/completion`;
    expect((await w.as.performer.post(url(first.id), { doneOn: '2026-02-19' })).statusCode).toBe(403);
    expect((await w.as.unitHead.post(url(first.id), { doneOn: '2026-02-19' })).statusCode).toBe(403);
    expect((await w.as.official.post(url(first.id), { doneOn: '2026-03-03' })).json().error.details).toMatchObject({
      field: 'doneOn',
      rule: 'future',
    });
    expect((await w.as.official.post(url(oldMeasure), { doneOn: '2026-02-19' })).json().error.code).toBe('pc.plan_measure_not_in_force');
    const done = await w.must(w.as.official.post(url(first.id), { doneOn: '2026-02-19', note: 'Акт № 4' }));
    expect(done.measures).toEqual({ total: 3, done: 1, overdue: 1 });
    const states = (done.versions as { measures: { state: string; completion: unknown }[] }[])[0]!.measures;
    expect(states.map((m) => m.state)).toEqual(['done', 'overdue', 'open']);
    expect(states[0]!.completion).toMatchObject({ doneOn: '2026-02-19', note: 'Акт № 4', recordedBy: { id: w.ids.official } });
    expect(second.state).toBe('overdue');
    expect((await w.as.official.post(url(first.id), { doneOn: '2026-02-20' })).json().error.code).toBe('pc.plan_measure_done');
    // Every change is in the organisation's ledger chain, in the order it happened.
    const { rows } = await ctx.sql(`SELECT action FROM ledger_entries WHERE organisation_id = $1 AND action LIKE 'pc.plan%' ORDER BY seq`, [
      w.org,
    ]);
    expect(rows.map((r) => r.action)).toEqual([
      'pc.plan_created',
      'pc.plan_created',
      'pc.plan_document_uploaded',
      'pc.plan_version_submitted',
      'pc.plan_document_uploaded',
      'pc.plan_document_uploaded',
      'pc.plan_version_submitted',
      'pc.plan_version_approved',
      'pc.plan_measure_done',
    ]);
  });

  it('R315-4 versions, approvals, measures and completions are write-once in the database', async () => {
    for (const q of [
      `UPDATE pc_plan_versions SET summary = 'x'`,
      `DELETE FROM pc_plan_versions`,
      `UPDATE pc_plan_approvals SET order_number = 'x'`,
      `UPDATE pc_plan_measures SET due_on = '2026-12-31'`,
      `DELETE FROM pc_plan_measures`,
      `UPDATE pc_plan_measure_completions SET done_on = '2026-01-01'`,
      `DELETE FROM pc_plan_measure_completions`,
    ])
      await expect(ctx.sql(q), q).rejects.toThrow();
  });

  it('R315-26 an accident-response plan whose validity ends within 30 days, or has ended, is flagged', async () => {
    const pla = `${plans()}/${plaMine}/versions`;
    const doc = await document(w.as.serviceHead, plaMine);
    const v = await w.must(
      w.as.serviceHead.post(pla, { summary: 'ПЛА 2025–2026', document: doc, validFrom: '2025-09-01', validUntil: '2026-03-31' }),
    );
    const id = (v.versions as { id: string }[])[0]!.id;
    expect((await w.must(w.as.head.post(`${pla}/${id}/approval`, {}), 200)).validity).toBe('expiring'); // 29 days left
    const other2 = await w.must(
      w.as.serviceHead.post(plans(), { kind: 'accident_response', title: 'ПЛА — фабрика', facilityId: other.id }),
    );
    const png = await upload(w.as.serviceHead, other2.id, PNG, 'image/png', 'scan.png');
    const ov = await w.must(
      w.as.serviceHead.post(`${plans()}/${other2.id}/versions`, {
        document: { sha256: png.json().sha256, fileName: 'scan.png' },
        validFrom: '2025-01-01',
        validUntil: '2026-03-01',
      }),
    );
    const ovId = (ov.versions as { id: string; file: { mime: string } }[])[0]!;
    expect(ovId.file.mime).toBe('image/png');
    await w.must(w.as.head.post(`${plans()}/${other2.id}/versions/${ovId.id}/approval`, {}), 200);
    const list = (await w.as.unitHead.get(plans())).json().items as { id: string; validity: string | null }[];
    expect(Object.fromEntries(list.map((p) => [p.id, p.validity]))).toEqual({
      [measuresPlan]: null,
      [plaMine]: 'expiring',
      [other2.id]: 'expired',
    });
    // Later: the mine's plan ends too.
    ctx.clock.now = new Date('2026-05-01T05:00:00Z');
    const c = new ApiClient(ctx);
    await c.login('pc-auditor');
    expect((await c.get(`${plans()}/${plaMine}`)).json().validity).toBe('expired');
    const file = await c.get(`${pla}/${id}/document`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('R315-4 a foreign head, unit heads and performers cannot open or submit plans', async () => {
    const c = new ApiClient(ctx);
    await c.login('pc-unithead');
    expect((await c.post(plans(), { kind: 'safety_measures', title: 'x', year: 2030 })).statusCode).toBe(403);
    const p = new ApiClient(ctx);
    await p.login('pc-performer');
    expect((await p.get(plans())).statusCode).toBe(403);
    expect(
      (await p.request('POST', `${plans()}/${measuresPlan}/document?fileName=a.pdf`, PDF, { 'content-type': 'application/pdf' }))
        .statusCode,
    ).toBe(403);
  });
});
