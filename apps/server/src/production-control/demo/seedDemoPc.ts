import { Readable } from 'node:stream';
import type { ItemOutcome } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import type { DemoIds } from '../../kernel/demo/demo.types.ts';
import { createChecklist, publishVersion } from '../checklists/checklists.usecases.ts';
import { registerFacility } from '../facilities/facilities.usecases.ts';
import { addUnit } from '../facilities/units.usecases.ts';
import { answerItem, type ItemAnswer } from '../inspections/answer-item.usecases.ts';
import { completeInspection } from '../inspections/complete-inspection.usecases.ts';
import { itemsOf } from '../inspections/inspections.repository.ts';
import { startScheduledInspection } from '../inspections/start-inspection.usecases.ts';
import { addMeasureEvidence, reportMeasureDone, verifyElimination } from '../instructions/closure.usecases.ts';
import { answerDeadline } from '../instructions/deadlines.usecases.ts';
import { itemsOfInstruction } from '../instructions/instructions.repository.ts';
import { issueActAndInstruction, type NewInstructionItem } from '../instructions/issueInstruction.ts';
import { appointOfficial } from '../officials/officials.usecases.ts';
import { addItem, approveSchedule, createSchedule } from '../schedule/schedule.usecases.ts';
import { DEMO_CHECKLIST_TITLE, DEMO_QUESTIONS } from './demo-checklist.ts';
import { measurePhotoPng } from './demo-photo.ts';
import { seedDemoOffline } from './seedDemoOffline.ts';
import { seedDemoReports } from './seedDemoReports.ts';
import { seedDemoAccident, seedDemoTraining, type RegisterPlaces } from './seedDemoAccidents.ts';
import { seedDemoCapa } from './seedDemoCapa.ts';
import { seedDemoRegisters } from './seedDemoRegisters.ts';
import { seedDemoDocuments } from './seedDemoDocuments.ts';
import { seedDemoNotices } from './seedDemoNotices.ts';

type Who = { kind: 'user'; id: string };

/**
 * The demo operator («Шахтинск Көмір» ЖШС), its production control lived through the use cases over the
 * last three months: a mine and a coal preparation plant, their units, the officials appointed by the
 * first head's order, a published checklist, the approved schedule (lines done, one overdue, lines
 * upcoming), four completed inspections with their journal entries, acts and instructions, and
 * violations in every state — open, overdue, measure reported with a photo, verified, eliminated on
 * the spot, re-checked — a deadline disputed before the first head and a pending suspension proposal.
 * Each step runs on a clock set to its day (relative to deps.now()), so every rule is checked as it
 * would have been that day and the demo always looks current.
 */
