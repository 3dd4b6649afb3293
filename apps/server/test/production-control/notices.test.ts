import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionControlRecords } from '../../src/production-control/production-control.records.ts';
import { remindOverdueAcknowledgements } from '../../src/production-control/notices/remindAcknowledgements.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ApiClient } from '../support/world.ts';
import { seedOperator, type OperatorWorld } from './instruction-world.ts';

/**
 * R315-4, R315-20 on a fixed data set. Unit A («№ 1 учаске») has head unithead1 and, through an
 * instruction, performer1; pcofficial and pcservice are appointed over its facility (pcofficial2
 * over another). A notice to unit A plus performer2 therefore reaches, counted by hand, five people:
 * unithead1, performer1, pcofficial, pcservice, performer2.
 */
let ctx: TestContext;
let w: OperatorWorld;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const at = (iso: string) => {
  ctx.clock.now = new Date(iso);
};
const as = async (login: string) => {
  const c = new ApiClient(ctx);
  const res = await c.login(login);
  if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
  return c;
};
const addressees = (o: Partial<{ userIds: string[]; unitIds: string[]; facilityIds: string[]; allMembers: boolean }>) => ({
  userIds: [],
  unitIds: [],
  facilityIds: [],
  allMembers: false,
  ...o,
});
let first: string;
let correction: string;

async function draft(login: string, body: Record<string, unknown>) {
  const res = await (await as(login)).post(`${w.base}/notices`, body);
  if (res.statusCode !== 201) throw new Error(`draft: ${res.body}`);
  return res.json().id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  at('2026-03-02T05:00:00Z');
  w = await seedOperator(ctx);
  // An instruction to unit A names performer1: he is one of the unit's people from then on.
  const insp = await w.inspection({
    unit: w.unitA,
    completedAt: '2026-03-02T04:00:00Z',
    violations: [{ description: 'Желдеткіш істен шыққан', point: '12-тармақ' }],
  });
  const act = await (
    await as('pcofficial')
  ).post(`${w.base}/inspections/${insp.id}/act`, {
    issuedOn: '2026-03-02',
    unitId: w.unitA,
    items: [{ violationId: insp.violations[0], measure: 'Желдеткішті жөндеу', performerId: w.ids.performer1, deadline: '2026-03-20' }],
  });
  expect(act.statusCode).toBe(201);
});
afterAll(() => ctx.close());

