import { describe, expect, it } from 'vitest';
import type { MyOrganisation } from '../../kernel/auth/auth.types.ts';
import { pcNav } from '../navigation.ts';

const org = (roles: string[]) => ({ id: 'o', type: 'hpf_operator', roles }) as unknown as MyOrganisation;
const visible = (roles: string[]) =>
  (pcNav.children ?? [])
    .filter((p) => ['pc.nav.instructions', 'pc.nav.myMeasures', 'pc.nav.monthlyCheck'].includes(p.label))
    .filter((p) => p.visible({} as never, org(roles)))
    .map((p) => p.label);

describe('Order 315 in the web after the inspection: who sees which page (mirrors the server’s rules)', () => {
  it('R315-27 a performer sees only their measures; a unit head the instructions and their measures (R315-16)', () => {
    expect(visible(['performer'])).toEqual(['pc.nav.myMeasures']);
    expect(visible(['unit_head'])).toEqual(['pc.nav.instructions', 'pc.nav.myMeasures']);
  });

  it('R315-13 officials and the service head have the monthly check; the first head and the auditor read instructions', () => {
    expect(visible(['pc_official'])).toEqual(['pc.nav.instructions', 'pc.nav.monthlyCheck']);
    expect(visible(['pc_service_head'])).toEqual(['pc.nav.instructions', 'pc.nav.monthlyCheck']);
    expect(visible(['head'])).toEqual(['pc.nav.instructions']);
    expect(visible(['auditor'])).toEqual(['pc.nav.instructions']);
  });
});
