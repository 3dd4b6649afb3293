import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker } from '../../../src/composition/runtime.ts';
import { createOrganisation } from '../../../src/kernel/organisations/organisations.usecases.ts';
import { createUser } from '../../../src/kernel/users/users.usecases.ts';
import { SYSTEM_ACTOR } from '../../../src/platform/ledger/ledger.types.ts';
import { storeOldRecording } from '../retention/retention-fixtures.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { ApiClient, unusedTotp } from '../../support/world.ts';

/**
 * Issue 19 (R444-13, R444-21): a refused request for evidence leaves a trace
 * the head sees in the audit view — who, what, when, which rule — and a flood
 * of refusals is counted, not written out one ledger entry at a time.
 */
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let rec: { id: string };
let head: ApiClient;
let otherOrg: string;
let otherHead: ApiClient;
const OTHER_HEAD_TOTP = 'JBSWY3DPEHPK3PXPOTHERHEAD2345672';

type LedgerRow = {
  seq: number;
  actorId: string | null;
  actorKind: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payload: Record<string, unknown>;
};
type Window = {
  actorId: string | null;
  actorKind: string;
  actorName: string | null;
  rule: string;
  subjectType: string;
  subjectIds: string[];
  count: number;
  route: string;
  sealedSeq: number | null;
};

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  const entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id as string;
  rec = await storeOldRecording(ctx, {
    organisationId: w.org,
    recorderId: w.recorders[0]!.id,
    journalEntryId: entryId,
    startedAt: ctx.clock.now,
    name: '20260302_101000_0001.mp4',
  });
  head = await w.world.as('head');
  // A second territorial subdivision with its own head (second factor on, as R444-6 wants of a head).
  otherOrg = (
    await createOrganisation(ctx.deps, SYSTEM_ACTOR, {
      type: 'territorial_subdivision',
      nameKk: 'Ақмола облысы бойынша департамент',
      nameRu: 'Департамент по Акмолинской области',
      bin: '970940001239',
    })
  ).id;
  await createUser(ctx.deps, SYSTEM_ACTOR, {
    login: 'otherhead',
    fullName: 'Сейтқали Бауыржан Ерланұлы',
    password: 'Ақмола-басшы-2026!',
    organisationId: otherOrg,
    role: 'head',
  });
  await ctx.sql(`UPDATE users SET totp_secret = $1, totp_enabled_at = now() WHERE login = 'otherhead'`, [OTHER_HEAD_TOTP]);
  otherHead = new ApiClient(ctx);
  const pw = await otherHead.post('/api/v1/auth/login', { login: 'otherhead', password: 'Ақмола-басшы-2026!' });
  expect(pw.statusCode, pw.body).toBe(200);
  otherHead.csrf = pw.json().csrfToken;
  const code = await otherHead.post('/api/v1/auth/totp', { code: await unusedTotp(ctx, 'otherhead', OTHER_HEAD_TOTP) });
  expect(code.statusCode, code.body).toBe(200);
}, 120_000);
afterAll(() => ctx.close());

const refusedEntries = async (org = w.org): Promise<LedgerRow[]> =>
  (await head.get(`/api/v1/organisations/${org}/ledger?action=evidence.access_refused&limit=500`)).json();
