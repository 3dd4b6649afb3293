import type { AttachmentKind, EducationOrganisationType, IndicatorId, Questionnaire } from '@baqylau/contracts';
import type { DemoMemberKey } from './demo-data.ts';

/** A demo candidate: who, from where, what they claim (by hand: the totals are in the comments), and what backs it. */
export interface DemoCandidate {
  key: string;
  member: DemoMemberKey;
  coordinator: string;
  type: EducationOrganisationType;
  fullName: string;
  organisation: string;
  counts: Partial<Record<IndicatorId, { count: number; positive?: number }>>;
  /** Indicators backed by a dated document; `lastYear` dates it in the year before (a flag for the commission). */
  evidence: { indicator: IndicatorId; title: string; month: number; lastYear?: boolean }[];
  attachments: AttachmentKind[];
  /** Point 8: a fatal accident in the candidate's organisation (month of the reporting year). */
  fatalAccidentMonth?: number;
}

export const DEMO_CANDIDATES: DemoCandidate[] = [
  {
    // Group 1. Claimed 50 + 9 = 59; a commission member accepts 18 of the 25 violations (2 points → 1): 58.
    key: 'akhmetova',
    member: 'karaganda',
    coordinator: 'coordinator1',
    type: 'general_secondary',
    fullName: 'Ахметова Дина Сәкенқызы',
    organisation: 'Қарағанды қаласының «№ 7 жалпы білім беретін мектеп» КММ',
    counts: {
      m1: { count: 10 },
      m1_1: { count: 2 },
      m2: { count: 25 },
      m3: { count: 12 },
      m10: { count: 3 },
      m11: { count: 1 },
      m14: { count: 1 },
      a1: { count: 2 },
      a5: { count: 1 },
    },
    evidence: [
      { indicator: 'm1', title: 'Еңбекті қорғау талаптарының сақталуын тексеру актілері (10)', month: 2 },
      { indicator: 'm1_1', title: 'Еңбек инспекциясымен бірлескен тексеру актілері', month: 2 },
      { indicator: 'm2', title: 'Техникалық инспектордың ұсыныстары (25 бұзушылық)', month: 3 },
      { indicator: 'm3', title: 'Бұзушылықтардың жойылғаны туралы жауаптар', month: 3 },
      { indicator: 'm10', title: 'Семинарлар хаттамалары', month: 1 },
      { indicator: 'm11', title: 'ЕҚжЕҚ бойынша оқу сертификаты', month: 1 },
      { indicator: 'm14', title: 'Еңбек инспекциясының анықтамасы', month: 3 },
      { indicator: 'a1', title: '«Ұстаз» газетіндегі мақалалар', month: 2 },
      { indicator: 'a5', title: 'Озық жұмыс тәжірибесінің парағы', month: 3 },
    ],
    attachments: ['nominating_decision', 'no_fatal_accident_certificate', 'inspector_certificate', 'best_practice_sheet', 'poster'],
  },
  {
    // Group 1, Karaganda's stage I only: level below Akhmetova there (a member of its commission accepts 6 of the 8
    // inspections), so its commission sends Akhmetova to stage II (points 11, 20).
    key: 'yerzhanova',
    member: 'karaganda',
    coordinator: 'coordinator1',
    type: 'general_secondary',
    fullName: 'Ержанова Айнұр Болатқызы',
    organisation: 'Теміртау қаласының «№ 12 жалпы білім беретін мектеп» КММ',
    counts: { m1: { count: 8 }, m2: { count: 14 }, m10: { count: 2 } },
    evidence: [
      { indicator: 'm1', title: 'Еңбекті қорғау талаптарының сақталуын тексеру актілері (8)', month: 2 },
      { indicator: 'm2', title: 'Техникалық инспектордың ұсыныстары (14 бұзушылық)', month: 3 },
      { indicator: 'm10', title: 'Семинарлар хаттамалары', month: 1 },
    ],
    attachments: ['no_fatal_accident_certificate', 'inspector_certificate'],
  },
  {
    // Group 1. 25 + 8 = 33.
    key: 'beketov',
    member: 'astana',
    coordinator: 'coordinator2',
    type: 'preschool',
    fullName: 'Бекетов Нұрлан Әлібекұлы',
    organisation: 'Астана қаласының «№ 45 «Балдырған» бөбекжай-балабақшасы» МКҚК',
    counts: { m1: { count: 6 }, m2: { count: 14 }, m4: { count: 1 }, m11: { count: 1 }, a3: { count: 3 }, a4: { count: 12 } },
    evidence: [
      { indicator: 'm1', title: 'Тексеру актілері (6)', month: 1 },
      { indicator: 'm2', title: 'Ұсыныстар (14 бұзушылық)', month: 2 },
      { indicator: 'm4', title: 'Аттестаттау комиссиясының хаттамасы', month: 2 },
      { indicator: 'm11', title: 'Оқу сертификаты', month: 1 },
      { indicator: 'a3', title: 'Еңбекті қорғау бұрышының фотосуреттері', month: 3 },
      { indicator: 'a4', title: 'Консультациялар журналының көшірмесі', month: 3 },
    ],
    attachments: ['nominating_decision', 'no_fatal_accident_certificate', 'inspector_certificate'],
  },
  {
    // Group 1. 27 + 6 = 33: level with Beketov for places II–III — the commission decides.
    key: 'sarsenova',
    member: 'shymkent',
    coordinator: 'coordinator3',
    type: 'additional_education',
    fullName: 'Сәрсенова Гүлім Бақытжанқызы',
    organisation: 'Шымкент қаласының «Оқушылар сарайы» МКҚК',
    counts: { m1: { count: 5 }, m2: { count: 30 }, m7: { count: 2 }, m8: { count: 1, positive: 1 }, a1: { count: 3 } },
    evidence: [
      { indicator: 'm1', title: 'Тексеру актілері (5)', month: 2 },
      { indicator: 'm2', title: 'Ұсыныстар (30 бұзушылық)', month: 12, lastYear: true },
      { indicator: 'm7', title: 'Жұмыскерлердің өтініштері және оларға жауаптар', month: 3 },
      { indicator: 'm8', title: 'Келісу комиссиясының хаттамасы', month: 2 },
    ],
    attachments: ['nominating_decision', 'no_fatal_accident_certificate'],
  },
  {
    // Group 2. 77 + 9 = 86.
    key: 'dauletov',
    member: 'karaganda',
    coordinator: 'coordinator1',
    type: 'technical_vocational',
    fullName: 'Дәулетов Ерік Маратұлы',
    organisation: '«Қарағанды политехникалық колледжі» КМҚК',
    counts: {
      m1: { count: 15 },
      m1_2: { count: 4 },
      m3: { count: 20 },
      m5: { count: 1 },
      m6: { count: 1 },
      m12: { count: 2 },
      m13: { count: 2 },
      m14: { count: 1 },
      a2: { count: 2 },
      a5: { count: 1 },
    },
    evidence: [
      { indicator: 'm1', title: 'Тексеру актілері (15)', month: 1 },
      { indicator: 'm1_2', title: 'ЕҚжЕҚ қызметімен бірлескен тексеру актілері', month: 1 },
      { indicator: 'm3', title: 'Жойылған бұзушылықтар туралы жауаптар (20)', month: 2 },
      { indicator: 'm5', title: 'Жұмысты тоқтата тұру туралы талап', month: 2 },
      { indicator: 'm6', title: 'Жазатайым оқиғаны тергеу комиссиясының хаттамасы', month: 3 },
      { indicator: 'm12', title: 'Оқыту семинарларының бағдарламалары мен қатысушылар тізімі', month: 3 },
      { indicator: 'm13', title: 'АҚҚ-мен қамтамасыз етуді бағалау хаттамалары', month: 2 },
      { indicator: 'm14', title: 'Еңбек инспекциясының анықтамасы', month: 3 },
      { indicator: 'a2', title: 'Салалық кәсіподақ сайтындағы диаграммалар', month: 3 },
      { indicator: 'a5', title: 'Озық жұмыс тәжірибесінің парағы', month: 3 },
    ],
    attachments: ['nominating_decision', 'no_fatal_accident_certificate', 'inspector_certificate', 'best_practice_sheet', 'article'],
  },
  {
    // Group 2. Not admitted: a fatal accident at the university in the reporting year (point 8).
    key: 'omarov',
    member: 'astana',
    coordinator: 'coordinator2',
    type: 'higher_education',
    fullName: 'Омаров Бауыржан Серікұлы',
    organisation: '«Астана техникалық университеті» КеАҚ',
    counts: { m1: { count: 7 }, m11: { count: 1 } },
    evidence: [
      { indicator: 'm1', title: 'Тексеру актілері (7)', month: 2 },
      { indicator: 'm11', title: 'Оқу сертификаты', month: 1 },
    ],
    attachments: ['nominating_decision'],
    fatalAccidentMonth: 2,
  },
];

/** Appendix 2 for a demo candidate. */
export const demoQuestionnaire = (c: DemoCandidate, regionalUnion: string): Questionnaire => ({
  fullName: c.fullName,
  birthDate: '1979-05-14',
  contact: '+7 701 555 01 23, inspector@example.kz',
  education: 'Жоғары, «Тіршілік қауіпсіздігі және қоршаған ортаны қорғау» мамандығы',
  position: 'Еңбекті қорғау жөніндегі техникалық инспектор',
  workExperience: '14 жыл',
  oshCertificate: 'Бар (ЕҚжЕҚ бойынша оқу курсы, 40 сағат)',
  organisationName: c.organisation,
  organisationContact: 'Заңды мекенжайы мен телефоны ұйымның деректемелерінде',
  organisationHead: 'Ұйым басшысы',
  unionChair: 'Бастауыш кәсіподақ ұйымының төрағасы',
  districtUnionName: 'Аудандық (қалалық) кәсіподақ ұйымы',
  districtUnionChair: 'Аудандық ұйымның төрағасы',
  regionalUnionName: regionalUnion,
  regionalUnionChair: 'Облыстық (қалалық) ұйымның төрағасы',
});
