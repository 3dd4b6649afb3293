import { randomUUID } from 'node:crypto';
import type { ChecklistQuestion, OrgRole } from '@baqylau/contracts';
import { DEMO_PASSWORD } from '../../src/composition/demo.ts';
import { createUser } from '../../src/kernel/users/users.usecases.ts';
import { SYSTEM_ACTOR } from '../../src/platform/ledger/ledger.types.ts';
import { pcChecklistVersions, pcChecklists } from '../../src/production-control/checklists/checklists.table.ts';
import { pcFacilities, pcUnits } from '../../src/production-control/facilities/facilities.table.ts';
import { pcOfficialAppointments } from '../../src/production-control/officials/officials.table.ts';
import { pcScheduleItems, pcSchedules } from '../../src/production-control/schedule/schedule.table.ts';
import type { TestContext } from '../support/test-app.ts';
import { ApiClient, seedWorld } from '../support/world.ts';

export const QUESTIONS: ChecklistQuestion[] = [
  {
    id: 'q1',
    text: 'Қысымдағы жабдық тіркелген және куәландырылған',
    reference: { act: 'ҚР ТЖМ 2021 ж. 30 желтоқсандағы № 286 бұйрығы', point: '12' },
    severity: 'major',
  },
  {
    id: 'q2',
    text: 'Сақтандырғыш клапандар жұмысқа жарамды',
    reference: { act: 'ҚР ТЖМ 2021 ж. 30 желтоқсандағы № 286 бұйрығы', point: '45' },
    severity: 'critical',
  },
  {
    id: 'q3',
    text: 'Персонал оқытудан және білімін тексеруден өткен',
    reference: { act: 'Азаматтық қорғау туралы Заң', point: '16-бап' },
    severity: 'minor',
  },
];

/**
 * The demo operator («Шахтинск Көмір») with its first head signed in, plus production-control people
 * created here (an appointed official, one without an appointment, the service's head, a unit head),
 * and helpers that write setup rows straight into the tables (the setup routes are another feature's).
 */
export async function seedOperator(ctx: TestContext) {
  const world = await seedWorld(ctx);
  const org = world.orgIds.get('operator')!;
  const db = ctx.deps.db;
  const now = () => ctx.clock.now;
  const person = async (login: string, fullName: string, role: OrgRole) => {
    const u = await createUser(ctx.deps, SYSTEM_ACTOR, { login, fullName, password: DEMO_PASSWORD, organisationId: org, role });
    const c = new ApiClient(ctx);
    const res = await c.login(login);
    if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.body}`);
    return { id: u.id, c };
  };
  const head = await world.as('operator');
  const headId = world.userIds.get('operator')!;
  const official = await person('pc-official', 'Жұмабаев Ерлан Серікұлы', 'pc_official');
  const stranger = await person('pc-official2', 'Омаров Нұрлан Асқарұлы', 'pc_official');
  const serviceHead = await person('pc-service', 'Ахметова Гүлнар Маратқызы', 'pc_service_head');
  const unitHead = await person('pc-unit', 'Сейітов Бауыржан Қайратұлы', 'unit_head');

  const facility = async (name: string, registrationNumber: string) => {
    const id = randomUUID();
    await db.insert(pcFacilities).values({
      id,
      organisationId: org,
      name,
      registrationNumber,
      address: 'Қарағанды обл., Шахтинск қ.',
      hazardFeatures: ['mining_operations', 'pressure_equipment'],
      safeOperationConditions: 'Шахта атмосферасын үздіксіз газ бақылау; метан 1% жоғары болса жұмыс тоқтатылады.',
      createdAt: now(),
    });
    return id;
  };
  const unit = async (facilityId: string, name: string) => {
    const id = randomUUID();
    await db.insert(pcUnits).values({ id, organisationId: org, facilityId, name, headId: unitHead.id, createdAt: now() });
    return id;
  };
  const appoint = async (personId: string, facilityIds: string[], o: { unitIds?: string[]; validTo?: string } = {}) =>
    db.insert(pcOfficialAppointments).values({
      id: randomUUID(),
      organisationId: org,
      personId,
      position: 'official',
      orderNumber: `ӨБ-${Math.floor(Math.random() * 1e6)}`,
      orderDate: '2026-01-10',
      facilityIds,
      unitIds: o.unitIds ?? [],
      validFrom: '2026-01-10',
      validTo: o.validTo ?? null,
      appointedBy: headId,
      createdAt: now(),
    });
  const checklist = async (title: string, purpose: 'inspection' | 'comprehensive_programme' = 'inspection') => {
    const id = randomUUID();
    await db.insert(pcChecklists).values({ id, organisationId: org, title, purpose, createdAt: now() });
    return id;
  };
  const version = async (checklistId: string, n: number, questions: ChecklistQuestion[], status: 'draft' | 'published' = 'published') => {
    const id = randomUUID();
    await db.insert(pcChecklistVersions).values({
      id,
      organisationId: org,
      checklistId,
      version: n,
      status,
      questions,
      publishedBy: status === 'published' ? headId : null,
      publishedAt: status === 'published' ? now() : null,
      createdAt: now(),
    });
    return id;
  };
  let revision = 0;
  const schedule = async (status: 'draft' | 'approved' = 'approved') => {
    const id = randomUUID();
    await db.insert(pcSchedules).values({
      id,
      organisationId: org,
      year: 2026,
      revision: ++revision,
      status,
      approvedBy: status === 'approved' ? headId : null,
      approvedAt: status === 'approved' ? now() : null,
      createdAt: now(),
    });
    return id;
  };
  const scheduleItem = async (
    scheduleId: string,
    i: { facilityId: string; unitId?: string; checklistId: string; kind?: 'scheduled' | 'comprehensive'; officialId?: string },
  ) => {
    const id = randomUUID();
    await db.insert(pcScheduleItems).values({
      id,
      organisationId: org,
      scheduleId,
      facilityId: i.facilityId,
      unitId: i.unitId ?? null,
      kind: i.kind ?? 'scheduled',
      plannedOn: '2026-03-02',
      checklistId: i.checklistId,
      responsibleOfficialId: i.officialId ?? official.id,
    });
    return id;
  };
  const base = `/api/v1/organisations/${org}/production-control`;
  return {
    world,
    org,
    base,
    head,
    headId,
    official,
    stranger,
    serviceHead,
    unitHead,
    facility,
    unit,
    appoint,
    checklist,
    version,
    schedule,
    scheduleItem,
  };
}
export type OperatorWorld = Awaited<ReturnType<typeof seedOperator>>;

/** Answers every unanswered item of an inspection compliant (re-check items: eliminated confirmed). */
export async function answerRest(c: ApiClient, base: string, inspectionId: string) {
  const i = (await c.get(`${base}/inspections/${inspectionId}`)).json() as {
    items: { id: string; source: string; outcome: string | null }[];
  };
  for (const it of i.items.filter((x) => !x.outcome)) {
    const res = await c.post(`${base}/inspections/${inspectionId}/items/${it.id}/answer`, {
      outcome: it.source === 'recheck' ? 'eliminated_confirmed' : 'compliant',
    });
    if (res.statusCode !== 200) throw new Error(`answer: ${res.body}`);
  }
}
