import type { DemoOrg, DemoUser } from '../../kernel/demo/demo.types.ts';

/**
 * Demo accounts only — listed in the README. Never used outside `baqylau demo` and tests.
 * The tenant is the sectoral union that organises the competition (its Central Committee, point 2);
 * the regional unions are its member organisations, kept inside it (README here).
 */
export const DEMO_ORGANISATION: DemoOrg = {
  key: 'union',
  type: 'trade_union',
  nameKk: 'Қазақстандық оқу-ағарту, ғылым және жоғары білім қызметкерлерінің салалық кәсіподағы',
  nameRu: 'Казахстанский отраслевой профсоюз работников просвещения, науки и высшего образования',
  bin: '970440003217',
};

/** The member organisations of the demo (point 10), by key. */
export const DEMO_MEMBER_ORGANISATIONS = {
  karaganda: {
    nameKk: 'Қарағанды облыстық білім және ғылым қызметкерлерінің кәсіподағы',
    nameRu: 'Карагандинский областной профсоюз работников образования и науки',
  },
  astana: {
    nameKk: 'Астана қалалық білім және ғылым қызметкерлерінің кәсіподағы',
    nameRu: 'Астанинский городской профсоюз работников образования и науки',
  },
  shymkent: {
    nameKk: 'Шымкент қалалық білім және ғылым қызметкерлерінің кәсіподағы',
    nameRu: 'Шымкентский городской профсоюз работников образования и науки',
  },
} as const;
export type DemoMemberKey = keyof typeof DEMO_MEMBER_ORGANISATIONS;

/** Coordinators by login, and the member organisation each works for. */
export const DEMO_COORDINATORS: Record<string, DemoMemberKey> = {
  coordinator1: 'karaganda',
  coordinator2: 'astana',
  coordinator3: 'shymkent',
};

export const DEMO_USERS: DemoUser[] = [
  { login: 'union', fullName: 'Қасымов Нұржан Төлегенұлы', org: 'union', role: 'head', totp: 'MZXW6YTBOI2DKNJWG42DGMBRGI3DKNBX' },
  { login: 'secretary', fullName: 'Бекова Сәуле Мұратқызы', org: 'union', role: 'competition_secretary' },
  { login: 'coordinator1', fullName: 'Әбілқасымова Гүлмира Серікқызы', org: 'union', role: 'member_coordinator' },
  { login: 'coordinator2', fullName: 'Оспанов Ержан Бақытұлы', org: 'union', role: 'member_coordinator' },
  { login: 'coordinator3', fullName: 'Төлегенова Айгүл Нұрланқызы', org: 'union', role: 'member_coordinator' },
  { login: 'judge1', fullName: 'Сейітқали Марат Жомартұлы', org: 'union', role: 'commission_member' },
  { login: 'judge2', fullName: 'Жақыпова Ләззат Әмірқызы', org: 'union', role: 'commission_member' },
  { login: 'judge3', fullName: 'Нұрмағамбетов Асқар Серікұлы', org: 'union', role: 'commission_member' },
  { login: 'judge4', fullName: 'Ермекова Сәуле Қанатқызы', org: 'union', role: 'commission_member' },
];
