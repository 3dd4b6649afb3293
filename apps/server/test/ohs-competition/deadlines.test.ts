import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedUnion } from './competition-world.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedUnion>>;
let yearId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedUnion(ctx);
  yearId = await w.openYear(2025);
});
afterAll(() => ctx.close());

describe('RC-16 the stage II deadline (20 March) is judged in Asia/Almaty time', () => {
  it('RC-16 at 23:59 on 20 March in Almaty an application is accepted; at 00:01 on 21 March another is refused citing point 16', async () => {
    const early = await w.completeDraft(w.coordinator1, yearId, w.members.karaganda, 'Уақтылы Айгерім', 'preschool');
    const late = await w.completeDraft(w.coordinator2, yearId, w.members.astana, 'Кешіккен Ерлан', 'preschool');
    ctx.clock.now = new Date('2026-03-20T18:59:00Z'); // 23:59 in Almaty (UTC+5)
    let c = await w.signIn();
    expect((await c.coordinator1.post(`${w.base}/applications/${early}/submit`)).json().state).toBe('submitted');
    ctx.clock.now = new Date('2026-03-20T19:01:00Z'); // 00:01 on 21 March in Almaty
    c = await w.signIn();
    c.coordinator2.lang = 'kk';
    const res = await c.coordinator2.post(`${w.base}/applications/${late}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'competition.submission_late', details: { due: '20.03.2026', point: '16' } });
    expect(res.json().error.message).toMatch(/20\.03\.2026.*16-тармағы/);
    const year = (await c.secretary.get(`${w.base}/years/${yearId}`)).json();
    expect(year.submission.passed).toBe(true);
    expect(year.results.passed).toBe(false);
  });
});

describe('RC-21 stage II results are due by 20 April, judged in Asia/Almaty time', () => {
  it('RC-21 at 23:59 on 20 April in Almaty the results are on time; at 00:01 they are late, and the publication and protocol say so', async () => {
    await w.formRepublican(yearId);
    ctx.clock.now = new Date('2026-04-20T18:59:00Z'); // 23:59 in Almaty
    let c = await w.signIn();
    for (const j of [c.judge1, c.judge2, c.judge3])
      expect((await j.post(`${w.base}/years/${yearId}/protocol/signatures`)).statusCode).toBe(200);
    expect((await c.secretary.get(`${w.base}/years/${yearId}/results`)).json().late).toBe(false);
    ctx.clock.now = new Date('2026-04-20T19:01:00Z'); // 00:01 on 21 April
    c = await w.signIn();
    expect((await c.secretary.get(`${w.base}/years/${yearId}/results`)).json().late).toBe(true);
    expect((await c.secretary.post(`${w.base}/years/${yearId}/publish`)).statusCode).toBe(200);
    expect((await w.world.anonymous().get(`${w.base}/published/2025`)).json().late).toBe(true);
    const ledger = (await c.head.get(`/api/v1/organisations/${w.union}/ledger?action=competition.results_published`)).json();
    expect(ledger[0].payload.late).toBe(true);
    const ru = await pdfText((await c.secretary.get(`${w.base}/years/${yearId}/protocol.pdf?lang=ru`)).rawPayload);
    expect(ru.text).toMatch(/Итоги подведены после срока, установленного п\. 21 Положения \(20\.04\.2026\)/);
  });
});
