import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { approveAnnualAnalysis, presentAnnualAnalysis, publishViolationsNotice } from '../analysis/annualAnalysis.ts';
import { acknowledgeNotice, draftNotice, publishNotice } from '../notices/notices.usecases.ts';
import { remindOverdueAcknowledgements } from '../notices/remindAcknowledgements.ts';

type Who = { kind: 'user'; id: string };
const NOBODY = { userIds: [], unitIds: [], facilityIds: [], allMembers: false };

/**
 * R315-20 and R315-4 in the demo, through the use cases: last year's analysis presented by the
 * service on 10 January and approved by the head a day later (or now, if that is still ahead); a
 * notice of changed safety rules to the shaft's people six days ago, acknowledged by some and
 * overdue (reminded) for the others; the point-20 notice made from the approved analysis yesterday.
 */
export async function seedDemoNotices(
  deps: AppDeps,
  org: string,
  shaftId: string,
  people: Record<'head' | 'service' | 'unitHead1' | 'unitHead2' | 'performer', Who>,
) {
  const now = deps.now();
  const at = (d: Date): AppDeps => ({ ...deps, now: () => (d < now ? d : now) });
  const daysAgo = (n: number, hour = 10) =>
    at(new Date(startOfDayInZone(dateInZone(new Date(now.getTime() - n * 86_400_000))).getTime() + hour * 3_600_000));
  const year = Number(dateInZone(now).slice(0, 4)) - 1;
  const january = (d: number) => at(new Date(startOfDayInZone(`${year + 1}-01-${String(d).padStart(2, '0')}`).getTime() + 10 * 3_600_000));

  const analysis = await presentAnnualAnalysis(january(10), people.service, org, year, [
    {
      title: 'Нұсқамалардың мерзімін сақтау',
      text: 'Учаске бастықтарымен шаралардың орындалу мерзімін апта сайын салыстыру; мерзімі өткен шаралар бойынша бірінші басшыға ай сайын ұсыныс енгізу.',
    },
    {
      title: 'Тексеру кестесін орындау',
      text: 'Өткізілмеген жоспарлы тексерулерді бірінші тоқсанда жүргізу; әр объектіге екінші өндірістік бақылау жөніндегі тұлғаны тағайындау.',
    },
    {
      title: 'Қызметкерлерді хабардар ету',
      text: 'Анықталған бұзушылықтар мен олардың себептерін учаскелердегі наряд беру кезінде қызметкерлерге жеткізу.',
    },
  ]);
  await approveAnnualAnalysis(january(11), people.head, org, analysis.id);

  const d6 = daysAgo(6);
  const rules = await draftNotice(d6, people.service, org, {
    kind: 'regulation_change',
    subject: 'Көмір шахталарындағы өнеркәсіптік қауіпсіздік қағидаларына өзгерістер',
    body:
      'ҚР Төтенше жағдайлар министрінің бұйрығымен көмір шахталарындағы қауіпсіздік қағидаларына өзгерістер енгізілді: ' +
      'метан мөлшерін бақылау аспаптарын тексеру мерзімі қысқартылды, өздігінен құтқарғышпен жұмыс істеуге нұсқама беру ' +
      'тоқсан сайын жүргізіледі. Өзгерістермен танысып, белгі қойыңыз.',
    language: 'kk',
    addressees: { ...NOBODY, facilityIds: [shaftId] },
    acknowledgeWithinDays: 3,
  });
  await publishNotice(d6, people.service, org, rules.id);
  await acknowledgeNotice(daysAgo(5, 9), people.unitHead1, org, rules.id);
  await acknowledgeNotice(daysAgo(5, 15), people.performer, org, rules.id);
  // The others did not: the reminders job has reminded them once.
  await remindOverdueAcknowledgements(daysAgo(2));

  const { id } = await publishViolationsNotice(daysAgo(1), people.service, org, analysis.id, {
    causes:
      'Желдету жабдығына техникалық қызмет көрсету кестесі сақталмаған; жұмысшылар өздігінен құтқарғышты пайдалану ' +
      'бойынша нұсқамадан уақтылы өтпеген; учаскелерде ауысым басталар алдындағы тексеру жүргізілмеген.',
    addressees: { ...NOBODY, allMembers: true },
    language: 'kk',
    acknowledgeWithinDays: 5,
  });
  await acknowledgeNotice(daysAgo(0, 9), people.unitHead2, org, id);
}
