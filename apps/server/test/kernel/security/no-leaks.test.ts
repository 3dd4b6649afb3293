import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/composition/demo.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

/**
 * Issue 13: a 500 carries only a code, a message in the caller's language and the request id; the
 * log has the error at error level under that id, without the query's parameters or any secret.
 */
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
const lines: string[] = [];
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { level: number; msg: string; reqId?: string });

beforeAll(async () => {
  ctx = await createTestContext({}, { log: { write: (line) => lines.push(line) } });
  w = await seedJournalWorld(ctx);
}, 120_000);
afterAll(() => ctx.close());

/** Makes every write to a table fail inside the database, as a broken disk or a bad migration would. */
const breakWrites = async (table: string) => {
  await ctx.sql(
    `CREATE OR REPLACE FUNCTION test_broken() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$`,
  );
  await ctx.sql(`CREATE TRIGGER test_broken BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION test_broken()`);
};
const repair = (table: string) => ctx.sql(`DROP TRIGGER test_broken ON ${table}`);

function expectNoLeak(text: string) {
  for (const leak of [
    /select|insert|update|delete/i,
    /\$argon2id/,
    /params/i,
    /disk on fire/,
    /users|sessions|uploads_in_progress/,
    /\bat \S+\.(ts|js)/,
  ]) {
    expect(text).not.toMatch(leak);
  }
}

describe('issue 13 a 500 leaks nothing', () => {
  it('a failing query (a password change) answers only a code, a translated message and the request id; the log keeps no parameter nor secret', async () => {
    const newPassword = 'Тау-Шаңғы-Бұлақ-47-секрет';
    const c = await w.world.as('inspector1');
    c.lang = 'ru';
    lines.length = 0;
    await breakWrites('users');
    try {
      const res = await c.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword });
      expect(res.statusCode).toBe(500);
      const { error } = res.json();
      expect(Object.keys(error).sort()).toEqual(['code', 'message', 'requestId']);
      expect(error.code).toBe('server.internal');
      expect(error.message).toBe('Внутренняя ошибка сервера. Инцидент зарегистрирован.');
      expectNoLeak(res.body);

      const errors = logged().filter((l) => l.level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ msg: 'unhandled error', reqId: error.requestId });
      // What went wrong is there for the operator: the SQL text and the database's own words…
      expect((errors[0]!.err as { message: string }).message).toMatch(/^Failed query: update "users" .*\nparams: \[redacted\]$/);
      expect(errors[0]!.err).toMatchObject({ code: 'P0001', cause: { message: 'disk on fire' } });
      // …but not the values: neither the new password nor its argon2 hash, nor the session or CSRF token.
      const all = lines.join('\n');
      expect(all).not.toContain('$argon2id');
      expect(all).not.toContain(newPassword);
      expect(all).not.toContain(DEMO_PASSWORD);
      expect(all).not.toContain(c.csrf!);
      expect(all).not.toContain(c.cookie!.split('=')[1]!);
    } finally {
      await repair('users');
    }
  });

  it('the dock upload route (tus) answers a failing query the same way, never the SQL text', async () => {
    const token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret as string;
    const b64 = (v: string) => Buffer.from(v).toString('base64');
    lines.length = 0;
    await breakWrites('uploads_in_progress');
    try {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/dock/uploads',
        headers: {
          authorization: `Bearer ${token}`,
          'tus-resumable': '1.0.0',
          'upload-length': '10',
          'accept-language': 'kk',
          'upload-metadata': [
            `filename ${b64('a.mp4')}`,
            `inventoryNumber ${b64('ВР-001')}`,
            `modifiedAt ${b64('2026-03-02T05:30:00Z')}`,
          ].join(','),
        },
      });
      expect(res.statusCode).toBe(500);
      const { error } = res.json();
      expect(error).toEqual({ code: 'server.internal', message: 'Сервердің ішкі қатесі. Оқиға тіркелді.', requestId: expect.any(String) });
      expectNoLeak(res.body);
      const errors = logged().filter((l) => l.level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ reqId: error.requestId });
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await repair('uploads_in_progress');
    }
  });
});
