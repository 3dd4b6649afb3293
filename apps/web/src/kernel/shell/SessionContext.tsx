import { createContext, useContext, type ReactNode } from 'react';
import type { Me, MyOrganisation } from '../auth/auth.types.ts';
import { accessOf, currentOrganisation, type Access } from './access.ts';

export interface Session {
  me: Me;
  org: MyOrganisation | null;
  access: Access;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const org = currentOrganisation(me);
  return <SessionContext.Provider value={{ me, org, access: accessOf(me, org) }}>{children}</SessionContext.Provider>;
}

/** The signed-in user, the current organisation and what they may do there. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in shell');
  return s;
}
