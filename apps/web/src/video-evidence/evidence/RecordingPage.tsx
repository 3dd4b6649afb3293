import { Alert, Anchor, Button, Center, Grid, Loader, Modal, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { RecordingRetention } from '../retention/RecordingRetention.tsx';
import { mediaUrl, useRecording } from './evidence.queries.ts';
import { AttachButton } from './AttachButton.tsx';
import { FindingList } from './FindingList.tsx';
import { activityPath } from './paths.ts';
import { Player } from './Player.tsx';
import { PurposeForm } from './PurposeForm.tsx';
import { EntryFacts, RecordingFacts } from './RecordingFacts.tsx';
import { MediaFacts } from './MediaFacts.tsx';
import { useOrder444Access } from '../access.ts';

/**
 * R444-13/21: one recording. Head and responsible person state a purpose before the first view of the
 * session, then play the original (the browser asks for byte ranges itself) or download it; the auditor
 * reads the same facts without the media.
 */
export function RecordingPage() {
  const { t } = useTranslation();
  const { recordingId } = useParams();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const q = useRecording(orgId, recordingId!);
  const [asking, setAsking] = useState<'view' | 'download' | null>(null);
  const [declined, setDeclined] = useState(false);
  const [stated, setStated] = useState(false);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data)
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  const detail = q.data;
  const rec = detail.recording;
  // A deleted recording is a tombstone (R444-12): its facts stay, its media is gone.
  const deleted = rec.deletedAt !== null;
  // R444-13: a damaged original is never played or offered as the original; only the head may take it, warned.
  const damaged = rec.integrity === 'damaged' && !deleted;
  const canPlay = order444.playback && !deleted && !damaged;
  const stored = rec.state === 'stored' && !deleted && !damaged;
  const purposeStated = detail.purposeStated || stated;
  const needPurpose = canPlay && !purposeStated;
  const dialogOpen = asking !== null || (needPurpose && stored && !declined);
  const downloadUrl = mediaUrl(orgId, rec.id, 'download');
  const damagedDownload = damaged && order444.downloadDamaged && (
    <Button
      color="red"
      variant="light"
      data-testid="download-damaged"
      onClick={() => {
        if (!purposeStated) return setAsking('download');
        if (window.confirm(t('evidence.damaged.confirm'))) window.location.assign(mediaUrl(orgId, rec.id, 'download-damaged'));
      }}
    >
      {t('evidence.damaged.download')}
    </Button>
  );

  const download = purposeStated ? (
    <Button component="a" href={downloadUrl} download={rec.originalName} variant="default">
      {t('evidence.player.download')}
    </Button>
  ) : (
    <Button variant="default" onClick={() => setAsking('download')}>
      {t('evidence.player.download')}
    </Button>
  );

  return (
    <>
      <Anchor component={Link} to={detail.activity ? activityPath(detail.activity.id) : '/app/recorders'} size="sm">
        ←{' '}
        {detail.activity
          ? t('evidence.player.backToActivity', { reference: detail.activity.referenceNumber })
          : t('evidence.player.backToDashboard')}
      </Anchor>
      <PageHeader
        title={t('evidence.player.title', { name: rec.originalName })}
        actions={canPlay ? download : damagedDownload || undefined}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {deleted && (
              <Alert color="gray" variant="light" title={t('retention.recording.tombstoneTitle')} data-testid="tombstone">
                {t('retention.recording.tombstone')}
              </Alert>
            )}
            {damaged && (
              <Alert color="red" variant="light" title={t('evidence.damaged.title')} role="alert" data-testid="damaged">
                {t('evidence.damaged.body', {
                  detectedAt: formatDateTime(rec.damage!.detectedAt),
                  check: t(`evidence.damaged.by.${rec.damage!.detectedBy}`),
                })}
              </Alert>
            )}
            {!stored && !deleted && !damaged && (
              <Alert color="orange" variant="light" title={t('evidence.player.unreadableTitle')} role="alert" data-testid="unreadable">
                {t('evidence.player.unreadable')}
              </Alert>
            )}
            {stored && !order444.playback && (
              <Alert color="gray" variant="light" title={t('evidence.player.noMediaTitle')}>
                {t('evidence.player.noMedia')}
              </Alert>
            )}
            {stored && canPlay && purposeStated && <Player src={mediaUrl(orgId, rec.id, 'play')} name={rec.originalName} />}
            {stored && needPurpose && !dialogOpen && (
              <Alert color="blue" variant="light" title={t('evidence.purpose.title')}>
                <Stack gap="xs" align="flex-start">
                  {t('evidence.purpose.needed')}
                  <Button size="xs" onClick={() => setAsking('view')}>
                    {t('evidence.purpose.open')}
                  </Button>
                </Stack>
              </Alert>
            )}
          </Stack>
        </Grid.Col>
        {/* Under the video on narrow screens: its times and hash first, then the journal entry and the findings. */}
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <RecordingFacts detail={detail} />
            <MediaFacts detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <EntryFacts detail={detail} attach={order444.keeper && <AttachButton orgId={orgId} recording={rec} />} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <RecordingRetention detail={detail} />
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="rec-findings">
              <Title id="rec-findings" order={2} size="h4" mb="sm">
                {t('evidence.findings.title')}
              </Title>
              {detail.findings.length ? <FindingList orgId={orgId} findings={detail.findings} /> : t('evidence.findings.none')}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal
        opened={dialogOpen}
        onClose={() => {
          setAsking(null);
          setDeclined(true);
        }}
        title={t('evidence.purpose.title')}
        size="lg"
      >
        <PurposeForm
          orgId={orgId}
          onStated={() => {
            setStated(true);
            if (asking === 'download' && !damaged) window.location.assign(downloadUrl);
            setAsking(null);
          }}
          onCancel={() => {
            setAsking(null);
            setDeclined(true);
          }}
        />
      </Modal>
    </>
  );
}
