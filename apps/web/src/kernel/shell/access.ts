import type { Me, MyOrganisation } from '../auth/auth.types.ts';

/** What the signed-in user may see and do in the current organisation (mirrors the server's rules). */
export interface Access {
  admin: boolean;
  appointments: boolean;
  appoint: boolean;
  audit: boolean;
  signCheckpoint: boolean;
  members: boolean;
  /** Order 444 (territorial subdivision only): what each role may open and do. */
  order444: {
    module: boolean;
    journal: boolean;
    keeper: boolean;
    print: boolean;
    fleet: boolean;
    planActivities: boolean;
    dashboard: boolean;
    mine: boolean;
    /** Recording metadata and continuity findings (R444-13: the auditor reads, no media). */
    recordings: boolean;
    /** Playing and downloading originals, after a stated purpose (R444-13/21). */
    playback: boolean;
    /** Explaining a finding or referring it for discipline (R444-19). */
    annotate: boolean;
    /** The retention review: due and upcoming recordings, deletion acts (R444-12). */
    retention: boolean;
    /** Deleting expired recordings with a deletion act (R444-6: the responsible person only). */
    deleteExpired: boolean;
    /** Placing and lifting legal holds (the head). */
    holds: boolean;
    /** Court and authority packages: reading them (R444-14). */
    packages: boolean;
    /** Making packages and their download links. */
    makePackages: boolean;
    /** Reading the activity's materials list. */
    materials: boolean;
    /** Uploading a material (PDF); an inspector only to an assigned activity. */
    uploadMaterials: boolean;
    /** Downloading a material. */
    downloadMaterials: boolean;
  };
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
    order444: order444Access(org),
  };
}

export function currentOrganisation(me: Me): MyOrganisation | null {
  return me.organisations.find((o) => o.id === me.currentOrganisationId) ?? me.organisations[0] ?? null;
}

/** The organisation's name in the interface language (Russian stands in for English). */
export const organisationName = (org: { nameKk: string; nameRu: string }, lang: string) => (lang === 'kk' ? org.nameKk : org.nameRu);

function order444Access(org: MyOrganisation | null): Access['order444'] {
  const here = org?.type === 'territorial_subdivision' ? org : null;
  return {
    module: hasAny(here, ['head', 'responsible', 'inspector', 'auditor']),
    journal: hasAny(here, ['head', 'responsible', 'inspector', 'auditor']),
    keeper: hasAny(here, ['responsible']),
    print: hasAny(here, ['head', 'responsible', 'auditor']),
    fleet: hasAny(here, ['head', 'responsible', 'auditor']),
    planActivities: hasAny(here, ['head', 'responsible']),
    dashboard: hasAny(here, ['head', 'responsible']),
    mine: hasAny(here, ['inspector']),
    recordings: hasAny(here, ['head', 'responsible', 'auditor']),
    playback: hasAny(here, ['head', 'responsible']),
    annotate: hasAny(here, ['head']),
    retention: hasAny(here, ['head', 'responsible', 'auditor']),
    deleteExpired: hasAny(here, ['responsible']),
    holds: hasAny(here, ['head']),
    packages: hasAny(here, ['head', 'responsible', 'auditor']),
    makePackages: hasAny(here, ['head', 'responsible']),
    materials: hasAny(here, ['head', 'responsible', 'auditor']),
    uploadMaterials: hasAny(here, ['head', 'responsible', 'inspector']),
    downloadMaterials: hasAny(here, ['head', 'responsible']),
  };
}

/** A role's name; the head is named as the organisation type calls its head. */
export function roleLabel(t: (key: string) => string, role: string, orgType: string | undefined) {
  return role === 'head' && orgType ? t(`common:role.head.${orgType}`) : t(`common:role.${role}`);
}
