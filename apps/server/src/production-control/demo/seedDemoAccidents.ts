import { Readable } from 'node:stream';
import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { openInspectionAfterAccident } from '../accidents/extraordinary.usecases.ts';
import { appointCommission, attachInvestigationAct, markMeasureDone, recordInvestigationAct } from '../accidents/investigation.usecases.ts';
import { registerAccident } from '../accidents/register.usecases.ts';
import { answerItem } from '../inspections/answer-item.usecases.ts';
import { completeInspection } from '../inspections/complete-inspection.usecases.ts';
import { itemsOf } from '../inspections/inspections.repository.ts';
import { issueActAndInstruction } from '../instructions/issueInstruction.ts';
import { checkTrainingExpiry } from '../training/training-expiry.ts';
import { recordTraining } from '../training/training.usecases.ts';
import { measurePhotoPng } from './demo-photo.ts';

type Who = { kind: 'user'; id: string };
export interface RegisterPlaces {
  org: string;
  mine: string;
  longwall: string;
  plant: string;
  washery: string;
  checklistId: string;
  head: Who;
  service: Who;
  official: Who;
  performerId: string;
}

/** The clock at `hour` o'clock, `n` days before deps.now() (as seedDemoPc does). */
const clock = (deps: AppDeps) => {
  const now = deps.now().getTime();
  const day = (n: number) => dateInZone(new Date(now + n * 86_400_000));
  const on = (n: number, hour = 10): AppDeps => {
    const at = new Date(startOfDayInZone(day(-n)).getTime() + hour * 3_600_000);
    return { ...deps, now: () => at };
  };
  return { day, on };
};

/**
 * R315-4, R315-8 in the demo, early in its history (before the first scheduled inspection, so the
 * extraordinary inspection has nothing to re-check): a methane flash with an injured miner on the
 * longwall 86 days ago, the commission by the first head's order, his extraordinary inspection
 * (completed, its act), then the investigation act with its scan and three measures — two done.
 */
export async function seedDemoAccident(deps: AppDeps, p: RegisterPlaces) {
  const { day, on } = clock(deps);
  const accident = await registerAccident(on(86, 11), p.official, p.org, {
    kind: 'accident',
    facilityId: p.mine,
    unitId: p.longwall,
    occurredAt: new Date(startOfDayInZone(day(-86)).getTime() + 7 * 3_600_000 + 20 * 60_000).toISOString(),
    place: '№ 3-12 тазарту қазбасы, 420-пикет',
    description:
      'Комбайн кабелінің зақымданған жерінен ұшқын шығып, метан-ауа қоспасы жарқ етіп жанды; тазарту учаскесінің жұмысы тоқтатылды',
    consequences: 'Забой 14 сағат тоқтап тұрды; комбайнның электр кабелі мен екі шамшырақ істен шықты',
    injured: 1,
    fatalities: 0,
  });
  await appointCommission(on(86, 15), p.head, p.org, accident.id, {
    orderNumber: '52-ө',
    orderDate: day(-86),
    commission: [
      { fullName: 'Серікбаев Ерлан Маратұлы', position: 'Бас инженер', role: 'chair' },
      { fullName: 'Жақсылықов Бауыржан Төлеуұлы', position: 'Өндірістік бақылау қызметінің басшысы', role: 'member' },
      { fullName: 'Ержанов Талғат Қайратұлы', position: '№ 3 тазарту учаскесінің бастығы', role: 'member' },
      { fullName: 'Оспанов Қайрат Дәулетұлы', position: 'Кәсіподақ комитетінің еңбекті қорғау жөніндегі өкілі', role: 'member' },
    ],
  });
  const { inspection } = await openInspectionAfterAccident(on(85, 9), p.head, p.org, accident.id, {
    checklistId: p.checklistId,
    officialId: p.official.id,
    orderNumber: '53-ө',
    orderDate: day(-85),
  });
  for (const item of await itemsOf(deps.db, inspection.id))
    await answerItem(on(85, 11), p.official, p.org, inspection.id, item.id, { outcome: 'compliant' });
  await completeInspection(on(85, 15), p.official, p.org, inspection.id, {
    conclusion: 'Кезектен тыс тексеру: желдету, газ бақылау және электр жабдығы талаптарға сай; кабельдер ауыстырылды',
  });
  await issueActAndInstruction(on(85, 16), p.official, p.org, inspection.id, { issuedOn: day(-85), items: [] });

  const scan = await deps.store.put(Readable.from([measurePhotoPng()]));
  await attachInvestigationAct(on(80, 10), p.head, p.org, accident.id, {
    ...scan,
    mime: 'image/png',
    fileName: 'tergep-tekseru-aktisi-TT-1.png',
  });
  const act = await recordInvestigationAct(on(80, 11), p.head, p.org, accident.id, {
    actNumber: 'ТТ-1',
    actDate: day(-80),
    causes:
      'Комбайнның қоректендіру кабелінің қабығы зақымданған күйде пайдаланылған; забойдағы метан датчигі калибрленбеген, ' +
      'сондықтан газ мөлшері 1 %-дан асқанда қуат өшірілмеген',
    measures: [
      {
        measure: 'Учаскедегі барлық қоректендіру кабельдерін тексеріп, зақымдалғандарын ауыстыру',
        responsible: 'Ержанов Т. Қ.',
        dueOn: day(-75),
      },
      { measure: 'Метан датчиктерін калибрлеп, қуатты автоматты өшіруді тексеру', responsible: 'Смағұлов А. Б.', dueOn: day(-70) },
      {
        measure: 'Тау-кен шеберлерінің өнеркәсіптік қауіпсіздік бойынша білімін кезектен тыс тексеру',
        responsible: 'Жақсылықов Б. Т.',
        dueOn: day(20),
      },
    ],
  });
  await markMeasureDone(on(76), p.service, p.org, accident.id, act.measures[0]!.id, { doneOn: day(-76) });
  await markMeasureDone(on(70), p.service, p.org, accident.id, act.measures[1]!.id, { doneOn: day(-70) });
}

