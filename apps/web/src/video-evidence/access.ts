import { useMemo } from 'react';
import type { MyOrganisation } from '../kernel/auth/auth.types.ts';
import { hasRole } from '../kernel/shell/access.ts';
import { useSession } from '../kernel/shell/SessionContext.tsx';

/** Order 444 (territorial subdivision only): what each role may open and do (mirrors the server's rules). */
export interface Order444Access {
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
  /** Downloading an original known damaged, for an expert examination, after acknowledging it (R444-13: the head only). */
  downloadDamaged: boolean;
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
}

/** Order 444 serves territorial subdivisions of the Industrial Safety Committee. */
export const servesOrder444 = (org: MyOrganisation | null) => org?.type === 'territorial_subdivision';

export function order444Access(org: MyOrganisation | null): Order444Access {
  const here = servesOrder444(org) ? org : null;
  return {
    module: hasRole(here, ['head', 'responsible', 'inspector', 'auditor']),
    journal: hasRole(here, ['head', 'responsible', 'inspector', 'auditor']),
    keeper: hasRole(here, ['responsible']),
    print: hasRole(here, ['head', 'responsible', 'auditor']),
    fleet: hasRole(here, ['head', 'responsible', 'auditor']),
    planActivities: hasRole(here, ['head', 'responsible']),
    dashboard: hasRole(here, ['head', 'responsible']),
    mine: hasRole(here, ['inspector']),
    recordings: hasRole(here, ['head', 'responsible', 'auditor']),
    playback: hasRole(here, ['head', 'responsible']),
    downloadDamaged: hasRole(here, ['head']),
    annotate: hasRole(here, ['head']),
    retention: hasRole(here, ['head', 'responsible', 'auditor']),
    deleteExpired: hasRole(here, ['responsible']),
    holds: hasRole(here, ['head']),
    packages: hasRole(here, ['head', 'responsible', 'auditor']),
    makePackages: hasRole(here, ['head', 'responsible']),
    materials: hasRole(here, ['head', 'responsible', 'auditor']),
    uploadMaterials: hasRole(here, ['head', 'responsible', 'inspector']),
    downloadMaterials: hasRole(here, ['head', 'responsible']),
  };
}

/** What the signed-in user may do under Order 444 in the current organisation. */
export function useOrder444Access(): Order444Access {
  const { org } = useSession();
  return useMemo(() => order444Access(org), [org]);
}
