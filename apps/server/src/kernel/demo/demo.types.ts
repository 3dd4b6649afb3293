import type { OrganisationType, OrgRole } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';

export interface DemoOrg {
  key: string;
  type: OrganisationType;
  nameKk: string;
  nameRu: string;
  bin: string;
}

export interface DemoUser {
  login: string;
  fullName: string;
  org?: string;
  role?: OrgRole;
  admin?: boolean;
  /** Base32 TOTP secret for accounts that must use a second factor. */
  totp?: string;
}

/** The ids the demo gave its organisations (by DemoOrg.key) and users (by login). */
export interface DemoIds {
  orgIds: Map<string, string>;
  userIds: Map<string, string>;
}

/** What a rule set adds to `baqylau demo` (and to the tests' world). */
export interface RuleSetDemo {
  organisations: DemoOrg[];
  users: DemoUser[];
  /** Once organisations and users exist: what the people need to work (e.g. appointments by order). */
  prepare?(deps: AppDeps, ids: DemoIds): Promise<void>;
  /** Records a newcomer should see in `baqylau demo`. */
  seedRecords?(deps: AppDeps, ids: DemoIds): Promise<void>;
}
