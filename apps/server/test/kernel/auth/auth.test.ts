import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../../src/platform/auth/totp.ts';
import { DEMO_PASSWORD } from '../../../src/composition/demo.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { ApiClient, seedWorld } from '../../support/world.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await seedWorld(ctx);
});
afterAll(() => ctx.close());

describe('sign-in', () => {
  it('sets an HTTP-only SameSite session cookie and returns a CSRF token', async () => {
    const res = await world.anonymous().post('/api/v1/auth/login', { login: 'inspector1', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'baqylau_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('R444-13 the cookie lives as long as SESSION_TTL_HOURS (12 h by default), and slides with the session when it is used', async () => {
    const c = world.anonymous();
    const res = await c.post('/api/v1/auth/login', { login: 'inspector1', password: DEMO_PASSWORD });
    expect(res.cookies.find((x) => x.name === 'baqylau_session')!.maxAge).toBe(ctx.deps.config.sessionTtlHours * 3600);
    expect(ctx.deps.config.sessionTtlHours).toBe(12);
    // Used again an hour later: the server slides the idle limit and sends the cookie with a fresh Max-Age.
    ctx.clock.advance(3_600_000);
    const later = await c.get('/api/v1/me');
    expect(later.statusCode).toBe(200);
    expect(later.cookies.find((x) => x.name === 'baqylau_session')).toMatchObject({ maxAge: 12 * 3600, httpOnly: true });
    // Straight after, nothing to slide: no cookie is sent again.
    expect((await c.get('/api/v1/me')).cookies.find((x) => x.name === 'baqylau_session')).toBeUndefined();
  });

  it('R444-13 a client cannot write its own address into the ledger: X-Forwarded-For counts only from a configured proxy', async () => {
    const signedInFrom = async (c: TestContext, via: string) => {
      const res = await c.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'inspector1', password: DEMO_PASSWORD },
        headers: { 'x-forwarded-for': via },
      });
      expect(res.statusCode).toBe(200);
      const { rows } = await c.sql(`SELECT payload FROM ledger_entries WHERE action = 'auth.signed_in' ORDER BY seq DESC LIMIT 1`);
      return (typeof rows[0]!.payload === 'string' ? JSON.parse(rows[0]!.payload) : rows[0]!.payload).ip;
    };
    // Fastify inject comes from 127.0.0.1: without TRUST_PROXY the forged header is ignored.
    expect(await signedInFrom(ctx, '203.0.113.66')).toBe('127.0.0.1');
    const proxied = await createTestContext({ TRUST_PROXY: '127.0.0.1' });
    try {
      await seedWorld(proxied);
      expect(await signedInFrom(proxied, '203.0.113.66')).toBe('203.0.113.66');
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password with a translated coded error in the caller language', async () => {
    const c = new ApiClient(ctx, 'ru');
    const res = await c.post('/api/v1/auth/login', { login: 'inspector2', password: 'wrong-password-123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'auth.invalid_credentials', message: 'Неверный логин или пароль.' });
    const kk = await new ApiClient(ctx, 'kk').post('/api/v1/auth/login', { login: 'nobody', password: 'x' });
    expect(kk.json().error.message).toBe('Логин немесе құпиясөз қате.');
  });

  it('names each invalid field and its rule in the user language', async () => {
    const res = await new ApiClient(ctx, 'ru').post('/api/v1/auth/login', { login: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('validation.failed');
    expect(body.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'password', rule: 'required', message: '«пароль»: обязательное поле' }),
        expect.objectContaining({ field: 'login', rule: 'minLength', message: '«логин»: не менее 1 символа' }),
      ]),
    );
  });

  it('locks the account after 5 failures with growing back-off, even for the right password', async () => {
    const c = new ApiClient(ctx);
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/v1/auth/login', { login: 'inspector3', password: `bad-${i}` })).statusCode).toBe(401);
    const locked = await c.post('/api/v1/auth/login', { login: 'inspector3', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'auth.locked', details: { minutes: 1 } });
    ctx.clock.advance(61_000);
    expect((await c.post('/api/v1/auth/login', { login: 'inspector3', password: 'bad-again' })).statusCode).toBe(401);
    expect((await c.post('/api/v1/auth/login', { login: 'inspector3', password: DEMO_PASSWORD })).json().error.details.minutes).toBe(2);
    ctx.clock.advance(121_000);
    expect((await c.post('/api/v1/auth/login', { login: 'inspector3', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });
});

describe('R444-6 second factor for the head and the responsible person', () => {
  it('the head cannot reach anything but the second-factor step before entering a TOTP code', async () => {
    const c = new ApiClient(ctx);
    const res = await c.post('/api/v1/auth/login', { login: 'head', password: DEMO_PASSWORD });
    expect(res.json().status).toBe('totp_required');
    c.csrf = res.json().csrfToken;
    const blocked = await c.get(`/api/v1/organisations/${world.subdivision}/ledger`);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('auth.second_factor_required');
    expect((await c.post('/api/v1/auth/totp', { code: '000000' })).json().error.code).toBe('auth.totp_invalid');
    const ok = await c.post('/api/v1/auth/totp', { code: currentTotp('KRUGS4ZANFZSAYJAORSXG5BAMJQXC6LM', ctx.clock.now.getTime()) });
    expect(ok.statusCode).toBe(200);
    expect((await c.get(`/api/v1/organisations/${world.subdivision}/ledger`)).statusCode).toBe(200);
  });

  it('a newly appointed responsible person without TOTP must enrol (QR) before working', async () => {
    const head = await world.as('head');
    await head.post(`/api/v1/organisations/${world.subdivision}/appointments`, {
      personId: world.userIds.get('inspector2'),
      kind: 'deputy',
      orderNumber: '14-ж',
      orderDate: '2026-03-02',
      validFrom: '2026-03-02',
    });
    const c = new ApiClient(ctx);
    const login = await c.post('/api/v1/auth/login', { login: 'inspector2', password: DEMO_PASSWORD });
    expect(login.json().status).toBe('totp_enrolment_required');
    c.csrf = login.json().csrfToken;
    expect((await c.get('/api/v1/me')).json().secondFactor).toBe('enrolment_required');
    expect((await c.get(`/api/v1/organisations/${world.subdivision}/appointments`)).json().error.code).toBe(
      'auth.second_factor_enrolment_required',
    );
    const start = (await c.post('/api/v1/auth/totp/enrolment')).json();
    expect(start.qrSvg).toContain('<svg');
    expect(start.otpauthUri).toMatch(/^otpauth:\/\/totp\/Baqylau:inspector2\?/);
    expect((await c.post('/api/v1/auth/totp/enrolment/confirm', { code: '123456' })).json().error.code).toBe('auth.totp_invalid');
    const ok = await c.post('/api/v1/auth/totp/enrolment/confirm', { code: currentTotp(start.secret, ctx.clock.now.getTime()) });
    expect(ok.statusCode).toBe(200);
    expect((await c.get(`/api/v1/organisations/${world.subdivision}/appointments`)).statusCode).toBe(200);
    // From now on the code is asked at every sign-in.
    const again = await new ApiClient(ctx).post('/api/v1/auth/login', { login: 'inspector2', password: DEMO_PASSWORD });
    expect(again.json().status).toBe('totp_required');
  });
});

describe('sessions', () => {
  it('refuses a state change without the CSRF token', async () => {
    const c = await world.as('auditor');
    c.csrf = undefined;
    const res = await c.request('PATCH', '/api/v1/me', { locale: 'ru' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf_invalid');
  });

  it('answers in the profile language once set, over Accept-Language', async () => {
    const c = await world.as('auditor');
    expect((await c.request('PATCH', '/api/v1/me', { locale: 'ru' })).statusCode).toBe(200);
    const res = await c.get('/api/v1/organisations');
    expect(res.json().error.message).toBe('У вас нет права на это действие.');
  });

  it('logout everywhere ends every session of the user', async () => {
    const a = await world.as('inspector1');
    const b = await world.as('inspector1');
    expect((await a.post('/api/v1/auth/logout-everywhere')).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('switches the current organisation only to one the user belongs to', async () => {
    const c = await world.as('auditor');
    expect((await c.request('PUT', '/api/v1/me/organisation', { organisationId: world.foreign })).json().error.code).toBe(
      'organisation.not_member',
    );
    expect((await c.request('PUT', '/api/v1/me/organisation', { organisationId: world.subdivision })).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).json().currentOrganisationId).toBe(world.subdivision);
  });
});

describe('passwords', () => {
  it('stores argon2id hashes, never the password', async () => {
    const { rows } = await ctx.sql(`SELECT password_hash FROM users WHERE login = 'inspector1'`);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it.each([
    ['short1!', 'password.too_short'],
    ['password123456', 'password.too_common'],
    ['qwertyuiop123', 'password.too_common'],
    ['aaaaaaaaaaaaaa', 'password.too_common'],
    ['my-newuser-is-great', 'password.contains_login'],
  ])('refuses a weak password %s (%s)', async (password, code) => {
    const admin = await world.as('admin');
    const res = await admin.post('/api/v1/users', { login: 'newuser', fullName: 'Жаңа Пайдаланушы', password });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
  });

  it.each([
    ['Астана2026!!', 'place'],
    ['ҚАРАҒАНДЫ2026', 'place'],
    ['qaragandy2026', 'place'],
    ['йцукенгшщзхъ', 'keyboard'],
    ['1234567890ab', 'word'],
  ])('R444-6 refuses a guessable password %s, and says why in the user language (%s)', async (password, weakness) => {
    const admin = await world.as('admin');
    admin.lang = 'kk';
    const res = await admin.post('/api/v1/users', { login: 'newuser2', fullName: 'Жаңа Пайдаланушы', password });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'password.too_weak', details: { weakness } });
    expect(res.json().error.message).toMatch(/^Бұл құпиясөзді табу оңай: /);
    expect(res.json().error.message).not.toContain('password.weakness');
  });

  it('R444-6 accepts a long passphrase of unrelated words, in Kazakh too', async () => {
    const admin = await world.as('admin');
    for (const [login, password] of [
      ['newuser3', 'Тау-Шаңғы-Бұлақ-47'],
      ['newuser4', 'Korrekt-Batareya-Skrepka'],
    ]) {
      const res = await admin.post('/api/v1/users', { login, fullName: 'Жаңа Пайдаланушы', password });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
});