const windows = async (): Promise<Window[]> => {
  const res = await head.get(w.api('/access-refusals'));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('R444-13 R444-21 refused requests for evidence are recorded for the head', () => {
  it("R444-13 R444-21 an inspector's refused media request is in the head's audit view: who, what, when, which rule", async () => {
    const inspector = await w.world.as('inspector1');
    const res = await inspector.request('GET', w.api(`/recordings/${rec.id}/media`), undefined, { range: 'bytes=0-99' });
    expect(res.statusCode).toBe(403);
    const [entry] = (await refusedEntries()).filter((e) => e.subjectId === rec.id && e.actorId === w.world.userIds.get('inspector1'));
    expect(entry).toMatchObject({
      actorKind: 'user',
      subjectType: 'recording',
      payload: { rule: 'auth.forbidden', status: 403, route: 'GET /api/v1/organisations/:orgId/recordings/:recordingId/media' },
    });
    const row = (await windows()).find((r) => r.actorId === w.world.userIds.get('inspector1') && r.route.endsWith('/media'));
    expect(row).toMatchObject({ actorName: 'Нұрланов Данияр Асқарұлы', rule: 'auth.forbidden', subjectIds: [rec.id], count: 1 });
    // The auditor's refused thumbnails are recorded as well; the head's own allowed view is not a refusal.
    const auditor = await w.world.as('auditor');
    expect((await auditor.get(w.api(`/recordings/${rec.id}/thumbnails`))).statusCode).toBe(403);
    expect((await windows()).some((r) => r.actorId === w.world.userIds.get('auditor') && r.route.endsWith('/thumbnails'))).toBe(true);
    expect((await head.get(w.api(`/recordings/${rec.id}`))).statusCode).toBe(200);
    expect((await windows()).some((r) => r.actorId === w.world.userIds.get('head'))).toBe(false);
  });

  it('R444-14 R444-21 a refused package download (an inspector with a link, a caller without a session) is recorded', async () => {
    const packageId = '6f1c0a52-4a8e-4f0e-9b7a-1d2c3e4f5a6b';
    const inspector = await w.world.as('inspector2');
    const url = w.api(`/packages/${packageId}/download?link=bqp_not-a-real-link-token`);
    expect((await inspector.get(url)).statusCode).toBe(403);
    expect((await w.world.anonymous().get(url)).statusCode).toBe(401);
    const rows = (await windows()).filter((r) => r.subjectType === 'package');
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actorId: w.world.userIds.get('inspector2'), rule: 'auth.forbidden', subjectIds: [packageId] }),
        expect.objectContaining({ actorKind: 'anonymous', actorId: null, rule: 'auth.unauthenticated', subjectIds: [packageId] }),
      ]),
    );
    // The link token is never written down: only the route pattern is.
    expect(JSON.stringify(await refusedEntries())).not.toContain('not-a-real-link-token');
  });

  it("R444-13 another subdivision's head asking for a recording page is recorded for the head whose recording it is", async () => {
    const otherHeadId = (await ctx.sql(`SELECT id FROM users WHERE login = 'otherhead'`)).rows[0]!.id as string;
    // Under the recording's own subdivision: not a member there.
    expect((await otherHead.get(w.api(`/recordings/${rec.id}`))).statusCode).toBe(403);
    // Under his own subdivision's address: the recording is not there.
    const own = await otherHead.get(`/api/v1/organisations/${otherOrg}/recordings/${rec.id}`);
    expect(own.statusCode).toBe(404);
    expect(own.json().error.code).toBe('recording.not_found');
    const mine = (await refusedEntries()).filter((e) => e.actorId === otherHeadId);
    expect(mine.map((e) => e.payload.rule).sort()).toEqual(['auth.forbidden', 'recording.not_found']);
    expect(mine.find((e) => e.payload.rule === 'recording.not_found')).toMatchObject({
      subjectId: rec.id,
      payload: { requestedOrganisationId: otherOrg, route: 'GET /api/v1/organisations/:orgId/recordings/:recordingId' },
    });
    expect((await windows()).filter((r) => r.actorId === otherHeadId).map((r) => r.actorName)).toEqual([
      'Сейтқали Бауыржан Ерланұлы',
      'Сейтқали Бауыржан Ерланұлы',
    ]);
  });

  it('R444-21 100 refusals in a row make one audit row counting 100 and at most two ledger entries', async () => {
    const inspector = await w.world.as('inspector3');
    const id = w.world.userIds.get('inspector3');
    const before = (await ctx.sql('SELECT count(*)::int AS n FROM ledger_entries WHERE organisation_id = $1', [w.org])).rows[0]!
      .n as number;
    for (let i = 0; i < 100; i++) {
      const res = await inspector.request('GET', w.api(`/recordings/${rec.id}/media`), undefined, { range: `bytes=${i}-${i + 99}` });
      expect(res.statusCode).toBe(403);
    }
    const after = (await ctx.sql('SELECT count(*)::int AS n FROM ledger_entries WHERE organisation_id = $1', [w.org])).rows[0]!.n as number;
    expect(after - before).toBe(1);
    const mine = (await windows()).filter((r) => r.actorId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ count: 100, rule: 'auth.forbidden', sealedSeq: null });
    // When the window ends, its count goes into the chain once.
    ctx.clock.advance(ctx.deps.config.accessRefusalWindowMinutes * 60_000);
    await buildWorker(ctx.deps).worker.drain(() => ctx.clock.now);
    const counted = (await head.get(w.api('/ledger?action=evidence.access_refusals_counted'))).json() as LedgerRow[];
    expect(counted.filter((e) => e.actorId === id)).toEqual([
      expect.objectContaining({ subjectType: 'recording', payload: expect.objectContaining({ count: 100, rule: 'auth.forbidden' }) }),
    ]);
    expect((await windows()).find((r) => r.actorId === id)!.sealedSeq).not.toBeNull();
    // The next refusal opens a new window (and a new entry); the chain still verifies.
    expect((await inspector.get(w.api(`/recordings/${rec.id}/media`))).statusCode).toBe(403);
    expect((await windows()).filter((r) => r.actorId === id).map((r) => r.count)).toEqual([1, 100]);
    expect((await head.post(w.api('/ledger/verify'))).json()).toMatchObject({ ok: true });
  });
});
