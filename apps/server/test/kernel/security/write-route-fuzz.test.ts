import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../src/kernel/tokens/tokens.usecases.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { ApiClient, seedWorld } from '../../support/world.ts';

/**
 * Every write route of the OpenAPI document, called by someone allowed to call it, with one hostile
 * value at a time in its JSON body: NUL, a lone surrogate, a 1 MB string, the wrong type, an
 * impossible date. Each must answer a coded 4xx in the caller's language and change nothing stored.
 */
type Schema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
};

let ctx: TestContext;
let world: Awaited<ReturnType<typeof seedWorld>>;
let doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>> };
const clients: ApiClient[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  world = await seedWorld(ctx);
  doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
  for (const login of ['responsible', 'head', 'admin', 'cctv', 'clinic']) clients.push(await world.as(login));
  const token = await createApiToken(ctx.deps, { kind: 'user', id: world.userIds.get('head')! }, world.subdivision, 'fuzz dock');
  const dock = new ApiClient(ctx);
  const request = dock.request.bind(dock);
  dock.request = (m, u, b, h = {}) => request(m, u, b, { authorization: `Bearer ${token.secret}`, ...h });
  clients.push(dock);
}, 120_000);
afterAll(() => ctx.close());

function sample(s: Schema): unknown {
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]!);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      return s.format === 'uuid'
        ? randomUUID()
        : s.format === 'date'
          ? '2026-03-02'
          : s.format === 'date-time'
            ? '2026-03-02T05:00:00Z'
            : 'Тексеру'.padEnd(s.minLength ?? 1, 'а');
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? { type: 'string' }));
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    default:
      return 'x';
  }
}

function hostileValues(s: Schema): [string, unknown][] {
  const t = s.anyOf ? (s.anyOf.find((x) => x.type !== 'null') ?? {}).type : s.type;
  const f = s.anyOf ? (s.anyOf.find((x) => x.type !== 'null') ?? {}).format : s.format;
  if (t === 'string') {
    const out: [string, unknown][] = [
      ['NUL', 'a\u0000b'],
      ['lone surrogate', 'a\ud800b'],
      ['number for text', 12345],
      ['1 MB', 'ы'.repeat(600_000)],
    ];
    if (f === 'date') out.push(['30 February', '2026-02-30'], ['year 0', '0000-01-01']);
    if (f === 'date-time') out.push(['24:00', '2026-03-02T24:00:00Z']);
    return out;
  }
  if (t === 'integer' || t === 'number')
    return [
      ['text for a number', '12'],
      ['NUL text', '\u0000'],
    ];
  if (t === 'boolean') return [['text for a boolean', 'yes']];
  if (t === 'array') return [['a string for a list', 'a\u0000']];
  return [];
}

async function fingerprint() {
  const { rows } = await ctx.sql(
    `SELECT (SELECT count(*) FROM ledger_entries)::int AS ledger, (SELECT max(seq) FROM ledger_entries)::int AS seq`,
  );
  return JSON.stringify(rows[0]);
}

const concrete = (path: string) =>
  path
    .replace('{orgId}', path.includes('/cctv/') ? world.orgIds.get('clinic')! : world.subdivision)
    .replace('{role}', 'inspector')
    .replace(/\{[a-zA-Z]+\}/g, randomUUID());

describe('R444-13 R335-3 every write route × hostile values: a coded 4xx, nothing stored changes', () => {
  it('R444-13 R335-3 no 5xx, a coded error in the caller language, and the ledger untouched', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!['post', 'put', 'patch', 'delete'].includes(method) || !schema?.properties) continue;
        const url = concrete(path);
        const base = sample(schema) as Record<string, unknown>;
        // The first caller the route does not refuse outright.
        let caller: ApiClient | undefined;
        for (const c of clients) {
          const probe = await c.request(method.toUpperCase(), url, { ...base, [Object.keys(schema.properties)[0]!]: 'a\u0000' });
          if (probe.statusCode !== 401 && probe.statusCode !== 403) {
            caller = c;
            break;
          }
        }
        if (!caller) continue;
        for (const [field, fieldSchema] of Object.entries(schema.properties)) {
          for (const [what, value] of hostileValues(fieldSchema)) {
            const before = await fingerprint();
            caller.lang = sent % 2 ? 'ru' : 'kk';
            const res = await caller.request(method.toUpperCase(), url, { ...base, [field]: value });
            sent++;
            const body = (() => {
              try {
                return res.json() as { error?: { code?: string; message?: string } };
              } catch {
                return {};
              }
            })();
            const where = `${method.toUpperCase()} ${path} ${field}=${what}`;
            if (res.statusCode < 400 || res.statusCode >= 500) problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 160)}`);
            else if (!/^[a-z_]+\.[a-z0-9_]+$/.test(body.error?.code ?? '') || !body.error?.message)
              problems.push(`${where}: uncoded ${res.body.slice(0, 160)}`);
            else if (/\$t\(|\{\{/.test(body.error.message)) problems.push(`${where}: untranslated ${body.error.message.slice(0, 160)}`);
            if ((await fingerprint()) !== before) problems.push(`${where}: the ledger changed`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  }, 300_000);
});
