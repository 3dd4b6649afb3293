/** Organisation types (tenants). Each module adds roles that make sense for its type. */
export const ORGANISATION_TYPES = ['territorial_subdivision', 'hpf_operator', 'medical_organisation', 'trade_union'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * Roles held within one organisation. `responsible` is never granted directly:
 * it follows from an active appointment made by the head (R444-6).
 */
export const ORG_ROLES = ['head', 'responsible', 'inspector', 'auditor'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const GRANTABLE_ROLES = ['head', 'inspector', 'auditor'] as const satisfies readonly OrgRole[];

/** Roles that must use a second factor (R444-6 "special password known only to them"). */
export const SECOND_FACTOR_ROLES: readonly OrgRole[] = ['head', 'responsible'];

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';
