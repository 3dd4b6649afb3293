import type { EducationOrganisationType, IndicatorId, Questionnaire } from '@baqylau/contracts';
import type { TestContext } from '../support/test-app.ts';
import { seedWorld, type ApiClient } from '../support/world.ts';

/** A PDF's first bytes are enough for the upload check; `tag` makes each file's hash its own. */
export const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n${'x'.repeat(600)}\n%%EOF\n`);

export const questionnaire = (fullName: string): Questionnaire => ({
  fullName,
  birthDate: '1980-04-12',
  contact: '+7 701 000 00 00, inspector@example.kz',
  education: 'Жоғары, инженер',
  position: 'Еңбекті қорғау жөніндегі техникалық инспектор',
  workExperience: '15 жыл',
  oshCertificate: 'Бар, № 123, 2025',
  organisationName: '«№ 7 жалпы білім беретін мектеп» КММ',
  organisationContact: 'Қарағанды қ., Бейбітшілік к-сі, 1; +7 7212 00 00 00',
  organisationHead: 'Ахметов Болат Серікұлы',
  unionChair: 'Серікова Айнұр Болатқызы',
  districtUnionName: 'Қазыбек би аудандық ұйымы',
  districtUnionChair: 'Мұқанов Ерлан Әбенұлы',
  regionalUnionName: 'Қарағанды облыстық ұйымы',
  regionalUnionChair: 'Жұмабаева Гүлнар Қайратқызы',
});

type Counts = Partial<Record<IndicatorId, { count: number; positive?: number }>>;

/** The demo union with its organisers, coordinators and commission members signed in, and helpers to build applications. */
export async function seedUnion(ctx: TestContext) {
  const world = await seedWorld(ctx);
  const union = world.orgIds.get('union')!;
  const signInAll = async () => ({
    head: await world.as('union'),
    secretary: await world.as('secretary'),
    coordinator1: await world.as('coordinator1'),
    coordinator2: await world.as('coordinator2'),
    judge1: await world.as('judge1'),
    judge2: await world.as('judge2'),
    judge3: await world.as('judge3'),
  });
  const people = await signInAll();
  /** Signs everyone in again (after the clock moved past the session lifetime); the helpers use the new sessions. */
  const signIn = async () => Object.assign(people, await signInAll());
  const base = `/api/v1/organisations/${union}/competition`;
  const items = (await people.secretary.get(`${base}/member-organisations`)).json().items as { id: string; nameRu: string }[];
  const member = (city: string) => items.find((m) => m.nameRu.includes(city))!.id;
  const members = { karaganda: member('Карагандин'), astana: member('Астанин'), shymkent: member('Шымкент') };

  async function openYear(reportingYear = 2025) {
    const res = await people.secretary.post(`${base}/years`, { reportingYear });
    if (res.statusCode !== 201) throw new Error(`open ${reportingYear}: ${res.body}`);
    return res.json().id as string;
  }

  const upload = (
    c: ApiClient,
    applicationId: string,
    q: { kind: string; title: string; indicatorId?: IndicatorId; eventDate?: string; fileName?: string },
    body: Buffer,
    type = 'application/pdf',
  ) => {
    const query = new URLSearchParams({ fileName: 'document.pdf', ...q } as Record<string, string>).toString();
    return c.request('POST', `${base}/applications/${applicationId}/documents?${query}`, body, { 'content-type': type });
  };

  /** A draft with every field of Appendices 2–4 and the nominating decision: ready to submit. */
  async function completeDraft(
    c: ApiClient,
    yearId: string,
    memberOrganisationId: string,
    name: string,
    educationOrganisationType: EducationOrganisationType,
    counts: Counts = {},
  ) {
    const res = await c.post(`${base}/years/${yearId}/applications`, {
      memberOrganisationId,
      educationOrganisationType,
      questionnaire: questionnaire(name),
      characteristic: `${name}: мінездеме`,
      explanatoryNote: `${name}: түсіндірме жазба`,
      counts,
    });
    if (res.statusCode !== 201) throw new Error(`draft ${name}: ${res.body}`);
    const id = res.json().id as string;
    const up = await upload(c, id, { kind: 'nominating_decision', title: 'Шешім' }, pdf(`decision ${name} ${yearId}`));
    if (up.statusCode !== 201) throw new Error(`decision ${name}: ${up.body}`);
    return id;
  }

  /** The republican commission: judge1 chairs (Central Committee), judge2 comes from Karaganda, judge3 from Astana. */
  async function formRepublican(yearId: string) {
    const res = await people.head.post(`${base}/years/${yearId}/commissions`, {
      level: 'republican',
      formedBy: 'Кәсіподақ төрағасының 2026 жылғы 2 наурыздағы № 12 өкімі',
    });
    if (res.statusCode !== 201) throw new Error(`commission: ${res.body}`);
    const id = res.json().id as string;
    const add = async (login: string, memberOrganisationId?: string, chair?: boolean) => {
      const r = await people.secretary.post(`${base}/commissions/${id}/members`, {
        userId: world.userIds.get(login),
        memberOrganisationId,
        chair,
      });
      if (r.statusCode !== 201) throw new Error(`member ${login}: ${r.body}`);
    };
    await add('judge1', undefined, true);
    await add('judge2', members.karaganda);
    await add('judge3', members.astana);
    return id;
  }

  /** Drafts, documents and submits: an application sent to stage II. */
  async function submitted(
    c: ApiClient,
    yearId: string,
    memberOrganisationId: string,
    name: string,
    type: EducationOrganisationType,
    counts: Counts,
  ) {
    const id = await completeDraft(c, yearId, memberOrganisationId, name, type, counts);
    const res = await c.post(`${base}/applications/${id}/submit`);
    if (res.statusCode !== 200) throw new Error(`submit ${name}: ${res.body}`);
    return id;
  }

  return { world, union, base, members, ...people, people, signIn, openYear, upload, completeDraft, formRepublican, submitted };
}