const person = (
  fullName: string,
  position: string,
  programme: string,
  completedOn: string,
  validUntil: string,
  documentNumber: string,
) => ({
  fullName,
  position,
  programme,
  completedOn,
  validUntil,
  documentNumber,
});

/**
 * Late in the demo's history: an incident at the plant under investigation, and the training register
 * with people valid, one expiring within 30 days, one corrected, one expired — the daily round has
 * reminded the service and proposed the expired one's removal to the first head.
 */
export async function seedDemoTraining(deps: AppDeps, p: RegisterPlaces) {
  const { day, on } = clock(deps);
  const incident = await registerAccident(on(12, 16), p.service, p.org, {
    kind: 'incident',
    facilityId: p.plant,
    unitId: p.washery,
    occurredAt: new Date(startOfDayInZone(day(-12)).getTime() + 13 * 3_600_000).toISOString(),
    place: 'Байыту цехы, № 2 көпір кранының жүру жолы',
    description: 'Көпір кранының тежегіші жүк түсіру кезінде істен шығып, жүк 0,4 м сырғып түсті; адам зардап шеккен жоқ',
    consequences: 'Кран пайдаланудан шығарылды, цех 6 сағат тоқтады',
  });
  await appointCommission(on(11), p.head, p.org, incident.id, {
    orderNumber: '118-ө',
    orderDate: day(-11),
    commission: [
      { fullName: 'Серікбаев Ерлан Маратұлы', position: 'Бас инженер', role: 'chair' },
      { fullName: 'Мұқанова Айжан Ерланқызы', position: 'Өндірістік бақылау жөніндегі инженер', role: 'member' },
      { fullName: 'Смағұлов Арман Бекұлы', position: 'Байыту цехының бастығы', role: 'member' },
    ],
  });

  const base = { facilityId: p.mine, unitId: p.longwall, kind: 'knowledge_check' as const };
  const safety = 'Өнеркәсіптік қауіпсіздік негіздері (тау-кен жұмыстары)';
  const rows = [
    { ...base, ...person('Нұрланов Ерасыл Бекұлы', 'Тау-кен шебері', safety, day(-60), day(300), 'Хаттама № 21') },
    { ...base, ...person('Әлиев Руслан Маратұлы', 'Үңгілеуші', safety, day(-60), day(300), 'Хаттама № 21'), personId: p.performerId },
    { ...base, ...person('Ибраев Талғат Нұрланұлы', 'Учаске механигі', safety, day(-345), day(20), 'Хаттама № 7') },
    { ...base, ...person('Қасымов Дархан Ержанұлы', 'Комбайншы', safety, day(-370), day(-5), 'Хаттама № 3') },
    {
      ...base,
      facilityId: p.plant,
      unitId: p.washery,
      kind: 'training' as const,
      ...person(
        'Омарова Сәуле Қайратқызы',
        'Көпір кранының машинисі',
        'Жүк көтергіш крандар машинистерін даярлау',
        day(-60),
        day(670),
        'Куәлік № 115',
      ),
    },
  ];
  for (const r of rows) await recordTraining(on(55), p.service, p.org, r);
  // A mistake in a certificate number, corrected by a superseding record.
  const wrong = await recordTraining(on(50), p.official, p.org, {
    ...base,
    ...person('Серікова Гүлнар Асқарқызы', 'Газ өлшеуші', 'Шахта атмосферасын бақылау', day(-52), day(313), 'Хаттама № 12'),
  });
  await recordTraining(on(49), p.official, p.org, {
    ...base,
    ...person('Серікова Гүлнар Асқарқызы', 'Газ өлшеуші', 'Шахта атмосферасын бақылау', day(-52), day(313), 'Хаттама № 21'),
    supersedes: wrong.id,
  });
  await checkTrainingExpiry(deps);
}
