import type { Me, MyOrganisation } from '../auth/auth.types.ts';

/** What the signed-in user may see and do in the current organisation (mirrors the server's rules). */
export interface Access {
  admin: boolean;
  appointments: boolean;
  appoint: boolean;
  audit: boolean;
  signCheckpoint: boolean;
  members: boolean;
}

const hasAny = (org: MyOrganisation | null, roles: string[]) => !!org && org.roles.some((r) => roles.includes(r));

export function accessOf(me: Me, org: MyOrganisation | null): Access {
  return {
    admin: me.isPlatformAdmin,
    appointments: hasAny(org, ['head', 'responsible', 'auditor']),
    appoint: hasAny(org, ['head']),
    audit: hasAny(org, ['head', 'auditor']),
    signCheckpoint: hasAny(org, ['head']),
    members: hasAny(org, ['head', 'responsible', 'auditor']),
  };
}

export function currentOrganisation(me: Me): MyOrganisation | null {
  return me.organisations.find((o) => o.id === me.currentOrganisationId) ?? me.organisations[0] ?? null;
}

/** The organisation's name in the interface language (Russian stands in for English). */
export const organisationName = (org: { nameKk: string; nameRu: string }, lang: string) => (lang === 'kk' ? org.nameKk : org.nameRu);
