import { useMemo } from 'react';
import type { MyOrganisation } from '../kernel/auth/auth.types.ts';
import { hasRole } from '../kernel/shell/access.ts';
import { useSession } from '../kernel/shell/SessionContext.tsx';

/** Order 315 (HPF operators only): what each role may open and do (mirrors the server's rules, production-control/pc-http.ts). */
export interface PcAccess {
  /** Facilities, schedule, inspections, violations, instructions, journal: read. */
  module: boolean;
  /** Inspections, violations, proposals, the journal: read (the server's PC_READERS; performers see only their own measures). */
  read: boolean;
  /** Setting up facilities, units, appointments, checklists and the schedule. */
  organise: boolean;
  /** Conducting inspections, issuing acts and instructions, verifying, the monthly check. */
  inspect: boolean;
  /** The first head: approving, deciding proposals, settling deadlines, cancelling instructions by order. */
  firstHead: boolean;
  /** A unit head: receives acts and instructions, agrees deadlines. */
  unitHead: boolean;
  /** Reporting a measure done (performers, and unit heads for their units). */
  perform: boolean;
  /** The monthly report, its figures and charts (R315-18): the head, the service, the auditor. */
  report: boolean;
}

/** Order 315 serves operators of hazardous production facilities. */
export const servesPc = (org: MyOrganisation | null) => org?.type === 'hpf_operator';

export function pcAccess(org: MyOrganisation | null): PcAccess {
  const here = servesPc(org) ? org : null;
  return {
    module: hasRole(here, ['head', 'pc_service_head', 'pc_official', 'unit_head', 'auditor', 'performer']),
    read: hasRole(here, ['head', 'pc_service_head', 'pc_official', 'unit_head', 'auditor']),
    organise: hasRole(here, ['head', 'pc_service_head']),
    inspect: hasRole(here, ['head', 'pc_service_head', 'pc_official']),
    firstHead: hasRole(here, ['head']),
    unitHead: hasRole(here, ['unit_head']),
    perform: hasRole(here, ['performer', 'unit_head']),
    report: hasRole(here, ['head', 'pc_service_head', 'pc_official', 'auditor']),
  };
}

/** What the signed-in user may do under Order 315 in the current organisation. */
export function usePcAccess(): PcAccess {
  const { org } = useSession();
  return useMemo(() => pcAccess(org), [org]);
}
