import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
