import type { LightMyRequestResponse } from 'fastify';
import { seedDemo } from '../../src/composition/demo.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/composition/demo.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import type { TestContext } from './test-app.ts';

export type DemoLogin = (typeof DEMO_USERS)[number]['login'];

/** A signed-in (or anonymous) HTTP client over Fastify inject: keeps the cookie, sends the CSRF token. */
export class ApiClient {
  cookie?: string;
  csrf?: string;
  constructor(
    private ctx: TestContext,
    public lang = 'en',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.ctx.app.inject({
      method: method as 'GET',
      url,
      payload: body as object | undefined,
      headers: {
        'accept-language': this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
    });
    const set = res.cookies.find((c) => c.name === 'baqylau_session');
    if (set) this.cookie = set.value ? `baqylau_session=${set.value}` : undefined;
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});

  /** Password, then the TOTP code when the account has one. */
  async login(login: string, password = DEMO_PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { login, password });
    if (res.statusCode !== 200) return res;
    this.csrf = res.json().csrfToken;
    if (res.json().status === 'totp_required' && DEMO_USERS.some((u) => u.login === login && u.totp)) {
      const r2 = await this.post('/api/v1/auth/totp', { code: await unusedTotp(this.ctx, login) });
      if (r2.statusCode !== 200) throw new Error(`totp failed: ${r2.body}`);
    }
    return res;
  }
}

/**
 * The current code of a demo account's authenticator, usable now. A code works once per account
 * (issue 13), and the tests' clock stands still between sign-ins where a person would wait for the
 * next 30-second code; the fixture forgets the step the account last used instead. The refusal of a
 * replayed code is tested on its own, without this.
 */
export async function unusedTotp(
  ctx: TestContext,
  login: string,
  secret = DEMO_USERS.find((u) => u.login === login)?.totp,
): Promise<string> {
  if (!secret) throw new Error(`demo user ${login} has no TOTP`);
  await ctx.sql('UPDATE users SET totp_last_step = NULL WHERE login = $1', [login]);
  return currentTotp(secret, ctx.clock.now.getTime());
}

export async function seedWorld(ctx: TestContext) {
  const { orgIds, userIds } = await seedDemo(ctx.deps);
  const as = async (login: DemoLogin) => {
    const c = new ApiClient(ctx);
    const res = await c.login(login);
    if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.body}`);
    return c;
  };
  return {
    subdivision: orgIds.get('subdivision')!,
    foreign: orgIds.get('operator')!,
    orgIds,
    userIds,
    as,
    anonymous: () => new ApiClient(ctx),
  };
}
