import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../../src/app.ts';
import { renderVerifyHtml } from '../../../src/kernel/evidence-packages/verify/verify-page.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

/** Issue 13: security headers on the web app, the API and the API docs; HSTS only behind https. */
let ctx: TestContext;
let withWeb: FastifyInstance;
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-web-'));

beforeAll(async () => {
  ctx = await createTestContext();
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
  withWeb = await createApp(ctx.deps, { webDist });
});
afterAll(async () => {
  await withWeb.close();
  await ctx.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

function expectSecurityHeaders(h: Record<string, unknown>) {
  const csp = String(h['content-security-policy']);
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `));
  expect(directive('default-src')).toBe("default-src 'self'");
  // No inline script, no eval, no inline event handlers.
  expect(directive('script-src')).toBe("script-src 'self'");
  expect(directive('script-src-attr')).toBe("script-src-attr 'none'");
  expect(directive('object-src')).toBe("object-src 'none'");
  expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(directive('base-uri')).toBe("base-uri 'self'");
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(String(h['permissions-policy'])).toContain('camera=()');
  expect(String(h['permissions-policy'])).toContain('geolocation=()');
  expect(String(h['permissions-policy'])).toContain('microphone=()');
}

describe('issue 13 security headers', () => {
  it.each([
    ['the web app', '/app/login'],
    ['a web asset', '/assets/app.js'],
    ['the API', '/api/v1/me'],
    ['an API error', '/api/v1/no-such-route'],
    ['the API docs', '/api/docs/'],
    ['the OpenAPI document', '/api/openapi.json'],
    ['the health check', '/healthz'],
  ])('%s (%s) carries them', async (_what, url) => {
    const res = await withWeb.inject({ method: 'GET', url });
    expect(res.statusCode).toBeLessThan(500);
    expectSecurityHeaders(res.headers);
    // The public URL is http here (the default): no HSTS, which would lock a LAN install out.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('the API docs load their script from files, none inline, so the strict policy lets them run', async () => {
    const docs = await withWeb.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    const scripts = [...docs.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="/);
      expect(body!.trim()).toBe('');
    }
  });

  it('HSTS is sent when the public URL is https', async () => {
    const secure = await createTestContext({ PUBLIC_URL: 'https://baqylau.example.kz' });
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      expectSecurityHeaders(res.headers);
    } finally {
      await secure.close();
    }
  });

  it("a package's verify.html, opened from the unzipped folder, has its own policy: only its own script by hash, no connection", () => {
    const html = renderVerifyHtml();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
  });
});
