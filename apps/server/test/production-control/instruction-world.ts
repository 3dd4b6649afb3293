import { randomUUID } from 'node:crypto';
import type { OrgRole } from '@baqylau/contracts';
import { DEMO_PASSWORD } from '../../src/composition/demo.ts';
import { createUser } from '../../src/kernel/users/users.usecases.ts';
import { insertMembership } from '../../src/kernel/users/users.repository.ts';
import { SYSTEM_ACTOR } from '../../src/platform/ledger/ledger.types.ts';
import { pcChecklists, pcChecklistVersions } from '../../src/production-control/checklists/checklists.table.ts';
import { pcFacilities, pcUnits } from '../../src/production-control/facilities/facilities.table.ts';
import { pcInspectionItems, pcInspections } from '../../src/production-control/inspections/inspections.table.ts';
import { pcOfficialAppointments } from '../../src/production-control/officials/officials.table.ts';
import { pcViolationEvents, pcViolations } from '../../src/production-control/violations/violations.table.ts';
import type { TestContext } from '../support/test-app.ts';
import { ApiClient, seedWorld } from '../support/world.ts';

/**
 * The demo operator («Шахтинск Көмір») with the people of the production-control cycle, and a
 * facility with two units. Inspections with their violations are written straight into the tables
 * (the inspection itself is another feature): this world starts where an inspection is completed.
 */
export async function seedOperator(ctx: TestContext) {
  const world = await seedWorld(ctx);
  const org = world.orgIds.get('operator')!;
  const db = ctx.deps.db;
  const ids: Record<string, string> = { head: world.userIds.get('operator')! };
  // The demo operator already has some of these people (demo/demo-data.ts); the others are created.
  const person = async (login: string, fullName: string, roles: OrgRole[]) => {
    const demo = world.userIds.get(login);
    const id =
      demo ??
      (await createUser(ctx.deps, SYSTEM_ACTOR, { login, fullName, password: DEMO_PASSWORD, organisationId: org, role: roles[0] })).id;
    for (const r of roles.slice(1)) await insertMembership(db, { userId: id, organisationId: org, role: r });
    ids[login] = id;
  };
  await person('pcservice', 'Жақсылықов Бауыржан Төлеуұлы', ['pc_service_head']);
  await person('pcofficial', 'Мұқанова Айжан Ерланқызы', ['pc_official']);
  await person('pcofficial2', 'Ким Виктор Сергеевич', ['pc_official']);
  await person('unithead1', 'Ержанов Талғат Қайратұлы', ['unit_head']);
  await person('unithead2', 'Смағұлов Арман Бекұлы', ['unit_head']);
  await person('performer1', 'Әбдірахманов Ғалым Серікұлы', ['performer']);
  await person('performer2', 'Ахметова Динара Қайратқызы', ['performer']);
  await person('pcauditor', 'Тұрсынов Бауыржан', ['auditor']);

  const now = ctx.deps.now();
  const facility = randomUUID();
  await db.insert(pcFacilities).values({
    id: facility,
    organisationId: org,
    name: '«Шахтинская» шахтасы',
    registrationNumber: 'ҚӨО-09-0001',
    address: 'Шахтинск қ., Индустриялық к-сі, 1',
    hazardFeatures: ['mining_operations', 'explosives'],
    createdAt: now,
  });
  const unitA = randomUUID();
  const unitB = randomUUID();
  await db.insert(pcUnits).values([
    { id: unitA, organisationId: org, facilityId: facility, name: '№ 1 учаске (тазарту)', headId: ids.unithead1!, createdAt: now },
    { id: unitB, organisationId: org, facilityId: facility, name: 'Желдету учаскесі', headId: ids.unithead2!, createdAt: now },
  ]);
  const checklist = randomUUID();
  const version = randomUUID();
  await db.insert(pcChecklists).values({ id: checklist, organisationId: org, title: 'Шахта тексеру парағы', createdAt: now });
  await db
    .insert(pcChecklistVersions)
    .values({ id: version, organisationId: org, checklistId: checklist, version: 1, status: 'published', questions: [], createdAt: now });
  // R315-3: the officials are appointed by the head's order over this facility (the second one over another).
  for (const [p, facilities] of [
    ['pcofficial', [facility]],
    ['pcservice', [facility]],
    ['pcofficial2', [randomUUID()]],
  ] as const)
    await db.insert(pcOfficialAppointments).values({
      id: randomUUID(),
      organisationId: org,
      personId: ids[p]!,
      position: p === 'pcservice' ? 'service_head' : 'official',
      orderNumber: `ӨБ-${p}`,
      orderDate: '2025-01-10',
      facilityIds: [...facilities],
      unitIds: [],
      validFrom: '2025-01-10',
      appointedBy: ids.head!,
      createdAt: now,
    });

  /** A completed inspection of a unit with its violations (status open, event `found`), as the inspection feature leaves it. */
  const inspection = async (o: {
    unit: string | null;
    completedAt: string;
    violations: { description: string; point: string; onSpot?: boolean; dangerous?: boolean }[];
    status?: 'in_progress' | 'completed';
  }) => {
    const id = randomUUID();
    const at = new Date(o.completedAt);
    await db.insert(pcInspections).values({
      id,
      organisationId: org,
      facilityId: facility,
      unitId: o.unit,
      kind: 'scheduled',
      checklistVersionId: version,
      officialId: ids.pcofficial!,
      status: o.status ?? 'completed',
      startedAt: new Date(at.getTime() - 3 * 3600_000),
      completedAt: o.status === 'in_progress' ? null : at,
      conclusion: 'Бұзушылықтар анықталды, нұсқама беріледі.',
    });
    const violations: string[] = [];
    for (const [n, v] of o.violations.entries()) {
      const item = randomUUID();
      const reference = { act: 'ҚР ТЖМ 2021 ж. № 315 бұйрығы', point: v.point };
      await db.insert(pcInspectionItems).values({
        id: item,
        organisationId: org,
        inspectionId: id,
        position: n + 1,
        source: 'checklist',
        text: v.description,
        reference,
        severity: v.dangerous ? 'critical' : 'major',
        outcome: 'violation',
        hasViolation: true,
        answeredAt: at,
        answeredBy: ids.pcofficial!,
      });
      const vid = randomUUID();
      await db.insert(pcViolations).values({
        id: vid,
        organisationId: org,
        inspectionId: id,
        itemId: item,
        facilityId: facility,
        unitId: o.unit,
        description: v.description,
        reference,
        severity: v.dangerous ? 'critical' : 'major',
        dangerous: v.dangerous ?? false,
        eliminatedOnSpot: v.onSpot ?? false,
        status: v.onSpot ? 'verified' : 'open',
        foundAt: at,
      });
      await db.insert(pcViolationEvents).values({
        id: randomUUID(),
        organisationId: org,
        violationId: vid,
        kind: v.onSpot ? 'eliminated_on_spot' : 'found',
        at,
        actorId: ids.pcofficial!,
      });
      violations.push(vid);
    }
    return { id, violations };
  };

  const clients = new Map<string, ApiClient>();
  const as = async (login: string) => {
    const known = clients.get(login);
    if (known) return known;
    const c = new ApiClient(ctx);
    const res = await c.login(login);
    if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
    clients.set(login, c);
    return c;
  };
  const base = `/api/v1/organisations/${org}/production-control`;
  return { world, org, ids, facility, unitA, unitB, inspection, as, base };
}
export type OperatorWorld = Awaited<ReturnType<typeof seedOperator>>;
