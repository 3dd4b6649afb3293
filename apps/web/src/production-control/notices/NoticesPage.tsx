import { Anchor, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { useNotices } from './notices.api.ts';

/** R315-4, R315-20: every notice to staff with how many addressees have acknowledged it. */
export function NoticesPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const list = useNotices(org!.id);
  return (
    <>
      <PageHeader
        title={t('pc.notices.title')}
        description={t('pc.notices.description')}
        actions={
          access.inspect && (
            <Button component={Link} to={`${PC_HOME}/notices/new`} data-testid="notice-new">
              {t('pc.notices.new')}
            </Button>
          )
        }
      />
      <ErrorAlert error={list.error} />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs" data-testid="notices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pc.notices.subject')}</Table.Th>
                <Table.Th>{t('pc.notices.kindLabel')}</Table.Th>
                <Table.Th>{t('pc.notices.author')}</Table.Th>
                <Table.Th>{t('pc.notices.publishedAt')}</Table.Th>
                <Table.Th ta="right">{t('pc.notices.acknowledgedCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${PC_HOME}/notices/${n.id}`}>
                      {n.subject}
                    </Anchor>
                    {n.supersededById && (
                      <Badge ml="xs" color="gray">
                        {t('pc.notices.superseded')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`pc.notices.kind.${n.kind}`)}</Table.Td>
                  <Table.Td>{n.authorName}</Table.Td>
                  <Table.Td>{n.publishedAt ? formatDateTime(n.publishedAt) : <Badge color="gray">{t('pc.notices.draft')}</Badge>}</Table.Td>
                  <Table.Td ta="right">
                    <Text span c={n.publishedAt && n.acknowledged < n.addressees ? 'orange.8' : undefined}>
                      {n.acknowledged} / {n.addressees}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
