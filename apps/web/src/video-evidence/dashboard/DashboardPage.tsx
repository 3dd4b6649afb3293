import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { FindingsPanel } from '../evidence/FindingsPanel.tsx';
import { UnattributedPanel } from '../evidence/UnattributedPanel.tsx';
import { UpcomingCard } from '../retention/UpcomingCard.tsx';
import { BrokenPanel } from './BrokenPanel.tsx';
import { MyRecordersPage } from './MyRecordersPage.tsx';
import { NoticesPanel } from './NoticesPanel.tsx';
import { OverduePanel } from './OverduePanel.tsx';
import { PartialUploadsPanel } from './PartialUploadsPanel.tsx';
import { useOrder444Access } from '../access.ts';

/** The Order 444 home: the head's and responsible person's dashboard; an inspector lands on their recorders. */
export function Order444Home() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const a = useOrder444Access();
  if (!a.dashboard && a.mine) return <MyRecordersPage />;
  return (
    <>
      <PageHeader
        title={t('order444.title')}
        description={t('order444.description')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/app/recorders/journal">
              {t('order444.nav.journal')}
            </Button>
            {a.fleet && (
              <Button component={Link} to="/app/recorders/devices" variant="default">
                {t('order444.nav.devices')}
              </Button>
            )}
          </Group>
        }
      />
      {a.dashboard ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <OverduePanel orgId={orgId} />
            <BrokenPanel orgId={orgId} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <FindingsPanel orgId={orgId} />
            <UnattributedPanel orgId={orgId} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <UpcomingCard orgId={orgId} />
            <NoticesPanel orgId={orgId} />
          </SimpleGrid>
          <PartialUploadsPanel orgId={orgId} />
        </Stack>
      ) : null}
    </>
  );
}
