import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PC_HOME } from '../navigation.ts';
import { useAccidents } from './accidents.queries.ts';

/** On an extraordinary inspection: the register entry whose order opened it (R315-8, the link read back). */
export function AccidentBasis({ orgId, inspectionId }: { orgId: string; inspectionId: string }) {
  const { t } = useTranslation();
  const list = useAccidents(orgId, inspectionId);
  const a = list.data?.[0];
  if (!a) return null;
  return (
    <Anchor component={Link} to={`${PC_HOME}/accidents/${a.id}`} data-testid="accident-basis">
      {t('pc.accidents.basisLink', { number: a.number })}
    </Anchor>
  );
}
