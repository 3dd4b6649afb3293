import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.ts';
import { buildRuntime } from '../../../src/composition/runtime.ts';
import { createOrganisation } from '../../../src/kernel/organisations/organisations.usecases.ts';
import { SYSTEM_ACTOR } from '../../../src/platform/ledger/ledger.types.ts';
import { signAllCheckpoints } from '../../../src/platform/ledger/checkpoints.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../../bin/baqylau.mjs');
let dataDir: string;
let orgId: string;

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof buildRuntime>>) => Promise<T>) {
  const rt = await buildRuntime(loadConfig({ DATA_DIR: dataDir }));
  try {
    return await fn(rt);
  } finally {
    await rt.database.close();
  }
}

const verify = (lang = 'en') =>
  run('node', [BIN, 'ledger', 'verify', '--data-dir', dataDir], { env: { ...process.env, BAQYLAU_LANG: lang } }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e) => ({ code: e.code as number, out: e.stdout as string }),
  );

describe('R444-13 baqylau ledger verify on the command line', () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-cli-'));
    await withRuntime(async ({ deps }) => {
      for (const [nameKk, bin] of [
        ['Бірінші бөлімше', '990340001230'],
        ['Екінші бөлімше', '051240004566'],
        ['Үшінші бөлімше', '180540007892'],
      ]) {
        const o = await createOrganisation(deps, SYSTEM_ACTOR, {
          type: 'territorial_subdivision',
          nameKk: nameKk!,
          nameRu: nameKk!,
          bin: bin!,
        });
        orgId = o.id;
      }
      await signAllCheckpoints(deps.db, deps.instanceKey, deps.now());
    });
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 and prints OK for every chain when nothing was touched', async () => {
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.out.match(/^OK /gm)).toHaveLength(3);
  });

  it('exits 1 and names the first bad entry after a direct edit', async () => {
    await withRuntime(async ({ database }) => {
      await database.pglite!.exec(`SET session_replication_role = replica;
        UPDATE ledger_entries SET payload = jsonb_set(payload::jsonb, '{nameKk}', '"Өзгертілген"')::text WHERE organisation_id = '${orgId}' AND seq = 1;
        SET session_replication_role = origin;`);
    });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAIL ${orgId}  first bad entry: seq 1`);
    expect(r.out).toContain("The entry's content was changed");
    expect((await verify('kk')).out).toContain('Жазбаның мазмұны өзгертілген'); // BAQYLAU_LANG names the CLI's language
  });
});
