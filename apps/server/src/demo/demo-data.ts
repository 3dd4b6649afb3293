import type { OrganisationType, OrgRole } from '@baqylau/contracts';

/** Demo accounts only — listed in the README. Never used outside `baqylau demo` and tests. */
export const DEMO_PASSWORD = 'Qaragandy-Demo-2026';

export interface DemoOrg {
  key: string;
  type: OrganisationType;
  nameKk: string;
  nameRu: string;
  bin: string;
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: 'subdivision',
    type: 'territorial_subdivision',
    nameKk: 'ҚР ТЖМ Өнеркәсіптік қауіпсіздік комитетінің Қарағанды облысы бойынша департаменті',
    nameRu: 'Департамент Комитета промышленной безопасности МЧС РК по Карагандинской области',
    bin: '990340001230',
  },
  {
    key: 'operator',
    type: 'hpf_operator',
    nameKk: '«Шахтинск Көмір» жауапкершілігі шектеулі серіктестігі',
    nameRu: 'Товарищество с ограниченной ответственностью «Шахтинск Комир»',
    bin: '051240004566',
  },
  {
    key: 'clinic',
    type: 'medical_organisation',
    nameKk: '«Қарағанды облыстық көпбейінді ауруханасы» ШЖҚ КМК',
    nameRu: 'КГП на ПХВ «Карагандинская областная многопрофильная больница»',
    bin: '180540007892',
  },
  {
    key: 'union',
    type: 'trade_union',
    nameKk: 'Қарағанды облыстық білім және ғылым қызметкерлерінің кәсіподағы',
    nameRu: 'Карагандинский областной профсоюз работников образования и науки',
    bin: '970440003217',
  },
];

export interface DemoUser {
  login: string;
  fullName: string;
  org?: string;
  role?: OrgRole;
  admin?: boolean;
  /** Base32 TOTP secret for accounts that must use a second factor. */
  totp?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { login: 'admin', fullName: 'Платформа әкімшісі', admin: true, totp: 'JBSWY3DPEHPK3PXPBAQYLAUADMIN2345' },
  { login: 'head', fullName: 'Жұмабеков Ерлан Серікұлы', org: 'subdivision', role: 'head', totp: 'KRUGS4ZANFZSAYJAORSXG5BAMJQXC6LM' },
  {
    login: 'responsible',
    fullName: 'Сәрсенбаева Әйгерім Қайратқызы',
    org: 'subdivision',
    role: 'inspector',
    totp: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  },
  { login: 'inspector1', fullName: 'Нұрланов Данияр Асқарұлы', org: 'subdivision', role: 'inspector' },
  { login: 'inspector2', fullName: 'Омарова Гүлнар Бекқызы', org: 'subdivision', role: 'inspector' },
  { login: 'inspector3', fullName: 'Төлеуов Қанат Мұратұлы', org: 'subdivision', role: 'inspector' },
  { login: 'auditor', fullName: 'Ахметова Динара Болатқызы', org: 'subdivision', role: 'auditor' },
  { login: 'operator', fullName: 'Байжанов Серік Оралұлы', org: 'operator', role: 'head', totp: 'ONSWG4TFORQXE6JAMFSG22LOGEZTINJW' },
  { login: 'clinic', fullName: 'Исаева Мәдина Ғаниқызы', org: 'clinic', role: 'head', totp: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  { login: 'union', fullName: 'Қасымов Нұржан Төлегенұлы', org: 'union', role: 'head', totp: 'MZXW6YTBOI2DKNJWG42DGMBRGI3DKNBX' },
];
