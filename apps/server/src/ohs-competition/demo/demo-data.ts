import type { DemoOrg, DemoUser } from '../../kernel/demo/demo.types.ts';

/** Demo accounts only — listed in the README. Never used outside `baqylau demo` and tests. */
export const DEMO_ORGANISATION: DemoOrg = {
  key: 'union',
  type: 'trade_union',
  nameKk: 'Қарағанды облыстық білім және ғылым қызметкерлерінің кәсіподағы',
  nameRu: 'Карагандинский областной профсоюз работников образования и науки',
  bin: '970440003217',
};

export const DEMO_USERS: DemoUser[] = [
  { login: 'union', fullName: 'Қасымов Нұржан Төлегенұлы', org: 'union', role: 'head', totp: 'MZXW6YTBOI2DKNJWG42DGMBRGI3DKNBX' },
];
