import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedDemoRecords } from '../../src/composition/demo.ts';
import { listFindings } from '../../src/video-evidence/continuity/continuity.repository.ts';
import { listRecordings } from '../../src/video-evidence/recordings/recordings.repository.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let org: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const ids = await seedDemo(ctx.deps);
  const t0 = Date.now();
  await seedDemoRecords(ctx.deps, ids, ['video-evidence']);
  console.info(`demo records seeded in ${Date.now() - t0} ms`);
  org = ids.orgIds.get('subdivision')!;
}, 120_000);
afterAll(() => ctx.close());

describe('R444-11 R444-19 R444-14 the demo subdivision shows the evidence path without docking anything', () => {
  it('R444-11 R444-19 R444-14 docked recordings of ВР-004 in its issue, a gap finding and a court package', async () => {
    const recs = (await listRecordings(ctx.deps.db, org)).filter((r) => r.inventoryNumber === 'ВР-004');
    expect(recs).toHaveLength(3);
    expect(recs.every((r) => r.state === 'stored' && r.journalEntryId && r.durationMs)).toBe(true);
    const findings = await listFindings(ctx.deps.db, org);
    expect(findings.filter((f) => f.kind === 'gap')).toHaveLength(1);
    const packages = await ctx.sql('SELECT number, state FROM evidence_packages WHERE organisation_id = $1', [org]);
    expect(packages.rows).toHaveLength(1);
  });
});
