import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { openCapa, recordCause } from '../capa/capa.usecases.ts';
import { closeCapa, evaluateEffectiveness, reportToManagement } from '../capa/effectiveness.usecases.ts';
import { addMeasure, approveMeasures, markMeasureDone } from '../capa/measures.usecases.ts';
import { acceptPlanProposal, proposeForPlan, rejectPlanProposal } from '../capa/plan-proposals.usecases.ts';
import { listCauseCategories } from '../capa/taxonomy.repository.ts';
import { seedDefaultTaxonomy } from '../capa/taxonomy.usecases.ts';

type Who = { kind: 'user'; id: string };
export interface DemoCapaPeople {
  head: Who;
  service: Who;
  official: Who;
  unitHead1: Who;
  unitHead2: Who;
  performer: Who;
}

/**
 * R315-21 in the demo, through the use cases on a clock set to each step's day: the default taxonomy; a
 * CAPA closed after an effective evaluation; one evaluated not effective and reopened with a new measure
 * awaiting the head's decision; one with its measures done awaiting evaluation; a preventive one just
 * opened from the authorised body's letter; proposals for next year's plan pending, accepted and rejected.
 */
export async function seedDemoCapa(
  deps: AppDeps,
  org: string,
  p: DemoCapaPeople,
  v: { ventilation: string; training: string; valves: string },
) {
  const now = deps.now().getTime();
  const day = (n: number) => dateInZone(new Date(now + n * 86_400_000));
  const on = (n: number, hour = 10): AppDeps => {
    const at = new Date(startOfDayInZone(day(-n)).getTime() + hour * 3_600_000);
    return { ...deps, now: () => at };
  };
  await seedDefaultTaxonomy(on(72), p.service, org);
  const cause = new Map((await listCauseCategories(deps.db, org)).map((c) => [c.code, c.id]));
  /** Cause, a measure, the head's decision — and the measure done `doneAgo` days ago (unless null). */
  const round = async (
    capaId: string,
    o: {
      at: number;
      code: string;
      analysis: string;
      measure: string;
      who: Who;
      due: number;
      resources: string;
      decision: string;
      doneAgo: number | null;
    },
  ) => {
    const c = await recordCause(on(o.at), p.official, org, capaId, { causeCategoryId: cause.get(o.code)!, description: o.analysis });
    const m = await addMeasure(on(o.at, 11), p.official, org, capaId, {
      causeId: c.id,
      description: o.measure,
      responsibleId: o.who.id,
      dueOn: day(o.due),
      resources: o.resources,
    });
    await approveMeasures(on(o.at - 1), p.head, org, capaId, {
      number: o.decision,
      decidedOn: day(-(o.at - 1)),
      wording: 'Ұсынылған шаралар бекітілсін, ресурстар бөлінсін',
    });
    if (o.doneAgo !== null) await markMeasureDone(on(o.doneAgo), o.who, org, capaId, m.id, { summary: 'Шара толық көлемде орындалды' });
    return m;
  };

  // Closed: the longwall's air shortfall — cause, measure, decision, done, evaluated effective, closed.
  const air = await openCapa(on(70), p.official, org, {
    kind: 'corrective',
    title: '№ 3-12 тазарту қазбасында ауа жетіспеушілігі',
    violationIds: [v.ventilation],
  });
  await round(air.id, {
    at: 70,
    code: 'TECH.1',
    analysis: 'Желдету құбырының буындары тозған, саңылаулар арқылы ауа шығыны 18 %; құбырларды жоспарлы ауыстыру кестесі жоқ.',
    measure: 'Тозған желдету құбырларын ауыстыру, ауа мөлшерін ауысым сайын өлшеу',
    who: p.unitHead1,
    due: -55,
    resources: 'Желдету құбырлары 120 м, учаске слесарлары (4 адам)',
    decision: '71-ш',
    doneAgo: 56,
  });
  await evaluateEffectiveness(on(40), p.official, org, air.id, {
    effective: true,
    conclusion: '30 күн ішіндегі өлшеулерде ауа мөлшері есептік мөлшерден кем емес; бұзушылық қайталанбады.',
  });
  await closeCapa(on(38), p.service, org, air.id, { note: 'Шаралар тиімді, іс-шара жабылады' });

  // Reopened: training overdue — the first measure did not work, a new one waits for the head's decision.
  const training = await openCapa(on(27), p.official, org, {
    kind: 'corrective',
    title: 'Жұмысшыларды оқыту мен білімін тексеру мерзімінің өтуі',
    violationIds: [v.training],
  });
  await round(training.id, {
    at: 27,
    code: 'TRAIN.1',
    analysis: 'Оқыту кестесін кадр бөлімі жүргізеді, учаске басшысына мерзім туралы ескерту келмейді.',
    measure: 'Мерзімі өткен жұмысшыларды оқыту орталығына жіберу',
    who: p.service,
    due: -15,
    resources: 'Оқыту орталығымен шарт, 6 адам',
    decision: '88-ш',
    doneAgo: 16,
  });
  await evaluateEffectiveness(on(8), p.service, org, training.id, {
    effective: false,
    conclusion: 'Қайта тексеруде тағы екі жұмысшының білімін тексеру мерзімі өткені анықталды: себеп жойылмаған.',
  });
  const reopenedCause = await recordCause(on(7), p.official, org, training.id, {
    causeCategoryId: cause.get('ORG.2')!,
    description: 'Оқыту мерзімін бақылау ешкімге жүктелмеген: кадр бөлімі мен учаске арасында міндет бөлінбеген.',
  });
  await addMeasure(on(7, 11), p.official, org, training.id, {
    causeId: reopenedCause.id,
    description: 'Оқыту мерзімін бақылауды учаске басшысына бұйрықпен жүктеу, ай сайынғы тізім',
    responsibleId: p.unitHead2.id,
    dueOn: day(20),
    resources: 'Бірінші басшының бұйрығы, кадр бөлімінің тізімі',
  });

  // Measures done, awaiting the evaluation: the drying drum's safety valves.
  const valves = await openCapa(on(17), p.official, org, {
    kind: 'corrective',
    title: 'Кептіру барабаны қазандығының сақтандырғыш клапандары',
    violationIds: [v.valves],
  });
  await round(valves.id, {
    at: 17,
    code: 'DOC.1',
    analysis: 'Клапандарды тексеру нұсқаулығы 2015 жылдан бері жаңартылмаған, тексеру кезеңділігі көрсетілмеген.',
    measure: 'Нұсқаулықты жаңарту, клапандарды айына бір рет тексеру',
    who: p.unitHead2,
    due: -3,
    resources: 'Бас механик қызметі, реттеу стенді',
    decision: '97-ш',
    doneAgo: 4,
  });

  // Open: a preventive action from the authorised body's letter about another mine's conveyor fire.
  const conveyor = await openCapa(on(3), p.official, org, {
    kind: 'preventive',
    title: 'Конвейер таспасының өртенуінің алдын алу',
    source: 'authority_letter',
    sourceDescription: 'ҚР ТЖМ Өнеркәсіптік қауіпсіздік комитетінің хаты: Қарағанды облысындағы шахтада конвейер таспасы жанып кетті.',
  });
  await recordCause(on(2), p.official, org, conveyor.id, {
    causeCategoryId: cause.get('TECH.2')!,
    description: 'Біздің конвейерлерде де таспаның сырғанауын бақылайтын датчиктер жоқ.',
  });
  await reportToManagement(on(2, 12), p.official, org, conveyor.id, { summary: 'Хат және ықтимал себеп бірінші басшыға баяндалды.' });

  // Next year's plan: from the closed and the reopened CAPAs.
  const year = Number(day(0).slice(0, 4)) + 1;
  const accepted = await proposeForPlan(on(1), p.official, org, {
    capaId: air.id,
    year,
    kind: 'measure',
    description: 'Желдету құбырларын жоспарлы ауыстыру кестесін жылдық жоспарға енгізу',
  });
  await acceptPlanProposal(on(0, 8), p.head, org, accepted.id, {});
  const rejected = await proposeForPlan(on(1), p.official, org, {
    capaId: air.id,
    year,
    kind: 'inspection',
    description: '№ 3 тазарту учаскесінің желдетуін ай сайын тексеру',
  });
  await rejectPlanProposal(on(0, 8), p.head, org, rejected.id, {
    reason: 'Учаске кестеде тоқсан сайын тексеріледі; ауа ауысым сайын өлшенеді.',
  });
  await proposeForPlan(on(1), p.official, org, {
    capaId: training.id,
    year,
    kind: 'training',
    description: 'Барлық учаске басшыларын өнеркәсіптік қауіпсіздік бойынша оқыту',
  });
}
