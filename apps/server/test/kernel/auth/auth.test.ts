import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/app.ts';
import { confirmSecondFactorAgain } from '../../../src/kernel/auth/auth.usecases.ts';
import { currentTotp } from '../../../src/platform/auth/totp.ts';
import { DEMO_PASSWORD } from '../../../src/composition/demo.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { ApiClient, seedWorld } from '../../support/world.ts';

let ctx: TestContext;
let world: Awaited<ReturnType<typeof seedWorld>>;

/** Every argon2 verification the server makes, by the hash it checks against (the real verify still runs). */
const argon2 = vi.hoisted(() => ({ verified: [] as string[] }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (hashed: string, password: string) => {
      argon2.verified.push(hashed);
      return real.verify(hashed, password);
    },
  };
});

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
});

/** A sign-in from a given source address (Fastify inject lets the test choose it). */
const loginFrom = (c: TestContext, remoteAddress: string, login: string, password: string) =>
  c.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password },
    remoteAddress,
    headers: { 'accept-language': 'ru' },
  });
const answer = (r: LightMyRequestResponse) => ({ status: r.statusCode, body: r.json(), retryAfter: r.headers['retry-after'] });
let addressNo = 0;
/** A new address for each attempt, so that only the account's throttle is in play. */
const anotherAddress = () => `198.18.${Math.floor(++addressNo / 250)}.${(addressNo % 250) + 1}`;

