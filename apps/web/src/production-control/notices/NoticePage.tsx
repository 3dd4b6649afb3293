import { Alert, Anchor, Badge, Button, Card, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { noticeDocumentUrl, useAcknowledge, useAttachDocument, useNotice, usePublishNotice, type NoticeDetail } from './notices.api.ts';
import { AckBadge } from './NoticeWords.tsx';

function StatusTable({ n }: { n: NoticeDetail }) {
  const { t } = useTranslation();
  if (!n.status || !n.publishedAt) return null;
  const done = n.status.filter((s) => s.acknowledgedAt).length;
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('pc.notices.statusTitle', { done, total: n.status.length })}
      </Title>
      <Table verticalSpacing="xs" data-testid="notice-status">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pc.notices.person')}</Table.Th>
            <Table.Th>{t('pc.notices.state')}</Table.Th>
            <Table.Th>{t('pc.notices.acknowledgedAt')}</Table.Th>
            <Table.Th>{t('pc.notices.remindedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {n.status.map((s) => (
            <Table.Tr key={s.userId}>
              <Table.Td>{s.fullName}</Table.Td>
              <Table.Td>
                <AckBadge at={s.acknowledgedAt} overdue={s.overdue} />
              </Table.Td>
              <Table.Td>{s.acknowledgedAt ? formatDateTime(s.acknowledgedAt) : '—'}</Table.Td>
              <Table.Td>{s.remindedAt ? formatDateTime(s.remindedAt) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** R315-4, R315-20: one notice — its text and document; the addressee acknowledges it; the service sees who has and has not. */
export function NoticePage() {
  const { t } = useTranslation();
  const { org, me } = useSession();
  const orgId = org!.id;
  const { noticeId } = useParams();
  const access = usePcAccess();
  const notice = useNotice(orgId, noticeId!);
  const ack = useAcknowledge(orgId);
  const publish = usePublishNotice(orgId);
  const attach = useAttachDocument(orgId, noticeId!);
  const n = notice.data;
  const own = n && me && n.authorId === me.id;
  return (
    <>
      <Anchor component={Link} to={`${PC_HOME}/${access.report ? 'notices' : 'my-notices'}`} size="sm">
        ← {t(access.report ? 'pc.notices.title' : 'pc.notices.mineTitle')}
      </Anchor>
      <ErrorAlert error={notice.error ?? ack.error ?? publish.error ?? attach.error} />
      {n && (
        <>
          <PageHeader
            title={n.subject}
            description={`${t(`pc.notices.kind.${n.kind}`)} · ${n.authorName}${n.publishedAt ? ` · ${formatDateTime(n.publishedAt)}` : ''}`}
            actions={
              <Group gap="xs">
                {n.isAddressee && n.publishedAt && !n.acknowledgedAt && !n.supersededById && (
                  <Button loading={ack.isPending} onClick={() => ack.mutate(n.id)} data-testid="notice-acknowledge">
                    {t('pc.notices.acknowledge')}
                  </Button>
                )}
                {n.acknowledgedAt && <AckBadge at={n.acknowledgedAt} />}
                {own && !n.publishedAt && (
                  <>
                    <FileButton onChange={(f) => f && attach.mutate(f)} accept="application/pdf,image/jpeg,image/png">
                      {(props) => (
                        <Button variant="default" loading={attach.isPending} {...props}>
                          {t('pc.notices.attach')}
                        </Button>
                      )}
                    </FileButton>
                    <Button loading={publish.isPending} onClick={() => publish.mutate(n.id)} data-testid="notice-publish">
                      {t('pc.notices.publish')}
                    </Button>
                  </>
                )}
                {access.inspect && n.publishedAt && !n.supersededById && (
                  <Button variant="default" component={Link} to={`${PC_HOME}/notices/new?supersedes=${n.id}`}>
                    {t('pc.notices.correct')}
                  </Button>
                )}
              </Group>
            }
          />
          <Stack gap="md">
            {!n.publishedAt && <Alert color="gray">{t('pc.notices.draftHint')}</Alert>}
            {n.supersededById && (
              <Alert color="yellow">
                <Anchor component={Link} to={`${PC_HOME}/notices/${n.supersededById}`}>
                  {t('pc.notices.supersededBy')}
                </Anchor>
              </Alert>
            )}
            {n.supersedesId && (
              <Anchor component={Link} to={`${PC_HOME}/notices/${n.supersedesId}`} size="sm">
                {t('pc.notices.supersedes')}
              </Anchor>
            )}
            <Paper withBorder p="md" radius="md" lang={n.language}>
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-text">
                {n.body}
              </Text>
            </Paper>
            {n.document && (
              <Group gap="xs">
                <Badge variant="light">{t('pc.notices.document')}</Badge>
                <Anchor href={noticeDocumentUrl(orgId, n.id)} download>
                  {n.document.fileName}
                </Anchor>
              </Group>
            )}
            <StatusTable n={n} />
          </Stack>
        </>
      )}
    </>
  );
}