describe('R315-4 R315-20 notices to staff with acknowledgement', () => {
  it('R315-4 every addressee acknowledges a published notice once; the author sees who has and who has not', async () => {
    at('2026-03-03T04:00:00Z');
    first = await draft('pcservice', {
      kind: 'regulation_change',
      subject: 'Өнеркәсіптік қауіпсіздік қағидаларының өзгерістері',
      body: 'ҚР ТЖМ бұйрығымен шахталардағы қауіпсіздік қағидаларына өзгерістер енгізілді. Жаңа талаптармен танысыңыз.',
      language: 'kk',
      addressees: addressees({ unitIds: [w.unitA], userIds: [w.ids.performer2!] }),
      acknowledgeWithinDays: 3,
    });
    const service = await as('pcservice');
    const doc = await service.request('POST', `${w.base}/notices/${first}/document?fileName=qagida.pdf`, PDF, {
      'content-type': 'application/pdf',
    });
    expect(doc.statusCode).toBe(201);
    expect(doc.json().document).toMatchObject({ fileName: 'qagida.pdf', mime: 'application/pdf' });
    // R315-24: the document is an object the records name (backup and the retention purge keep it).
    const sha256 = (await ctx.sql('SELECT document_sha256 AS sha256 FROM pc_notices WHERE id = $1', [first])).rows[0]!.sha256 as string;
    expect((await productionControlRecords.liveObjects!(ctx.deps.db)).map((o) => o.sha256)).toContain(sha256);
    expect(await productionControlRecords.rowsNamingObject!(ctx.deps.db, sha256)).toEqual([expect.stringContaining('qagida.pdf')]);
    // A draft is the author's own: others do not see it.
    expect((await (await as('pcofficial')).get(`${w.base}/notices/${first}`)).statusCode).toBe(404);

    const pub = await service.post(`${w.base}/notices/${first}/publication`, {});
    expect(pub.statusCode).toBe(200);
    const people = pub
      .json()
      .status.map((s: { userId: string }) => s.userId)
      .sort();
    expect(people).toEqual(['unithead1', 'performer1', 'pcofficial', 'pcservice', 'performer2'].map((l) => w.ids[l]).sort());
    const sent = await ctx.sql(`SELECT user_id FROM notifications WHERE kind = 'pc.notice_published'`);
    expect(sent.rows).toHaveLength(5);

    at('2026-03-03T09:00:00Z');
    const unitHead = await as('unithead1');
    const ack = await unitHead.post(`${w.base}/notices/${first}/acknowledgement`, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ isAddressee: true, acknowledgedAt: '2026-03-03T09:00:00.000Z', status: null });
    const twice = await unitHead.post(`${w.base}/notices/${first}/acknowledgement`, {});
    expect(twice.json().error).toMatchObject({ code: 'pc.notice_already_acknowledged' });
    expect((await (await as('performer1')).post(`${w.base}/notices/${first}/acknowledgement`, {})).statusCode).toBe(200);
    // The addressee downloads the document; someone outside the addressees cannot even see the notice.
    const file = await unitHead.get(`${w.base}/notices/${first}/document`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const outsider = await as('unithead2');
    expect((await outsider.get(`${w.base}/notices/${first}`)).json().error).toMatchObject({ code: 'pc.notice_not_found' });
    expect((await outsider.post(`${w.base}/notices/${first}/acknowledgement`, {})).json().error).toMatchObject({
      code: 'pc.notice_not_addressee',
    });

    const detail = (await (await as('pcservice')).get(`${w.base}/notices/${first}`)).json();
    const acknowledged = detail.status
      .filter((s: { acknowledgedAt: string | null }) => s.acknowledgedAt)
      .map((s: { userId: string }) => s.userId);
    expect(acknowledged.sort()).toEqual([w.ids.unithead1, w.ids.performer1].sort());
    expect(detail.status.filter((s: { acknowledgedAt: string | null }) => !s.acknowledgedAt)).toHaveLength(3);
    const list = (await (await as('operator')).get(`${w.base}/notices`)).json().items;
    expect(list.find((n: { id: string }) => n.id === first)).toMatchObject({ addressees: 5, acknowledged: 2 });
    const chain = await ctx.sql(`SELECT action FROM ledger_entries WHERE action LIKE 'pc.notice_%' ORDER BY seq`);
    expect(chain.rows.map((r) => r.action)).toEqual([
      'pc.notice_drafted',
      'pc.notice_document_attached',
      'pc.notice_published',
      'pc.notice_acknowledged',
      'pc.notice_acknowledged',
      'pc.notice_document_downloaded',
    ]);
    await expect(ctx.sql(`DELETE FROM pc_notice_acknowledgements`)).rejects.toThrow();
  });

  it('R315-4 "my notices": the unacknowledged ones first; everyone with an Order 315 role can be addressed at once', async () => {
    at('2026-03-04T04:00:00Z');
    const all = await draft('pcofficial', {
      kind: 'other',
      subject: 'Жаттығу дабылы 10 наурызда',
      body: 'В шахте 10 марта пройдёт учебная тревога.',
      language: 'ru',
      addressees: addressees({ allMembers: true }),
    });
    const pub = await (await as('pcofficial')).post(`${w.base}/notices/${all}/publication`, {});
    // operator (head), pcservice, pcofficial, pcofficial2, unithead1, unithead2, performer, performer1, performer2, pcauditor.
    expect(pub.json().status).toHaveLength(10);
    expect(pub.json().language).toBe('ru');
    const mine = (await (await as('unithead1')).get(`${w.base}/notices/mine`)).json().items;
    expect(mine.map((n: { id: string; acknowledgedAt: string | null }) => [n.id, !!n.acknowledgedAt])).toEqual([
      [all, false],
      [first, true],
    ]);
  });

  it('R315-4 a published notice never changes: a correction is a new notice that supersedes it', async () => {
    const service = await as('pcservice');
    const late = await service.request('POST', `${w.base}/notices/${first}/document?fileName=x.pdf`, PDF, {
      'content-type': 'application/pdf',
    });
    expect(late.json().error).toMatchObject({ code: 'pc.notice_published' });
    expect((await service.post(`${w.base}/notices/${first}/publication`, {})).json().error).toMatchObject({ code: 'pc.notice_published' });
    await expect(ctx.sql(`UPDATE pc_notices SET subject = 'x' WHERE id = $1`, [first])).rejects.toThrow();

    at('2026-03-04T06:00:00Z');
    correction = await draft('pcservice', {
      kind: 'regulation_change',
      subject: 'Өнеркәсіптік қауіпсіздік қағидаларының өзгерістері (түзетілген)',
      body: 'Алдыңғы хабарламадағы бұйрық нөмірі түзетілді.',
      addressees: addressees({ unitIds: [w.unitA] }),
      supersedesId: first,
    });
    expect((await service.post(`${w.base}/notices/${correction}/publication`, {})).statusCode).toBe(200);
    const old = (await service.get(`${w.base}/notices/${first}`)).json();
    expect(old.supersededById).toBe(correction);
    const stale = await (await as('pcofficial')).post(`${w.base}/notices/${first}/acknowledgement`, {});
    expect(stale.json().error).toMatchObject({ code: 'pc.notice_superseded', details: { supersededById: correction } });
    const again = await service.post(`${w.base}/notices`, {
      kind: 'other',
      subject: 'Тағы бір түзету',
      body: 'Мәтін',
      addressees: addressees({ allMembers: true }),
      supersedesId: first,
    });
    expect(again.json().error).toMatchObject({ code: 'pc.notice_supersedes_invalid', details: { field: 'supersedesId' } });
  });

  it('R315-20 an overdue acknowledgement reminds its addressee once, after the notice’s days', async () => {
    // Day 4 after the first two notices: the superseded one is not reminded of; the correction (3 days) is not due yet.
    at('2026-03-07T05:00:00Z');
    const sent = await remindOverdueAcknowledgements(ctx.deps);
    // The all-members notice (4 March 04:00 + 3 days): its 10 addressees, none of whom acknowledged it.
    expect(sent).toBe(10);
    expect(await remindOverdueAcknowledgements(ctx.deps)).toBe(0);
    at('2026-03-08T05:00:00Z');
    // The correction reached unithead1, performer1, pcofficial, pcservice: all four are reminded now.
    expect(await remindOverdueAcknowledgements(ctx.deps)).toBe(4);
    const notes = await ctx.sql(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'pc.notice_acknowledgement_overdue'`);
    expect(notes.rows[0]!.n).toBe(14);
    const detail = (await (await as('pcservice')).get(`${w.base}/notices/${correction}`)).json();
    expect(detail.status.every((s: { overdue: boolean; remindedAt: string | null }) => s.overdue && s.remindedAt)).toBe(true);
  });

  it('R315-4 bad input is refused with the field and the rule', async () => {
    const service = await as('pcservice');
    const none = await service.post(`${w.base}/notices`, { kind: 'other', subject: 'Тақырып', body: 'Мәтін', addressees: addressees({}) });
    expect(none.json().error).toMatchObject({ code: 'pc.notice_addressees_empty', details: { field: 'addressees' } });
    const blank = await service.post(`${w.base}/notices`, {
      kind: 'other',
      subject: '   ',
      body: 'Мәтін',
      addressees: addressees({ allMembers: true }),
    });
    expect(blank.statusCode).toBe(400);
    const kind = await service.post(`${w.base}/notices`, {
      kind: 'memo',
      subject: 'Тақырып',
      body: 'Мәтін',
      addressees: addressees({ allMembers: true }),
    });
    expect(kind.json().error).toMatchObject({ code: 'validation.failed' });
    const stranger = '00000000-0000-4000-8000-0000000000aa';
    const id = await draft('pcservice', {
      kind: 'other',
      subject: 'Тақырып',
      body: 'Мәтін',
      addressees: addressees({ unitIds: [stranger] }),
    });
    const pub = await service.post(`${w.base}/notices/${id}/publication`, {});
    expect(pub.statusCode).toBe(400);
    expect(pub.json().error).toMatchObject({ code: 'pc.notice_addressee_unknown', details: { field: 'unitIds', value: stranger } });
    const exe = await service.request('POST', `${w.base}/notices/${id}/document?fileName=a.exe`, Buffer.from('MZ....'), {
      'content-type': 'application/x-msdownload',
    });
    expect(exe.statusCode).toBe(415);
    const lie = await service.request('POST', `${w.base}/notices/${id}/document?fileName=a.pdf`, Buffer.from('not a pdf at all'), {
      'content-type': 'application/pdf',
    });
    expect(lie.json().error).toMatchObject({ code: 'pc.file_content_mismatch' });
    const other = await (await as('pcofficial')).post(`${w.base}/notices/${id}/publication`, {});
    expect(other.json().error).toMatchObject({ code: 'pc.notice_not_author' });
  });

  it('R315-4 R315-24 who may write, list and acknowledge (and another organisation sees nothing)', async () => {
    const body = { kind: 'other', subject: 'Тақырып', body: 'Мәтін', addressees: addressees({ allMembers: true }) };
    const cases: [string, 'write' | 'list' | 'mine', number][] = [
      ['operator', 'write', 201],
      ['pcofficial', 'write', 201],
      ['unithead1', 'write', 403],
      ['performer1', 'write', 403],
      ['pcauditor', 'write', 403],
      ['clinic', 'write', 403],
      ['pcauditor', 'list', 200],
      ['unithead1', 'list', 403],
      ['performer1', 'list', 403],
      ['clinic', 'list', 403],
      ['performer1', 'mine', 200],
      ['pcauditor', 'mine', 200],
      ['clinic', 'mine', 403],
    ];
    for (const [login, action, status] of cases) {
      const c = await as(login);
      const res =
        action === 'write' ? await c.post(`${w.base}/notices`, body) : await c.get(`${w.base}/notices${action === 'mine' ? '/mine' : ''}`);
      expect([login, action, res.statusCode]).toEqual([login, action, status]);
    }
  });
});
