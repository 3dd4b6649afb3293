import type { ReactNode } from 'react';
import { Forbidden } from '../components/Forbidden.tsx';
import type { Access } from './access.ts';
import { useSession } from './SessionContext.tsx';

/** A page only some roles may open; others get a clear refusal, not a broken page. */
export function Guarded({ allow, children }: { allow: (a: Access) => boolean; children: ReactNode }) {
  const { access } = useSession();
  return allow(access) ? <>{children}</> : <Forbidden />;
}
