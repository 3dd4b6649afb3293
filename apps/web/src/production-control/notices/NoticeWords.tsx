import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Acknowledged, waiting, or overdue: the state of one person's acknowledgement. */
export function AckBadge({ at, overdue }: { at: string | null; overdue?: boolean }) {
  const { t } = useTranslation();
  if (at) return <Badge color="teal">{t('pc.notices.acknowledged')}</Badge>;
  return <Badge color={overdue ? 'red' : 'yellow'}>{t(overdue ? 'pc.notices.overdue' : 'pc.notices.waiting')}</Badge>;
}
