import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { seedWorld } from '../../support/world.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await seedWorld(ctx);
});
afterAll(() => ctx.close());

const raw = (payload: string | Buffer, url = '/api/v1/auth/login', lang = 'kk') =>
  ctx.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', 'accept-language': lang } });

describe('R444-13 hostile input is refused with a coded error before any use case, never a 500', () => {
  it('R444-13 a NUL byte in a text field, even on the anonymous sign-in, is a coded 400 naming the field in the user language', async () => {
    const res = await raw(JSON.stringify({ login: 'head\u0000', password: 'x' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'validation.text_invalid',
      details: { part: 'body', field: 'login', problem: 'control' },
    });
    expect(res.json().error.message).toMatch(/^«[^»]+»: .*NUL/);
    expect(res.json().error.message).not.toContain('$t(');
  });

  it('R444-13 invalid UTF-8 is refused, not stored as replacement characters', async () => {
    const res = await raw(
      Buffer.concat([Buffer.from('{"login":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","password":"x"}')]),
      '/api/v1/auth/login',
      'ru',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid_utf8');
    expect(res.json().error.message).toContain('UTF-8');
  });

  it('R444-13 a lone surrogate is refused', async () => {
    const res = await raw('{"login":"ab\\ud800c","password":"x"}');
    expect(res.json().error).toMatchObject({ code: 'validation.text_invalid', details: { problem: 'surrogate' } });
  });

  it('R444-13 strings are strings: a number where text is expected is refused, not turned into text', async () => {
    const admin = await world.as('admin');
    const res = await admin.post('/api/v1/users', { login: 12345, fullName: 'Сан Логин', password: 'Тау-Шаңғы-Бұлақ-47' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(JSON.stringify(res.json().error.details)).toContain('login');
  });

  it('R444-13 an impossible calendar date or year is refused by the schema (appointments)', async () => {
    const head = await world.as('head');
    for (const orderDate of ['2026-02-30', '0000-01-01']) {
      const res = await head.post(`/api/v1/organisations/${world.subdivision}/appointments`, {
        personId: world.userIds.get('inspector2'),
        kind: 'deputy',
        orderNumber: '99-ж',
        orderDate,
        validFrom: '2026-03-02',
      });
      expect(res.statusCode, orderDate).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
    }
  });

  it('R444-13 a prototype-poisoning body is refused', async () => {
    const res = await raw('{"login":"a","password":"b","__proto__":{"isPlatformAdmin":true}}');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.malformed');
  });

  it('issue 13 a line break in a single-line field is a coded 400 naming the field in the user language; nothing is stored', async () => {
    const admin = await world.as('admin');
    admin.lang = 'ru';
    for (const fullName of ['Иванов\nИван', 'Иванов\rИван', 'Иванов\u2028Иван']) {
      const res = await admin.post('/api/v1/users', { login: 'crlf-user', fullName, password: 'Тау-Шаңғы-Бұлақ-47' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation.text_invalid',
        details: { part: 'body', field: 'fullName', problem: 'line_break' },
      });
      expect(res.json().error.message).toMatch(/^«[^»]+»: содержит перенос строки, а поле однострочное\. Ничего не изменено\.$/);
    }
    const kk = await raw(JSON.stringify({ login: 'head\r\nX-Injected: 1', password: 'x' }));
    expect(kk.json().error).toMatchObject({ code: 'validation.text_invalid', details: { field: 'login', problem: 'line_break' } });
    expect(kk.json().error.message).toContain('жолды ауыстыру таңбасы бар');
    const { rows } = await ctx.sql(`SELECT count(*)::int AS n FROM users WHERE login = 'crlf-user'`);
    expect(rows[0]!.n).toBe(0);
  });

  it('issue 13 free text (a note) may still run over several lines; the number beside it may not', async () => {
    const resp = await world.as('responsible');
    const recorder = (inventoryNumber: string) =>
      resp.post(`/api/v1/organisations/${world.subdivision}/recorders`, {
        inventoryNumber,
        serialNumber: 'SN-CRLF-1',
        model: 'Hikvision DS-MH2311',
        notes: 'Бірінші жол.\nЕкінші жол.',
      });
    const refused = await recorder('ВР-CR\n1');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({ field: 'inventoryNumber', problem: 'line_break' });
    const ok = await recorder('ВР-CRLF-1');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().notes).toBe('Бірінші жол.\nЕкінші жол.');
  });

  it('issue 13 a second organisation with a BIN already registered is a coded 409 naming the BIN field', async () => {
    const admin = await world.as('admin');
    admin.lang = 'kk';
    const { rows } = await ctx.sql(`SELECT bin FROM organisations WHERE id = $1`, [world.subdivision]);
    const bin = rows[0]!.bin as string;
    const before = await ctx.sql('SELECT count(*)::int AS n FROM organisations');
    const res = await admin.post('/api/v1/organisations', {
      type: 'territorial_subdivision',
      nameKk: 'Екінші ұйым',
      nameRu: 'Вторая организация',
      bin,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'organisation.bin_taken', details: { field: 'bin', bin } });
    expect(res.json().error.message).toBe(`${bin} БСН-і бар ұйым тіркелген: «БСН» өрісі қайталанбауы керек.`);
    expect((await ctx.sql('SELECT count(*)::int AS n FROM organisations')).rows[0]!.n).toBe(before.rows[0]!.n);
    // The database keeps it so too, for two administrators racing.
    await expect(
      ctx.sql(
        `INSERT INTO organisations (id, type, name_kk, name_ru, bin) VALUES (gen_random_uuid(), 'territorial_subdivision', 'a', 'b', $1)`,
        [bin],
      ),
    ).rejects.toThrow(/organisations_bin|unique/);
  });
});
