import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { annualInformationSpec } from '../annual-information/annualInformation.ts';
import { approveDocument, presentDocument, saveDocumentTexts } from '../documents/documents.ts';
import { measuresOf } from '../plans/plans.repository.ts';
import { approveVersion, completeMeasure, createPlan, submitVersion } from '../plans/plans.usecases.ts';
import { regulationSpec } from '../regulation/regulation.ts';
import { recordTraining } from '../training/training.usecases.ts';
import { signedPlan } from './seedDemoRegisters.ts';

type Who = { kind: 'user'; id: string };

const ANNUAL_TEXTS = {
  management:
    'Өнеркәсіптік қауіпсіздікті басқару жүйесі бірінші басшының бұйрығымен енгізілген: өндірістік бақылау қызметі ' +
    'бірінші басшыға тікелей бағынады, әр объектіге бұйрықпен лауазымды адам бекітілген, тексерулер бекітілген кесте бойынша жүргізіледі.',
  violations:
    'Есепті жылы Қарағанды облысы бойынша өнеркәсіптік қауіпсіздік департаментінің нұсқамасы берілмеген; ' +
    'ішкі тексерулерде анықталған бұзушылықтар нұсқамалармен жойылуда.',
  readiness: 'Әр объектіде авариялық жою жоспары бар; «Шахтинская» шахтасында тоқсан сайын оқу-жаттығу дабылы өткізіледі.',
};
const REGULATION_TEXTS = {
  powers:
    'Өндірістік бақылау қызметінің басшысы және лауазымды адамдар бұйрықпен бекітілген объектілерді тексереді, акт пен ' +
    'нұсқама береді, өмірге қатер төндіретін жұмыстарды тоқтата тұру және даярлығы жоқ адамдарды жұмыстан шеттету туралы ұсыныс енгізеді.',
  criteria:
    'Тиімділік критерийлері: нұсқамалардың мерзімінде орындалу үлесі кемінде 90 %; қайталанған бұзушылықтар үлесі 5 %-дан аз; ' +
    'кесте бойынша тексерулердің толық орындалуы. Критерий орындалмаса — себептер талданып, түзету шаралары жоспарға енгізіледі.',
  decisions:
    'Өндірістік бақылау нәтижелері бойынша шешімдер бірінші басшының бұйрығымен ресімделеді; орындалуын қызмет басшысы ай сайын тексереді.',
};

/**
 * R315-26 and R315-6 in the demo: last year's annual information presented and approved in January,
 * this year's a draft with its texts; the regulation presented and approved today. Last year's plan
 * of measures and a few training records are entered through the registers' use cases so that the
 * sections are not empty (the registers' own demo seeds cover this year).
 */
export async function seedDemoDocuments(deps: AppDeps, org: string, mineId: string, service: Who, head: Who) {
  const now = deps.now();
  const year = Number(dateInZone(now).slice(0, 4));
  const last = year - 1;
  const at = (day: string, hour = 10): AppDeps => {
    const t = new Date(startOfDayInZone(day).getTime() + hour * 3_600_000);
    return { ...deps, now: () => (t < now ? t : now) };
  };
  // Through the registers' own use cases, as the service would have entered them last year.
  const plan = await createPlan(at(`${last - 1}-12-10`), service, org, {
    kind: 'safety_measures',
    year: last,
    title: `${last} жылға өнеркәсіптік қауіпсіздікті қамтамасыз ету жөніндегі іс-шаралар жоспары`,
  });
  const measures: [string, string, string, string | null][] = [
    ['Басты желдеткіш қондырғының резервтік қозғалтқышын ауыстыру', 'Ержанов Т.Қ.', `${last}-04-30`, `${last}-04-18`],
    ['Метан датчиктерін жаңа үлгімен ауыстыру (24 дана)', 'Смағұлов А.Б.', `${last}-06-30`, `${last}-07-22`],
    ['Фабриканың көпір кранын техникалық куәландыру', 'Смағұлов А.Б.', `${last}-09-30`, `${last}-09-12`],
    ['Өрт сөндіру құбыр желісін жөндеу', 'Ержанов Т.Қ.', `${last}-11-30`, null],
  ];
  const version = await submitVersion(at(`${last - 1}-12-15`), service, org, plan.id, {
    summary: 'Желдету, газды бақылау және көтергіш құрылғылар бойынша шаралар',
    validFrom: `${last}-01-01`,
    validUntil: `${last}-12-31`,
    document: await signedPlan(
      deps,
      plan.title,
      measures.map(([m]) => m),
    ),
    measures: measures.map(([measure, responsible, dueOn]) => ({ measure, responsible, dueOn, facilityId: mineId })),
  });
  await approveVersion(at(`${last - 1}-12-20`), head, org, plan.id, version.id, null);
  const measureIds = (await measuresOf(deps.db, [version.id]))
    .map((m) => m.measure)
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((m) => m.id);
  for (const [n, [, , , doneOn]] of measures.entries())
    if (doneOn) await completeMeasure(at(doneOn), service, org, plan.id, measureIds[n]!, { doneOn, note: 'Орындалды, акт қоса берілді' });
  const people: [string, string, 'training' | 'retraining' | 'knowledge_check', string, string][] = [
    ['Нұрланов Ерболат Қанатұлы', 'Тау-кен шебері', 'knowledge_check', `${last}-02-14`, `${year + 1}-08-14`],
    ['Қасымова Гүлнар Маратқызы', 'Газ бақылау операторы', 'training', `${last}-03-05`, `${year + 1}-09-05`],
    ['Оспанов Дәурен Серікұлы', 'Кран машинисі', 'retraining', `${last}-05-20`, `${year + 2}-05-20`],
  ];
  for (const [fullName, position, kind, completedOn, validUntil] of people)
    await recordTraining(at(completedOn), service, org, {
      fullName,
      position,
      facilityId: mineId,
      kind,
      programme: 'Өнеркәсіптік қауіпсіздік негіздері',
      completedOn,
      validUntil,
      documentNumber: `ХТ-${completedOn.replaceAll('-', '')}`,
    });

  const period = String(last);
  await saveDocumentTexts(at(`${year}-01-12`), service, annualInformationSpec, org, period, ANNUAL_TEXTS);
  const presented = await presentDocument(at(`${year}-01-14`), service, annualInformationSpec, org, period);
  await approveDocument(at(`${year}-01-16`), head, annualInformationSpec, org, presented.id);
  await saveDocumentTexts(deps, service, annualInformationSpec, org, String(year), { management: ANNUAL_TEXTS.management });

  await saveDocumentTexts(deps, service, regulationSpec, org, '', REGULATION_TEXTS);
  const regulation = await presentDocument(deps, service, regulationSpec, org, '');
  await approveDocument(deps, head, regulationSpec, org, regulation.id);
}
