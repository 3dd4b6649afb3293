import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from './activities.queries.ts';

/** R444-12: the retention class; investigation is not named in point 12, and says so. */
export function RetentionBadge({ retention }: { retention: Activity['retention'] }) {
  const { t } = useTranslation();
  const text = t('activities.retention.years', { count: retention.years });
  if (retention.coveredByPoint12)
    return (
      <Badge variant="light" color="gray" tt="none" mt={4}>
        {text} · {t('activities.retention.point12')}
      </Badge>
    );
  return (
    <Tooltip label={t('activities.retention.notCoveredHint')} multiline w={280} withArrow>
      <Badge variant="light" color="orange" tt="none" mt={4} tabIndex={0}>
        {text} · {t('activities.retention.notCovered')}
      </Badge>
    </Tooltip>
  );
}
