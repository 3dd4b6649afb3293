import { Readable } from 'node:stream';
import type { AppDeps } from '../../platform/deps.ts';
import { createPdf, pdfBuffer } from '../../platform/pdf/pdf.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { measuresOf } from '../plans/plans.repository.ts';
import { approveVersion, completeMeasure, createPlan, submitVersion, type MeasureInput } from '../plans/plans.usecases.ts';
import { remindDueExaminations } from '../technical-devices/remindDueExaminations.ts';
import { decommissionObject, recordExamination, registerObjects } from '../technical-devices/technical-devices.usecases.ts';

type Who = { kind: 'user'; id: string };
interface Places {
  mine: string;
  plant: string;
  ventilation: string;
  washery: string;
}

/** A signed plan as the service scans it: a one-page PDF with the title and its lines. */
export async function signedPlan(deps: AppDeps, title: string, lines: string[]) {
  const doc = createPdf({ title });
  doc.addPage();
  doc.font('bold').fontSize(13).text(title, { align: 'center' }).moveDown();
  doc.font('regular').fontSize(10);
  for (const l of lines) doc.text(l).moveDown(0.3);
  doc.moveDown(2).text('«Шахтинск Көмір» ЖШС директоры ____________ Ж. Б. Сәрсенов');
  const stored = await deps.store.put(Readable.from([await pdfBuffer(doc)]));
  return { sha256: stored.sha256, fileName: 'zhospar.pdf' };
}

/**
 * R315-4, R315-6, R315-26 in the demo: the devices, buildings and structures of both facilities with
 * examinations in every state (valid, due within 30 days, overdue — the methane station — and unfit —
 * the boiler), one object decommissioned; this year's plan of measures (a first draft superseded, the
 * second approved by the first head, measures done, one overdue, others open) and an accident-response
 * plan per facility, the mine's expiring within 30 days.
 */