export async function seedDemoPc(deps: AppDeps, { orgIds, userIds }: DemoIds) {
  const org = orgIds.get('operator')!;
  const user = (login: string): Who => ({ kind: 'user', id: userIds.get(login)! });
  const [head, service, official, unitHead1, unitHead2, performer] = [
    'operator',
    'pcservice',
    'pcofficial',
    'unithead1',
    'unithead2',
    'performer',
  ].map(user) as [Who, Who, Who, Who, Who, Who];
  const now = deps.now().getTime();
  /** The calendar day `n` days from today (negative: past). */
  const day = (n: number) => dateInZone(new Date(now + n * 86_400_000));
  /** The use cases' dependencies with the clock at `hour` o'clock, `n` days ago. */
  const on = (n: number, hour = 10): AppDeps => {
    const at = new Date(startOfDayInZone(day(-n)).getTime() + hour * 3_600_000);
    return { ...deps, now: () => at };
  };

  // 90 days ago: the register of facilities and units, the officials appointed by the first head's order.
  const d90 = on(90);
  const mine = await registerFacility(d90, service, org, {
    name: '«Шахтинская» шахтасы',
    registrationNumber: '35-ҚӨО-000147',
    address: 'Қарағанды облысы, Шахтинск қ., Индустриялық к-сі, 1',
    hazardFeatures: ['mining_operations', 'explosives', 'lifting_machinery', 'pressure_equipment'],
    safeOperationConditions:
      'Кен қазбаларындағы метан мөлшері 1 %-дан аспайды, асса — жұмыс тоқтатылып, адамдар шығарылады; басты желдеткіш ' +
      'қондырғы үздіксіз жұмыс істейді; жер астына әр адам өздігінен құтқарғышпен және шамшырақпен түседі; жарылыс ' +
      'жұмыстары тек бекітілген паспорт бойынша жүргізіледі.',
    commissionedOn: '1973-12-28',
  });
  const plant = await registerFacility(d90, service, org, {
    name: '«Тентек» көмір байыту фабрикасы',
    registrationNumber: '35-ҚӨО-000152',
    address: 'Қарағанды облысы, Шахтинск қ., Шахан кенті, Тентек к-сі, 12',
    hazardFeatures: ['pressure_equipment', 'lifting_machinery', 'hazardous_substances'],
    safeOperationConditions:
      'Кептіру барабанының қазандығы мен бу құбырлары жарамды сақтандырғыш клапандармен ғана жұмыс істейді; көмір ' +
      'шаңының жиналуына жол берілмейді, аспирация жүйесі қосулы; көпір крандары куәландыру мерзімі өтсе тоқтатылады.',
    commissionedOn: '1985-09-15',
  });
  const longwall = await addUnit(d90, service, org, mine.id, { name: '№ 3 тазарту учаскесі', headId: unitHead1.id });
  const ventilation = await addUnit(d90, service, org, mine.id, { name: 'Желдету және газ бақылау учаскесі', headId: unitHead2.id });
  const washery = await addUnit(d90, service, org, plant.id, { name: 'Байыту цехы', headId: unitHead2.id });
  const scope = { facilityIds: [mine.id, plant.id], unitIds: [], orderDate: day(-90), validFrom: day(-90) };
  await appointOfficial(d90, head, org, { personId: service.id, position: 'service_head', orderNumber: '45-ө', ...scope });
  await appointOfficial(d90, head, org, { personId: official.id, position: 'official', orderNumber: '46-ө', ...scope });

  // 88 days ago: the checklist, published by the service's head.
  const d88 = on(88);
  const checklist = await createChecklist(d88, service, org, {
    title: DEMO_CHECKLIST_TITLE,
    purpose: 'inspection',
    questions: DEMO_QUESTIONS,
  });
  await publishVersion(d88, service, org, checklist.checklist.id, 1, false);

  // 86–70 days ago: an accident on the longwall, its investigation and extraordinary inspection (R315-4, R315-8).
  const registers: RegisterPlaces = {
    org,
    mine: mine.id,
    longwall: longwall.id,
    plant: plant.id,
    washery: washery.id,
    checklistId: checklist.checklist.id,
    head,
    service,
    official,
    performerId: performer.id,
  };
  await seedDemoAccident(deps, registers);

  // 85 days ago: the schedule (a year's lines in its own year's schedule), approved by the first head.
  const d85 = on(85);
  const lines = [
    { key: 'longwall-1', facilityId: mine.id, unitId: longwall.id, in: -75, by: official },
    { key: 'ventilation-1', facilityId: mine.id, unitId: ventilation.id, in: -60, by: service },
    { key: 'longwall-2', facilityId: mine.id, unitId: longwall.id, in: -30, by: official },
    { key: 'washery-1', facilityId: plant.id, unitId: washery.id, in: -20, by: official },
    { key: 'plant-overdue', facilityId: plant.id, unitId: null, in: -10, by: official },
    { key: 'longwall-3', facilityId: mine.id, unitId: longwall.id, in: 12, by: official },
    { key: 'ventilation-2', facilityId: mine.id, unitId: ventilation.id, in: 2, by: official },
    { key: 'washery-2', facilityId: plant.id, unitId: washery.id, in: 40, by: official },
    { key: 'ventilation-3', facilityId: mine.id, unitId: ventilation.id, in: 4, by: official },
  ];
  const schedules = new Map<number, string>();
  const lineIds = new Map<string, string>();
  for (const l of lines) {
    const plannedOn = day(l.in);
    const year = Number(plannedOn.slice(0, 4));
    if (!schedules.has(year)) schedules.set(year, (await createSchedule(d85, service, org, year)).id);
    const row = await addItem(d85, service, org, schedules.get(year)!, {
      facilityId: l.facilityId,
      unitId: l.unitId,
      kind: 'scheduled',
      plannedOn,
      checklistId: checklist.checklist.id,
      responsibleOfficialId: l.by.id,
    });
    lineIds.set(l.key, row.id);
  }
  for (const id of schedules.values()) await approveSchedule(d85, head, org, id);

  /** An inspection of a schedule line on its day: answers by question id (the rest compliant, re-checks confirmed). */
  const inspect = async (
    line: string,
    daysAgo: number,
    by: Who,
    answers: Record<string, ItemAnswer>,
    conclusion: string,
    recheck: (text: string) => ItemOutcome = () => 'eliminated_confirmed',
  ) => {
    const d = on(daysAgo, 9);
    const inspection = await startScheduledInspection(d, by, org, { scheduleItemId: lineIds.get(line)! });
    const found = new Map<string, string>();
    for (const item of await itemsOf(d.db, inspection.id)) {
      const a =
        item.source === 'recheck' ? { outcome: recheck(item.text) } : (answers[item.questionId!] ?? { outcome: 'compliant' as const });
      const { violation } = await answerItem(on(daysAgo, 11), by, org, inspection.id, item.id, a);
      if (violation && item.questionId) found.set(item.questionId, violation.id);
    }
    await completeInspection(on(daysAgo, 15), by, org, inspection.id, { conclusion });
    return { id: inspection.id, found };
  };
  const issue = async (daysAgo: number, by: Who, inspectionId: string, items: NewInstructionItem[]) =>
    issueActAndInstruction(on(daysAgo, 16), by, org, inspectionId, { issuedOn: day(-daysAgo), items });
  const agree = async (daysAgo: number, unitHead: Who, instructionId: string, itemIds: string[]) => {
    for (const itemId of itemIds) await answerDeadline(on(daysAgo, 10), unitHead, org, instructionId, itemId, { agree: true });
  };
  const photo = measurePhotoPng();
  const reportWithPhoto = async (daysAgo: number, instructionId: string, itemId: string, fileName: string, note: string) => {
    const stored = await deps.store.put(Readable.from([photo]));
    await addMeasureEvidence(on(daysAgo, 14), performer, org, instructionId, itemId, { ...stored, mime: 'image/png', fileName });
    await reportMeasureDone(on(daysAgo, 14), performer, org, instructionId, itemId, { note });
  };
  const itemOf = async (instructionId: string, violationId: string) => {
    return (await itemsOfInstruction(deps.db, instructionId)).find((i) => i.violationId === violationId)!.id;
  };

  // 75 days ago: the longwall — a ventilation shortfall, a crane past its examination, a conveyor guard fixed on the spot.
  const first = await inspect(
    'longwall-1',
    75,
    official,
    {
      ventilation: {
        outcome: 'violation',
        description: '№ 3-12 тазарту қазбасына берілетін ауа мөлшері есептік мөлшерден 18 %-ға аз (өлшеу 11.2 м³/с)',
      },
      lifting: {
        outcome: 'violation',
        description: 'ЛВД-24 жүк көтергіш шығырының техникалық куәландыру мерзімі өтіп кеткен',
      },
      'conveyor-guards': {
        outcome: 'violation',
        description: '2ЛТ-100 конвейер жетегінің қоршауы шешіліп тұр',
        eliminatedOnSpot: true,
        note: 'Тексеру кезінде учаске механигі қоршауды орнына қойды',
      },
    },
    'Үш бұзушылық анықталды, біреуі орнында жойылды; қалғандары бойынша нұсқама беріледі.',
  );
  const n1 = await issue(74, official, first.id, [
    {
      violationId: first.found.get('ventilation')!,
      measure: 'Желдету құбырының саңылауларын бітеу, ауа мөлшерін қайта өлшеп, журналға енгізу',
      performerId: performer.id,
      deadline: day(-60),
    },
    {
      violationId: first.found.get('lifting')!,
      measure: 'Шығырды жұмыстан шығару, техникалық куәландыруды ұйымдастыру',
      performerId: performer.id,
      deadline: day(-45),
    },
  ]);
  const n1Items = [
    await itemOf(n1.instruction!.id, first.found.get('ventilation')!),
    await itemOf(n1.instruction!.id, first.found.get('lifting')!),
  ];
  await agree(73, unitHead1, n1.instruction!.id, n1Items);
  await reportWithPhoto(62, n1.instruction!.id, n1Items[0]!, 'zheldetu-kubyry.png', 'Құбыр жөнделді, ауа мөлшері 13.8 м³/с');
  await verifyElimination(on(61), official, org, n1.instruction!.id, n1Items[0]!, { accept: true, note: 'Орнында өлшенді, нормада' });

  // 60 days ago: the ventilation unit, nothing found — an act alone.
  const clean = await inspect('ventilation-1', 60, service, {}, 'Бұзушылықтар анықталған жоқ.');
  await issue(59, service, clean.id, []);

  // 30 days ago: the longwall again — the earlier findings re-checked (the crane still not examined), two new ones.
  const second = await inspect(
    'longwall-2',
    30,
    official,
    {
      training: {
        outcome: 'violation',
        description: 'Учаскенің 4 жұмысшысы өнеркәсіптік қауіпсіздік бойынша білімін тексеруден мерзімінде өтпеген',
      },
      'conveyor-guards': {
        outcome: 'violation',
        description: '2ЛТ-100 конвейерінің апаттық тоқтату тросы 40 м бойы үзілген',
      },
    },
    'Бұрынғы бұзушылықтардың жойылуы тексерілді, шығыр әлі куәландырылмаған; екі жаңа бұзушылық бойынша нұсқама беріледі.',
    (text) => (text.includes('ЛВД-24') ? 'reopened' : 'eliminated_confirmed'),
  );
  const n2 = await issue(29, official, second.id, [
    {
      violationId: second.found.get('training')!,
      measure: 'Жұмысшыларды емтихан комиссиясында білімін тексеруге жіберу, хаттаманы ұсыну',
      performerId: unitHead1.id,
      deadline: day(10),
    },
    {
      violationId: second.found.get('conveyor-guards')!,
      measure: 'Апаттық тоқтату тросын ауыстыру, тоқтату ажыратқыштарының жұмысын тексеру',
      performerId: performer.id,
      deadline: day(-5),
    },
  ]);
  const n2Items = [
    await itemOf(n2.instruction!.id, second.found.get('training')!),
    await itemOf(n2.instruction!.id, second.found.get('conveyor-guards')!),
  ];
  await agree(28, unitHead1, n2.instruction!.id, n2Items);
  await reportWithPhoto(6, n2.instruction!.id, n2Items[1]!, 'avariyalyq-tros.png', 'Трос ауыстырылды, ажыратқыштар тексерілді');

  // 20 days ago: the preparation plant — a dangerous finding (suspension proposed), a disputed deadline, one fixed and verified.
  const third = await inspect(
    'washery-1',
    20,
    official,
    {
      'safety-valves': {
        outcome: 'violation',
        description: 'Кептіру барабаны қазандығының екі сақтандырғыш клапаны пломбасыз, біреуі іске қосылу қысымына реттелмеген',
        dangerous: true,
      },
      lifting: {
        outcome: 'violation',
        description: '№ 2 көпір кранының (Q = 10 т) техникалық куәландыру мерзімі өткен',
      },
      'conveyor-guards': {
        outcome: 'violation',
        description: '№ 7 таспалы конвейердің керу барабанының қоршауы жоқ',
        eliminatedOnSpot: true,
        note: 'Қоршау тексеру кезінде орнатылды',
      },
      journal: {
        outcome: 'violation',
        description: 'Цехта өндірістік бақылау журналына соңғы нұсқаманың орындалуы енгізілмеген',
      },
    },
    'Өмірге қауіпті бұзушылық анықталды: қазандық жұмысын тоқтата тұру ұсынылды. Нұсқама беріледі.',
  );
  const n3 = await issue(19, official, third.id, [
    {
      violationId: third.found.get('safety-valves')!,
      measure: 'Сақтандырғыш клапандарды стендте реттеу, пломбалау, қазандықты іске қосар алдында тексеру',
      performerId: performer.id,
      deadline: day(5),
    },
    {
      violationId: third.found.get('lifting')!,
      measure: 'Кранды жұмыстан шығару, техникалық куәландыруды мамандандырылған ұйыммен жүргізу',
      performerId: performer.id,
      deadline: day(2),
    },
    {
      violationId: third.found.get('journal')!,
      measure: 'Журналға нұсқаманың орындалуын енгізу',
      performerId: unitHead2.id,
      deadline: day(-12),
    },
  ]);
  const n3Items = await Promise.all(['safety-valves', 'lifting', 'journal'].map((q) => itemOf(n3.instruction!.id, third.found.get(q)!)));
  await agree(18, unitHead2, n3.instruction!.id, [n3Items[0]!, n3Items[2]!]);
  await answerDeadline(on(18, 11), unitHead2, org, n3.instruction!.id, n3Items[1]!, {
    agree: false,
    proposedDeadline: day(35),
    reason: 'Куәландыруды жүргізетін мамандандырылған ұйымның жақын бос күні — келесі айда; кран оған дейін тоқтатылған',
  });
  const journalPhoto = await deps.store.put(Readable.from([photo]));
  await addMeasureEvidence(on(14), unitHead2, org, n3.instruction!.id, n3Items[2]!, {
    ...journalPhoto,
    mime: 'image/png',
    fileName: 'zhurnal-bet.png',
  });
  await reportMeasureDone(on(14), unitHead2, org, n3.instruction!.id, n3Items[2]!, {
    note: 'Журналға енгізілді, беттің суреті қоса берілді',
  });
  await verifyElimination(on(13), official, org, n3.instruction!.id, n3Items[2]!, { accept: true });

  await seedDemoReports(deps, org, official, head);
  // Issue 18: this morning's washery inspection, synced from the field and still in progress.
  await seedDemoOffline(deps, org, official, unitHead2, lineIds.get('washery-2')!);
  // R315-21: corrective and preventive actions over these violations, and proposals for next year's plan.
  await seedDemoCapa(
    deps,
    org,
    { head, service, official, unitHead1, unitHead2, performer },
    { ventilation: first.found.get('ventilation')!, training: second.found.get('training')!, valves: third.found.get('safety-valves')! },
  );
  await seedDemoRegisters(
    deps,
    org,
    { mine: mine.id, plant: plant.id, ventilation: ventilation.id, washery: washery.id },
    { service, official, head },
  );
  await seedDemoTraining(deps, registers);
  await seedDemoDocuments(deps, org, mine.id, service, head);
  await seedDemoNotices(deps, org, mine.id, { head, service, unitHead1, unitHead2, performer });
}
