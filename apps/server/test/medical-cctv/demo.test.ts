import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, seedDemoRecords } from '../../src/composition/demo.ts';
import { buildComplianceReport } from '../../src/medical-cctv/compliance/complianceReport.ts';
import { listRequests } from '../../src/medical-cctv/access-requests/access-requests.repository.ts';
import { listPlaces } from '../../src/medical-cctv/premises/premises.repository.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let clinic: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const ids = await seedDemo(ctx.deps);
  await seedDemoRecords(ctx.deps, ids, ['medical-cctv']);
  clinic = ids.orgIds.get('clinic')!;
});
afterAll(() => ctx.close());

describe('R335-2 R335-6 R335-8-1 R335-3 the demo clinic shows every state a user should see', () => {
  it('R335-6 R335-8-1 compliant cameras, one without its sign and one whose blood-draw room lost its patient consent', async () => {
    const r = await buildComplianceReport(ctx.deps, clinic);
    expect(r.careTypes).toEqual(['outpatient', 'inpatient']);
    const broken = Object.fromEntries(
      r.cameras.filter((c) => !c.compliant).map((c) => [c.camera.number, c.findings.map((f) => f.finding)]),
    );
    expect(broken).toEqual({ 'К-03': ['sign_missing'], 'К-05': ['consent_basis_missing'] });
    expect(r.compliant).toBe(r.total - 2);
    expect(r.cameras.every((c) => c.camera.planX !== null || c.place.kind === 'perimeter')).toBe(true);
  });

  it('R335-2 two floors with plans, rooms the rules forbid kept without cameras, a mobile medical complex', async () => {
    const places = await listPlaces(ctx.deps.db, clinic);
    expect(places.filter((p) => p.kind === 'floor' && p.planSha256)).toHaveLength(2);
    expect(places.some((p) => p.kind === 'vehicle')).toBe(true);
    expect(places.filter((p) => ['toilet', 'shower', 'procedure', 'operating_block'].includes(p.roomType ?? ''))).toHaveLength(4);
  });

  it('R335-3 one application waits for its hold to be confirmed, another for the head’s decision', async () => {
    const states = (await listRequests(ctx.deps.db, clinic)).map((r) => r.state).sort();
    expect(states).toEqual(['hold_confirmed', 'received']);
  });
});
