import type { DemoOrg, DemoUser } from '../../kernel/demo/demo.types.ts';

/** Demo accounts only — listed in the README. Never used outside `baqylau demo` and tests. */
export const DEMO_ORGANISATION: DemoOrg = {
  key: 'clinic',
  type: 'medical_organisation',
  nameKk: '«Қарағанды облыстық көпбейінді ауруханасы» ШЖҚ КМК',
  nameRu: 'КГП на ПХВ «Карагандинская областная многопрофильная больница»',
  bin: '180540007892',
};

export const DEMO_USERS: DemoUser[] = [
  { login: 'clinic', fullName: 'Исаева Мәдина Ғаниқызы', org: 'clinic', role: 'head', totp: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  { login: 'cctv', fullName: 'Серікбаева Жанар Ерболқызы', org: 'clinic', role: 'cctv_officer' },
];
