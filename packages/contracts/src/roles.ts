/** Organisation types (tenants); each rule set serves one (its declaration in apps/server/src/<rule set>/index.ts). */
export const ORGANISATION_TYPES = ['territorial_subdivision', 'hpf_operator', 'medical_organisation', 'trade_union'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Roles of the kernel, in every organisation: its head, and a read-only auditor (listed last). */
const KERNEL_HEAD = { granted: ['head'], appointed: [] } as const;
const KERNEL_AUDITOR = { granted: ['auditor'], appointed: [] } as const;

/**
 * The roles each rule set adds, declared by the rule set (README of its folder). `granted` roles an
 * administrator or head grants; `appointed` ones follow only from a recorded appointment by order.
 * A rule set that is not built yet adds none.
 */
export const RULE_SET_ROLES = {
  /** Order 444: the inspector holds recorders; the responsible person is appointed by the head (R444-6). */
  'video-evidence': { granted: ['inspector'], appointed: ['responsible'] },
  /**
   * Order 315: the head of the production-control service and its officials (each also appointed by
   * the head's order with a scope, R315-3, checked when they inspect), unit heads who receive acts and
   * instructions, and performers of measures.
   */
  'production-control': { granted: ['pc_service_head', 'pc_official', 'unit_head', 'performer'], appointed: [] },
  /** DSM-335: the person in charge of CCTV keeps the register, the consents and the access requests. */
  'medical-cctv': { granted: ['cctv_officer'], appointed: [] },
  /**
   * The union competition: the competition secretary of the Central Committee runs the years and the
   * commissions; a member organisation's coordinator prepares and submits its candidates; commission
   * members review and judge (which commission, and their own member organisation, are records).
   */
  'ohs-competition': { granted: ['competition_secretary', 'member_coordinator', 'commission_member'], appointed: [] },
} as const;

type Declared = typeof KERNEL_HEAD | typeof KERNEL_AUDITOR | (typeof RULE_SET_ROLES)[keyof typeof RULE_SET_ROLES];
export type OrgRole = Declared['granted'][number] | Declared['appointed'][number];

const declared: readonly Declared[] = [KERNEL_HEAD, ...Object.values(RULE_SET_ROLES), KERNEL_AUDITOR];
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Roles held within one organisation: the kernel's and every rule set's. */
export const ORG_ROLES: readonly OrgRole[] = unique(declared.flatMap((d) => [...d.appointed, ...d.granted]));
/** Roles that may be granted directly; `responsible` never is: it follows from an active appointment (R444-6). */
export const GRANTABLE_ROLES: readonly OrgRole[] = unique(declared.flatMap((d) => [...d.granted]));

/** Roles that must use a second factor (R444-6 "special password known only to them"). */
export const SECOND_FACTOR_ROLES: readonly OrgRole[] = ['head', 'responsible'];

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';
