import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { seedWorld } from '../support/world.ts';

/** Issue 19, the same class in DSM-335: a refused request for an applicant's clip or a disclosure package leaves a trace for the clinic's head. */
let ctx: TestContext;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await seedWorld(ctx);
});
afterAll(() => ctx.close());

describe('refused requests for CCTV evidence are recorded for the clinic head', () => {
  it('a subdivision head refused a clip and a disclosure package is in the clinic audit view, with the rule', async () => {
    const clinic = world.orgIds.get('clinic')!;
    const base = `/api/v1/organisations/${clinic}/cctv/requests/1b6e2c1a-0d4f-4c1e-8a53-2f9d0c7b6a11`;
    const stranger = await world.as('head');
    expect((await stranger.get(`${base}/files/2c7f3d2b-1e5a-4d2f-9b64-3a0e1d8c7b22`)).statusCode).toBe(403);
    expect((await stranger.get(`${base}/packages/3d804e3c-2f6b-4e3a-8c75-4b1f2e9d8c33/download`)).statusCode).toBe(403);
    const head = await world.as('clinic');
    const rows = (await head.get(`/api/v1/organisations/${clinic}/access-refusals`)).json();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subjectType: 'cctv_request_file',
          rule: 'auth.forbidden',
          actorName: 'Жұмабеков Ерлан Серікұлы',
          count: 1,
        }),
        expect.objectContaining({ subjectType: 'cctv_disclosure_package', rule: 'auth.forbidden', count: 1 }),
      ]),
    );
  });
});
