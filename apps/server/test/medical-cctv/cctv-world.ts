import type { RoomType } from '@baqylau/contracts';
import type { TestContext } from '../support/test-app.ts';
import { seedWorld } from '../support/world.ts';

/** The demo clinic with its head and person in charge of CCTV signed in, and helpers to build its premises. */
export async function seedClinic(ctx: TestContext) {
  const world = await seedWorld(ctx);
  const clinic = world.orgIds.get('clinic')!;
  const head = await world.as('clinic');
  const officer = await world.as('cctv');
  const base = `/api/v1/organisations/${clinic}/cctv`;
  const place = async (kind: string, name: string, parentId?: string, roomType?: RoomType) => {
    const res = await officer.post(`${base}/places`, { kind, name, parentId, roomType });
    if (res.statusCode !== 201) throw new Error(`place ${name}: ${res.body}`);
    return res.json().id as string;
  };
  const camera = (number: string, placeId: string, extra: Record<string, unknown> = {}) =>
    officer.post(`${base}/cameras`, {
      number,
      placeId,
      coverage: 'the whole room and its door',
      controlObjects: ['patients'],
      installedOn: '2026-02-20',
      ...extra,
    });
  return { world, clinic, head, officer, base, place, camera };
}
