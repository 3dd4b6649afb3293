import { useMemo } from 'react';
import type { MyOrganisation } from '../kernel/auth/auth.types.ts';
import { hasRole } from '../kernel/shell/access.ts';
import { useSession } from '../kernel/shell/SessionContext.tsx';

/** DSM-335 (medical organisations only): what each role may open and do (mirrors the server's rules, medical-cctv/cctv-http.ts). */
export interface CctvAccess {
  /** The registers, the compliance picture and the applications: read (the auditor reads only). */
  module: boolean;
  /** Keeping the registers: premises, cameras, signs, consents, receiving applications, files, hand-over. */
  keeper: boolean;
  /** Deciding an application of point 3 (the head alone). */
  decide: boolean;
  /** Downloading consent scans and the documents and clips of an application (personal data, every download logged). */
  files: boolean;
  /**
   * Reading the notices (a withdrawn consent, a new application). The server sends them to the head and
   * the CCTV officer, but its notices route lets only the kernel's roles read them (head, auditor).
   */
  notices: boolean;
}

/** DSM-335 serves medical organisations. */
export const servesCctv = (org: MyOrganisation | null) => org?.type === 'medical_organisation';

export function cctvAccess(org: MyOrganisation | null): CctvAccess {
  const here = servesCctv(org) ? org : null;
  return {
    module: hasRole(here, ['head', 'cctv_officer', 'auditor']),
    keeper: hasRole(here, ['head', 'cctv_officer']),
    decide: hasRole(here, ['head']),
    files: hasRole(here, ['head', 'cctv_officer']),
    notices: hasRole(here, ['head', 'auditor']),
  };
}

/** What the signed-in user may do under DSM-335 in the current organisation. */
export function useCctvAccess(): CctvAccess {
  const { org } = useSession();
  return useMemo(() => cctvAccess(org), [org]);
}