export async function seedDemoRegisters(deps: AppDeps, org: string, p: Places, who: { service: Who; official: Who; head: Who }) {
  const now = deps.now().getTime();
  const day = (n: number) => dateInZone(new Date(now + n * 86_400_000));
  const on = (n: number, hour = 10): AppDeps => {
    const at = new Date(startOfDayInZone(day(-n)).getTime() + hour * 3_600_000);
    return { ...deps, now: () => at };
  };
  const year = Number(day(0).slice(0, 4));
  /** A day `n` from today, kept within this year (the plan's deadlines must be). */
  const inYear = (n: number) => (day(n) < `${year}-01-01` ? `${year}-01-01` : day(n) > `${year}-12-31` ? `${year}-12-31` : day(n));

  const objects = await registerObjects(on(120), who.service, org, [
    {
      kind: 'device',
      name: 'ЦР-5×3,2 шахта көтергіш машинасы',
      registrationNumber: 'ТҚ-147-001',
      facilityId: p.mine,
      manufacturer: 'Ясиноватский машзавод',
      serialNumber: '1187',
      commissionedOn: '1978-04-12',
    },
    {
      kind: 'device',
      name: 'АГК «Метан» газ бақылау станциясы',
      registrationNumber: 'ТҚ-147-002',
      facilityId: p.mine,
      unitId: p.ventilation,
      manufacturer: '«Промавтоматика» ЖШС',
      serialNumber: 'М-2041',
      commissionedOn: '2017-02-01',
    },
    {
      kind: 'building',
      name: 'Басты желдеткіш қондырғының ғимараты',
      registrationNumber: 'ҒИМ-147-01',
      facilityId: p.mine,
      unitId: p.ventilation,
      commissionedOn: '1973-12-28',
    },
    { kind: 'structure', name: '№ 2 оқпанның копры', registrationNumber: 'ҚҰР-147-02', facilityId: p.mine, commissionedOn: '1974-06-30' },
    {
      kind: 'device',
      name: 'ДКВр-10/13 бу қазандығы',
      registrationNumber: 'ТҚ-152-001',
      facilityId: p.plant,
      manufacturer: 'Бийский котельный завод',
      serialNumber: '4419',
      commissionedOn: '1986-10-01',
    },
    {
      kind: 'device',
      name: 'Көпір краны, жүк көтергіштігі 10 т',
      registrationNumber: 'ТҚ-152-002',
      facilityId: p.plant,
      unitId: p.washery,
      manufacturer: 'Узловский крановый завод',
      serialNumber: '2307',
      commissionedOn: '2004-05-20',
    },
    {
      kind: 'building',
      name: 'Бас байыту корпусы',
      registrationNumber: 'ҒИМ-152-01',
      facilityId: p.plant,
      unitId: p.washery,
      commissionedOn: '1985-09-15',
    },
    {
      kind: 'device',
      name: 'КВ-1,5 ескі су жылыту қазандығы',
      registrationNumber: 'ТҚ-152-003',
      facilityId: p.plant,
      commissionedOn: '1988-11-01',
    },
  ]);
  const [hoist, methane, fanHouse, headframe, boiler, crane, washeryBuilding, oldBoiler] = objects.map((o) => o.id) as string[];
  const expert = '«ҚазИнженерСараптама» ЖШС (аттестат № 0148)';
  const exam = (
    n: number,
    object: string,
    kind: string,
    performedOn: string,
    nextDueOn: string,
    result: string,
    doc: string,
    by = expert,
  ) => recordExamination(on(n), who.official, org, object!, { kind, performedOn, nextDueOn, result, performedBy: by, documentNumber: doc });
  // The hoist's certification falls due within 30 days; the methane station's diagnostics are overdue (an alert).
  await exam(110, hoist!, 'certification', day(-345), day(20), 'fit', 'ТК-147/2025-31');
  await exam(110, methane!, 'diagnostics', day(-380), day(-15), 'fit_with_conditions', 'ТД-147/2025-07');
  await exam(100, fanHouse!, 'technical_examination', day(-100), day(1725), 'fit', 'ТО-147/12');
  await exam(100, headframe!, 'technical_examination', day(-101), day(990), 'fit_with_conditions', 'ТО-147/13');
  await exam(90, boiler!, 'certification', day(-200), day(165), 'fit', 'ТК-152/2025-4');
  await exam(9, boiler!, 'technical_examination', day(-9), day(356), 'unfit', 'ТО-152/2026-2', 'Фабриканың техникалық комиссиясы');
  await exam(80, crane!, 'certification', day(-80), day(285), 'fit', 'ТК-152/2025-9');
  await exam(80, washeryBuilding!, 'technical_examination', day(-82), day(1743), 'fit', 'ТО-152/5');
  await decommissionObject(on(60), who.service, org, oldBoiler!, day(-60));

  // This year's plan of industrial-safety measures: a draft superseded, the second version approved.
  const plan = await createPlan(on(90), who.service, org, {
    kind: 'safety_measures',
    title: `Өнеркәсіптік қауіпсіздікті қамтамасыз ету жөніндегі іс-шаралар жоспары, ${year} жыл`,
    year,
  });
  const measures: MeasureInput[] = [
    {
      measure: 'Басты желдеткіш қондырғының резервтік қозғалтқышын ауыстыру',
      facilityId: p.mine,
      responsible: 'Бас механик Д. Қ. Мұқанов',
      dueOn: inYear(-40),
    },
    {
      measure: 'АГК «Метан» станциясының датчиктерін калибрлеу, диагностикалауды жүргізу',
      facilityId: p.mine,
      responsible: 'Желдету учаскесінің бастығы',
      dueOn: inYear(-10),
    },
    {
      measure: 'ДКВр-10/13 қазандығының сақтандырғыш клапандарын ауыстыру',
      facilityId: p.plant,
      responsible: 'Фабриканың бас энергетигі',
      dueOn: inYear(-20),
    },
    {
      measure: 'ЦР-5×3,2 көтергіш машинасын техникалық куәландыру',
      facilityId: p.mine,
      responsible: 'Бас механик Д. Қ. Мұқанов',
      dueOn: inYear(25),
    },
    {
      measure: 'Басшылар мен мамандарды өнеркәсіптік қауіпсіздік бойынша аттестаттау',
      facilityId: null,
      responsible: 'Өндірістік бақылау қызметі',
      dueOn: inYear(60),
    },
  ];
  const lines = measures.map((m, i) => `${i + 1}. ${m.measure} — ${m.responsible}, ${m.dueOn}`);
  await submitVersion(on(88), who.service, org, plan.id, {
    summary: 'Жоба: бөлімшелердің ұсыныстары бойынша',
    document: await signedPlan(deps, plan.title, lines.slice(0, 3)),
    measures: measures.slice(0, 3),
  });
  const v2 = await submitVersion(on(80), who.service, org, plan.id, {
    summary: 'Өндірістік бақылау қызметінің ескертулері ескерілген түпкілікті редакция',
    validFrom: `${year}-01-01`,
    validUntil: `${year}-12-31`,
    document: await signedPlan(deps, plan.title, lines),
    measures,
  });
  await approveVersion(on(78), who.head, org, plan.id, v2.id, '7-ӨҚ');
  const ms = (await measuresOf(deps.db, [v2.id])).map((m) => m.measure.id);
  await completeMeasure(on(41), who.official, org, plan.id, ms[0]!, { doneOn: inYear(-42), note: 'Қабылдау актісі № 12' });
  await completeMeasure(on(20), who.official, org, plan.id, ms[2]!, {
    doneOn: inYear(-21),
    note: 'Клапандар ауыстырылды, паспортқа жазылды',
  });

  // An accident-response plan per facility; the mine's validity ends within 30 days.
  for (const [facilityId, name, from, until] of [
    [p.mine, '«Шахтинская» шахтасы', day(-160), day(20)],
    [p.plant, '«Тентек» көмір байыту фабрикасы', day(-100), day(265)],
  ] as const) {
    const title = `${name}: аварияларды жою жоспары`;
    const pla = await createPlan(on(100), who.service, org, { kind: 'accident_response', title, facilityId });
    const v = await submitVersion(on(99), who.service, org, pla.id, {
      summary: 'Авариялардың ықтимал түрлері, адамдарды құтқару және аварияны оқшаулау бойынша іс-қимылдар, хабарлау тәртібі',
      validFrom: from,
      validUntil: until,
      document: await signedPlan(deps, title, [`Қолданылу мерзімі: ${from} — ${until}`]),
    });
    await approveVersion(on(98), who.head, org, pla.id, v.id, null);
  }
  await remindDueExaminations(deps);
}
