import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { seedDemo, seedDemoRecords } from '../../src/composition/demo.ts';
import { buildRuntime } from '../../src/composition/runtime.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/baqylau.mjs');
let dataDir: string;
let union = '';

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof buildRuntime>>) => Promise<T>) {
  const rt = await buildRuntime(loadConfig({ DATA_DIR: dataDir }));
  try {
    return await fn(rt);
  } finally {
    await rt.database.close();
  }
}

const verify = () =>
  run('node', [BIN, 'ledger', 'verify', '--data-dir', dataDir, '--org', union]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e) => ({ code: e.code as number, out: e.stdout as string }),
  );

describe('RC-19 baqylau ledger verify checks the competition’s reviews against the ledger', () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-competition-cli-'));
    await withRuntime(async ({ deps }) => {
      const ids = await seedDemo(deps);
      await seedDemoRecords(deps, ids, ['ohs-competition']);
      union = ids.orgIds.get('union')!;
    });
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('RC-19 the demo union verifies; a review row edited with triggers off is reported with its number and field, and the exit code is 1', async () => {
    const clean = await verify();
    expect(clean.out).toContain(`OK   ${union}`);
    expect(clean.code).toBe(0);
    const reviewId = await withRuntime(async ({ database }) => {
      const res = await database.pglite!.query<{ id: string }>(
        `SELECT id FROM competition_reviews WHERE reason <> '' ORDER BY seq LIMIT 1`,
      );
      const id = res.rows[0]!.id;
      await database.pglite!.exec(`SET session_replication_role = replica;
        UPDATE competition_reviews SET accepted_count = accepted_count + 1 WHERE id = '${id}';
        SET session_replication_role = origin;`);
      return id;
    });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(`FAIL ${union}  competition_reviews № \\d+ \\(${reviewId}\\): field acceptedCount differs from the ledger`),
    );
  }, 120_000);
});
