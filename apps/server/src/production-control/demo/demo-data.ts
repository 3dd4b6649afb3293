import type { DemoOrg, DemoUser } from '../../kernel/demo/demo.types.ts';

/** Demo accounts only — listed in the README. Never used outside `baqylau demo` and tests. */
export const DEMO_ORGANISATION: DemoOrg = {
  key: 'operator',
  type: 'hpf_operator',
  nameKk: '«Шахтинск Көмір» жауапкершілігі шектеулі серіктестігі',
  nameRu: 'Товарищество с ограниченной ответственностью «Шахтинск Комир»',
  bin: '051240004566',
};

export const DEMO_USERS: DemoUser[] = [
  { login: 'operator', fullName: 'Байжанов Серік Оралұлы', org: 'operator', role: 'head', totp: 'ONSWG4TFORQXE6JAMFSG22LOGEZTINJW' },
  { login: 'pcservice', fullName: 'Жақсылықов Бауыржан Төлеуұлы', org: 'operator', role: 'pc_service_head' },
  { login: 'pcofficial', fullName: 'Мұқанова Айжан Ерланқызы', org: 'operator', role: 'pc_official' },
  { login: 'unithead1', fullName: 'Ержанов Талғат Қайратұлы', org: 'operator', role: 'unit_head' },
  { login: 'unithead2', fullName: 'Смағұлов Арман Бекұлы', org: 'operator', role: 'unit_head' },
  { login: 'performer', fullName: 'Әлиев Руслан Маратұлы', org: 'operator', role: 'performer' },
];
