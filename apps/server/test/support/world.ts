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
    const secret = DEMO_USERS.find((u) => u.login === login)?.totp;
    if (res.json().status === 'totp_required' && secret) {
      const r2 = await this.post('/api/v1/auth/totp', { code: currentTotp(secret, this.ctx.clock.now.getTime()) });
      if (r2.statusCode !== 200) throw new Error(`totp failed: ${r2.body}`);
    }
    return res;
  }
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
