import type { DemoUser } from './demo.types.ts';

/** Demo accounts only — listed in the README. Never used outside `baqylau demo` and tests. */
export const DEMO_PASSWORD = 'Qaragandy-Demo-2026';

/** The kernel's own demo account; each rule set adds its organisation and people (RuleSet.demo). */
export const KERNEL_DEMO_USERS: DemoUser[] = [
  { login: 'admin', fullName: 'Платформа әкімшісі', admin: true, totp: 'JBSWY3DPEHPK3PXPBAQYLAUADMIN2345' },
];
