import type { ReactNode } from 'react';
import { Forbidden } from '../components/Forbidden.tsx';
import type { MyOrganisation } from '../auth/auth.types.ts';
import type { Access } from './access.ts';
import { useSession } from './SessionContext.tsx';

/** A page only some roles may open; others get a clear refusal, not a broken page. */
export function Guarded({ allow, children }: { allow: (a: Access, org: MyOrganisation | null) => boolean; children: ReactNode }) {
  const { access, org } = useSession();
  return allow(access, org) ? <>{children}</> : <Forbidden />;
}