describe('issue 13 sign-in throttling instead of a lock anyone could trigger', () => {
  // Each case starts with no failures on record (earlier cases of this file made some).
  beforeEach(() => ctx.sql('DELETE FROM login_throttle'));

  it('known and unknown logins answer alike after repeated failures: the same 401, then the same 429 with Retry-After', async () => {
    const known: ReturnType<typeof answer>[] = [];
    const unknown: ReturnType<typeof answer>[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(answer(await loginFrom(ctx, anotherAddress(), 'inspector3', `bad-password-${i}`)));
      unknown.push(answer(await loginFrom(ctx, anotherAddress(), 'no-such-person', `bad-password-${i}`)));
    }
    expect(known).toEqual(unknown);
    expect(known.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(known[0]!.body.error).toEqual({ code: 'auth.invalid_credentials', message: 'Неверный логин или пароль.' });
    // The sixth attempt within the second after the fifth failure is not checked at all.
    expect(known[5]).toEqual({
      status: 429,
      retryAfter: '1',
      body: {
        error: { code: 'auth.throttled', message: 'Слишком много неудачных попыток. Повторите через 1 с.', details: { seconds: 1 } },
      },
    });
  });

  it('delays grow after each further failure, the right password waits too, and the account starts afresh once it gets in', async () => {
    const c = ctx;
    for (let i = 0; i < 5; i++) expect((await loginFrom(c, anotherAddress(), 'inspector2', `wrong-${i}`)).statusCode).toBe(401);
    expect(answer(await loginFrom(c, anotherAddress(), 'inspector2', DEMO_PASSWORD))).toMatchObject({ status: 429, retryAfter: '1' });
    c.clock.advance(1_000);
    expect((await loginFrom(c, anotherAddress(), 'inspector2', 'wrong-again')).statusCode).toBe(401);
    expect(answer(await loginFrom(c, anotherAddress(), 'inspector2', DEMO_PASSWORD))).toMatchObject({ status: 429, retryAfter: '2' });
    c.clock.advance(2_000);
    expect((await loginFrom(c, anotherAddress(), 'inspector2', DEMO_PASSWORD)).statusCode).toBe(200);
    // Signed in: the next mistake is a plain 401 again.
    expect((await loginFrom(c, anotherAddress(), 'inspector2', 'a-typo')).statusCode).toBe(401);
    expect((await loginFrom(c, anotherAddress(), 'inspector2', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('nobody can lock someone else out: the delay of an account never exceeds a minute, however many guesses', async () => {
    let longest = 0;
    for (let i = 0; i < 40; i++) {
      const r = await loginFrom(ctx, anotherAddress(), 'auditor', `guess-${i}`);
      if (r.statusCode === 429) {
        longest = Math.max(longest, Number(r.headers['retry-after']));
        ctx.clock.advance(Number(r.headers['retry-after']) * 1000);
      }
    }
    expect(longest).toBe(60);
    ctx.clock.advance(60_000);
    expect((await loginFrom(ctx, anotherAddress(), 'auditor', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('growing delays by source address: one address trying many logins is slowed down, other addresses are not', async () => {
    const spray = '203.0.113.9';
    for (let i = 0; i < 10; i++) expect((await loginFrom(ctx, spray, `someone-${i}`, 'Password123!')).statusCode).toBe(401);
    const first = answer(await loginFrom(ctx, spray, 'someone-else', 'Password123!'));
    expect(first).toMatchObject({ status: 429, retryAfter: '1', body: { error: { code: 'auth.throttled' } } });
    // Even a right password from that address waits, and the wait doubles with each further failure.
    expect(answer(await loginFrom(ctx, spray, 'inspector1', DEMO_PASSWORD)).status).toBe(429);
    ctx.clock.advance(1_000);
    expect((await loginFrom(ctx, spray, 'someone-11', 'Password123!')).statusCode).toBe(401);
    expect(answer(await loginFrom(ctx, spray, 'someone-12', 'Password123!'))).toMatchObject({ status: 429, retryAfter: '2' });
    ctx.clock.advance(2_000);
    expect((await loginFrom(ctx, spray, 'someone-13', 'Password123!')).statusCode).toBe(401);
    expect(answer(await loginFrom(ctx, spray, 'someone-14', 'Password123!'))).toMatchObject({ status: 429, retryAfter: '4' });
    // Another address is not concerned.
    expect((await loginFrom(ctx, '203.0.113.10', 'inspector1', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('a burst of parallel guesses gets no more checks than one guess after another', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => loginFrom(ctx, anotherAddress(), 'head', `parallel-${i}`)));
    const statuses = burst.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    ctx.clock.advance(120_000);
  });

  it('the throttle lives in the database: a second server instance over it sees the failures made on the first', async () => {
    const second = await createApp(ctx.deps, { webDist: undefined });
    try {
      for (let i = 0; i < 5; i++) expect((await loginFrom(ctx, anotherAddress(), 'inspector4', `bad-${i}`)).statusCode).toBe(401);
      const other = await second.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'inspector4', password: DEMO_PASSWORD },
        remoteAddress: anotherAddress(),
      });
      expect(other.statusCode).toBe(429);
      expect(other.json().error.code).toBe('auth.throttled');
    } finally {
      await second.close();
    }
    ctx.clock.advance(120_000);
  });

  it('a refusal does not tell a known login from an unknown one: argon2 verifies once for each, an unknown login against the dummy hash', async () => {
    // Counted, not timed (timings vary with the machine's load): the same work is the same time.
    const attempt = async (login: string) => {
      argon2.verified.length = 0;
      expect((await loginFrom(ctx, anotherAddress(), login, `refused-${Math.random()}`)).statusCode).toBe(401);
      return [...argon2.verified];
    };
    const [stored] = (await ctx.sql('SELECT password_hash FROM users WHERE login = $1', ['inspector1'])).rows.map((r) => r.password_hash);
    expect(await attempt('inspector1')).toEqual([stored]);
    const ghost = await attempt('ghost-1');
    expect(ghost).toHaveLength(1);
    expect(ghost[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await attempt('ghost-2')).toEqual(ghost);
    const hashes = (await ctx.sql('SELECT password_hash FROM users')).rows.map((r) => r.password_hash);
    expect(hashes).not.toContain(ghost[0]);
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

describe('issue 13 a second-factor code works once per account', () => {
  const HEAD_SECRET = 'KRUGS4ZANFZSAYJAORSXG5BAMJQXC6LM';
  const passwordStep = async () => {
    const c = new ApiClient(ctx);
    const res = await c.post('/api/v1/auth/login', { login: 'head', password: DEMO_PASSWORD });
    expect(res.json().status).toBe('totp_required');
    c.csrf = res.json().csrfToken;
    return c;
  };

  it('a replayed code is refused in another session; the next 30-second code is accepted', async () => {
    ctx.clock.advance(30_000);
    const code = currentTotp(HEAD_SECRET, ctx.clock.now.getTime());
    const first = await passwordStep();
    expect((await first.post('/api/v1/auth/totp', { code })).statusCode).toBe(200);
    const second = await passwordStep();
    const replay = await second.post('/api/v1/auth/totp', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('auth.totp_invalid');
    expect((await second.get(`/api/v1/organisations/${world.subdivision}/ledger`)).json().error.code).toBe('auth.second_factor_required');
    // A code of an earlier step (still inside the drift window) is no better.
    expect((await second.post('/api/v1/auth/totp', { code: currentTotp(HEAD_SECRET, ctx.clock.now.getTime() - 30_000) })).statusCode).toBe(
      401,
    );
    ctx.clock.advance(30_000);
    expect((await second.post('/api/v1/auth/totp', { code: currentTotp(HEAD_SECRET, ctx.clock.now.getTime()) })).statusCode).toBe(200);
  });

  it('two sessions racing with the same code: only one gets in', async () => {
    ctx.clock.advance(30_000);
    const code = currentTotp(HEAD_SECRET, ctx.clock.now.getTime());
    const [a, b] = [await passwordStep(), await passwordStep()];
    const results = await Promise.all([a.post('/api/v1/auth/totp', { code }), b.post('/api/v1/auth/totp', { code })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('R444-6 the code used to sign in does not confirm a deletion again; a new code does', async () => {
    ctx.clock.advance(30_000);
    const code = currentTotp(HEAD_SECRET, ctx.clock.now.getTime());
    const c = await passwordStep();
    expect((await c.post('/api/v1/auth/totp', { code })).statusCode).toBe(200);
    const headId = world.userIds.get('head')!;
    await expect(confirmSecondFactorAgain(ctx.deps, headId, code)).rejects.toMatchObject({ code: 'auth.totp_invalid' });
    ctx.clock.advance(30_000);
    await expect(confirmSecondFactorAgain(ctx.deps, headId, currentTotp(HEAD_SECRET, ctx.clock.now.getTime()))).resolves.toBeUndefined();
  });

  it('second-factor guesses are throttled like passwords', async () => {
    await ctx.sql('DELETE FROM login_throttle');
    ctx.clock.advance(30_000);
    const c = await passwordStep();
    const right = currentTotp(HEAD_SECRET, ctx.clock.now.getTime());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await c.post('/api/v1/auth/totp', { code: wrong })).statusCode).toBe(401);
    const throttled = await c.post('/api/v1/auth/totp', { code: right });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    ctx.clock.advance(1_000);
    expect((await c.post('/api/v1/auth/totp', { code: right })).statusCode).toBe(200);
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
  it('issue 13 wrong current passwords on the change route are throttled, and a change ends the other sessions of the user', async () => {
    await ctx.sql('DELETE FROM login_throttle');
    const c = await world.as('inspector3');
    const elsewhere = await world.as('inspector3');
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/api/v1/me/password', { currentPassword: `guess-${i}`, newPassword: 'Тау-Шаңғы-Бұлақ-47' });
      expect(r.json().error.code).toBe('password.current_wrong');
    }
    const throttled = await c.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Тау-Шаңғы-Бұлақ-47' });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('auth.throttled');
    ctx.clock.advance(1_000);
    expect((await c.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Тау-Шаңғы-Бұлақ-47' })).statusCode).toBe(
      200,
    );
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await new ApiClient(ctx).login('inspector3', 'Тау-Шаңғы-Бұлақ-47')).statusCode).toBe(200);
  });

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
