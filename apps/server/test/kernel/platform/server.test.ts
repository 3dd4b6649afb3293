import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';
import { openPglite } from '../../../src/db/database.ts';
import { DataDirInUseError, lockDataDir } from '../../../src/db/data-dir-lock.ts';
import { spawn } from 'node:child_process';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('server basics', () => {
  it('GET /healthz names the database engine', async () => {
    const res = await ctx.app.inject({ url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', database: ctx.deps.engine });
  });

  it('serves the OpenAPI document with a schema for every route', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const [p, ops] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
      for (const [m, op] of Object.entries(ops))
        expect(op.responses['200'] ?? op.responses['201'] ?? op.responses['204'], `${m} ${p}`).toBeDefined();
    }
    expect((await ctx.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('an unknown API address is a coded 404 in the caller language', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/nope', headers: { 'accept-language': 'ru-KZ,ru;q=0.9' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'route.not_found', message: 'Адрес не найден: GET /api/v1/nope.' });
  });
});

describe('configuration', () => {
  it('has documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, databaseUrl: undefined, sessionTtlHours: 12 });
    expect(c.dataDir).toBe(path.resolve('./data'));
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty" must be a whole number/],
    [{ PORT: '70000' }, /PORT="70000" must be between 1 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL="mysql:\/\/x" must start with postgres: or postgresql:/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses invalid %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('the CLI stops start-up with a coded message naming the variable, in BAQYLAU_LANG (kk by default)', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: 'abc' };
    delete env.BAQYLAU_LANG;
    const said = async (lang?: string) => {
      const err = await run('node', [BIN, 'serve'], { env: lang ? { ...env, BAQYLAU_LANG: lang } : env }).catch((e) => e);
      expect(err.code).toBe(2);
      return err.stderr as string;
    };
    expect(await said('en')).toContain('config.invalid_value: Invalid configuration: PORT="abc" must be a whole number');
    expect(await said('ru')).toContain('config.invalid_value: Недопустимая настройка: PORT="abc" — должно быть целым числом');
    expect(await said()).toContain('config.invalid_value: Баптау жарамсыз: PORT="abc" — бүтін сан болуы керек');
  });

  it('storage migrate names a wrong target or a missing bucket, coded and translated', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, STORAGE: 'fs', S3_BUCKET: '' };
    const target = await run('node', [BIN, 'storage', 'migrate', '--to', 'fs'], { env: { ...env, BAQYLAU_LANG: 'ru' } }).catch((e) => e);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('cli.migrate_target_unknown: --to fs: хранилище можно перенести только в s3');
    const bucket = await run('node', [BIN, 'storage', 'migrate', '--to', 's3'], { env: { ...env, BAQYLAU_LANG: 'kk' } }).catch((e) => e);
    expect(bucket.code).toBe(2);
    expect(bucket.stderr).toContain('cli.migrate_bucket_missing: Мақсатты бакетті S3_BUCKET баптауында көрсетіңіз');
  });
});

describe('embedded database folder', () => {
  it('a second opener of a PGlite folder in use gets a clear error, not corruption', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-lock-'));
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(DataDirInUseError);
    await expect(openPglite(dir)).rejects.toThrow(/in use by another Baqylau process/);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000); // PGlite's first start runs initdb: slow on a loaded machine

  it('a folder locked by a process that was killed is taken over at once; a live holder still refuses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-lock-'));
    const lockModule = path.resolve(import.meta.dirname, '../../../src/db/data-dir-lock.ts');
    const holder = spawn(
      'node',
      [
        '--import',
        'tsx',
        '-e',
        `import(${JSON.stringify(lockModule)}).then((m) => m.lockDataDir(${JSON.stringify(dir)})).then(() => { console.log('locked'); setInterval(() => {}, 1000); })`,
      ],
      { cwd: path.resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    const release = await lockDataDir(dir); // no wait for the 60 s stale limit
    await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
    await release();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
