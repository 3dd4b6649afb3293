import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

const onPostgres = Boolean(inject('pgTemplateUrl'));

describe.skipIf(!onPostgres)('R444-13 the server survives PostgreSQL dropping its idle connections', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  }, 60_000);
  afterAll(() => ctx.close());

  it('R444-13 a terminated idle connection (restart, failover, pg_terminate_backend) costs nothing: the next query opens a new one', async () => {
    const mine = async () => (await ctx.deps.db.execute(sql`SELECT pg_backend_pid() AS pid`)) as unknown as { rows: { pid: number }[] };
    const before = (await mine()).rows[0]!.pid;
    // Terminated from outside, while the pool holds it idle: the FATAL arrives as an 'error' event.
    await ctx.sql('SELECT pg_terminate_backend($1)', [before]);
    await new Promise((r) => setTimeout(r, 300));
    const after = (await mine()).rows[0]!.pid;
    expect(after).not.toBe(before);
    const health = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });
});
