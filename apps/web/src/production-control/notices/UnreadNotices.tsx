import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PC_HOME } from '../navigation.ts';
import { useMyNotices } from './notices.api.ts';

/** R315-4, R315-20: on the home page, the notices the member still has to acknowledge (none: nothing shown). */
export function UnreadNotices({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const mine = useMyNotices(orgId);
  const waiting = (mine.data ?? []).filter((n) => !n.acknowledgedAt && !n.supersededById).length;
  if (!waiting) return null;
  return (
    <Alert color="yellow" data-testid="pc-unread-notices">
      <Anchor component={Link} to={`${PC_HOME}/my-notices`}>
        {t('pc.notices.unread', { count: waiting })}
      </Anchor>
    </Alert>
  );
}
