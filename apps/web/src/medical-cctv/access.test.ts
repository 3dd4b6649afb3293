import { describe, expect, it } from 'vitest';
import type { MyOrganisation } from '../kernel/auth/auth.types.ts';
import { cctvAccess } from './access.ts';
import { cctvNav } from './navigation.ts';

const org = (roles: string[], type = 'medical_organisation') => ({ id: 'o', type, roles }) as unknown as MyOrganisation;

describe('DSM-335 in the web: who sees and does what (mirrors the server’s rules)', () => {
  it('R335-2 the head and the CCTV officer keep the registers; the auditor only reads; the head alone decides (R335-3)', () => {
    expect(cctvAccess(org(['head']))).toMatchObject({ module: true, keeper: true, decide: true, files: true });
    expect(cctvAccess(org(['cctv_officer']))).toMatchObject({ module: true, keeper: true, decide: false, files: true });
    expect(cctvAccess(org(['auditor']))).toMatchObject({ module: true, keeper: false, decide: false, files: false });
  });

  it('the section is offered to medical organisations only, and only to their readers', () => {
    const access = {} as never;
    expect(cctvNav.visible(access, org(['cctv_officer']))).toBe(true);
    expect(cctvNav.visible(access, org(['head'], 'territorial_subdivision'))).toBe(false);
    expect(cctvAccess(org(['head'], 'territorial_subdivision')).keeper).toBe(false);
    expect(cctvNav.visible(access, null)).toBe(false);
  });
});
