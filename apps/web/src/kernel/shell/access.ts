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

/** Whether the user holds one of the roles in the organisation (rule sets build their access on it). */
export const hasRole = (org: MyOrganisation | null, roles: string[]) => !!org && org.roles.some((r) => roles.includes(r));

export function accessOf(me: Me, org: MyOrganisation | null): Access {
  return {
    admin: me.isPlatformAdmin,
    appointments: hasRole(org, ['head', 'responsible', 'auditor']),
    appoint: hasRole(org, ['head']),
    audit: hasRole(org, ['head', 'auditor']),
    signCheckpoint: hasRole(org, ['head']),
    members: hasRole(org, ['head', 'responsible', 'auditor']),
  };
}

export function currentOrganisation(me: Me): MyOrganisation | null {
  return me.organisations.find((o) => o.id === me.currentOrganisationId) ?? me.organisations[0] ?? null;
}

/** The organisation's name in the interface language (Russian stands in for English). */
export const organisationName = (org: { nameKk: string; nameRu: string }, lang: string) => (lang === 'kk' ? org.nameKk : org.nameRu);

/** A role's name; the head is named as the organisation type calls its head. */
export function roleLabel(t: (key: string) => string, role: string, orgType: string | undefined) {
  return role === 'head' && orgType ? t(`common:role.head.${orgType}`) : t(`common:role.${role}`);
}
