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
});
