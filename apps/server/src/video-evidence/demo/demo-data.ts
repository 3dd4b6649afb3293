import type { DemoOrg, DemoUser } from '../../kernel/demo/demo.types.ts';

/** Demo accounts only — listed in the README. Never used outside `baqylau demo` and tests. */
export const DEMO_ORGANISATION: DemoOrg = {
  key: 'subdivision',
  type: 'territorial_subdivision',
  nameKk: 'ҚР ТЖМ Өнеркәсіптік қауіпсіздік комитетінің Қарағанды облысы бойынша департаменті',
  nameRu: 'Департамент Комитета промышленной безопасности МЧС РК по Карагандинской области',
  bin: '990340001230',
};

export const DEMO_USERS: DemoUser[] = [
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
];
