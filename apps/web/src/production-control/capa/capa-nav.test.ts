import { describe, expect, it } from 'vitest';
import type { MyOrganisation } from '../../kernel/auth/auth.types.ts';
import { pcNav } from '../navigation.ts';

const org = (roles: string[]) => ({ id: 'o', type: 'hpf_operator', roles }) as unknown as MyOrganisation;
const seesCapa = (roles: string[]) => (pcNav.children ?? []).some((p) => p.label === 'pc.nav.capa' && p.visible({} as never, org(roles)));

describe('Order 315 in the web: corrective and preventive actions (mirrors the server’s rules)', () => {
  it('R315-21 the head, the service, unit heads and the auditor open the CAPA page; a performer does not', () => {
    for (const r of ['head', 'pc_service_head', 'pc_official', 'unit_head', 'auditor']) expect(seesCapa([r]), r).toBe(true);
    expect(seesCapa(['performer'])).toBe(false);
  });
});
