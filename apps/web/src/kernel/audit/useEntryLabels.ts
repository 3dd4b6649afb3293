import { useTranslation } from 'react-i18next';
import type { LedgerEntry } from './audit.queries.ts';

/** Human words for a ledger entry's actor, action and subject, falling back to the raw code. */
export function useEntryLabels() {
  const { t, i18n } = useTranslation();
  const known = (key: string) => i18n.exists(key);
  return {
    action: (action: string) => (known(`common:action.${action}`) ? t(`common:action.${action}`) : action),
    actor: (e: LedgerEntry) => e.actorName ?? (known(`audit.actorKind.${e.actorKind}`) ? t(`audit.actorKind.${e.actorKind}`) : e.actorKind),
    subject: (e: LedgerEntry) => {
      const type = known(`audit.subjectType.${e.subjectType}`) ? t(`audit.subjectType.${e.subjectType}`) : e.subjectType;
      return e.subjectId ? `${type} ${e.subjectId.slice(0, 8)}` : type;
    },
  };
}
