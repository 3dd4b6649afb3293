import { Alert, Anchor, Badge, Button, Center, Loader, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { RecorderHistory } from './RecorderHistory.tsx';
import { RecorderNoteForm, type RecorderStep } from './RecorderNoteForm.tsx';
import { actionsFor, STATUS_COLOR } from './recorderStatus.ts';
import { useRecorder } from './recorders.queries.ts';
import { useOrder444Access } from '../access.ts';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </Stack>
  );
}

/** One recorder: its details, what may be done now, and every step of its life from the ledger. */
export function RecorderPage() {
  const { t } = useTranslation();
  const { recorderId } = useParams();
  const { org } = useSession();
  const order444 = useOrder444Access();
  const orgId = org!.id;
  const q = useRecorder(orgId, recorderId!);
  const [step, setStep] = useState<RecorderStep | null>(null);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data)
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={t('loading')} />
      </Center>
    );
  const { recorder, history } = q.data;
  const steps = order444.keeper ? actionsFor(recorder.status) : [];
  return (
    <>
      <Anchor component={Link} to="/app/recorders/devices" size="sm">
        ← {t('recorders.back')}
      </Anchor>
      <PageHeader
        title={t('recorders.one', { number: recorder.inventoryNumber })}
        description={
          <Badge variant="light" color={STATUS_COLOR[recorder.status]} tt="none" size="lg" component="span">
            {t(`recorders.status.${recorder.status}`)}
          </Badge>
        }
        actions={steps.map((s) => (
          <Button
            key={s}
            variant={s === 'repaired' ? 'filled' : 'light'}
            color={s === 'repaired' ? 'teal' : 'red'}
            onClick={() => setStep(s)}
          >
            {t(`recorders.step.${s}.button`)}
          </Button>
        ))}
      />
      <Stack gap="lg">
        {recorder.status === 'issued' && order444.keeper && (
          <Alert color="blue" variant="light">
            {t('recorders.issuedHint')}
          </Alert>
        )}
        <Paper withBorder radius="md" p="lg">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Field label={t('recorders.inventoryNumber')} value={recorder.inventoryNumber} />
            <Field label={t('recorders.model')} value={recorder.model} />
            <Field label={t('recorders.serialNumber')} value={recorder.serialNumber} />
            <Field label={t('recorders.registeredOn')} value={formatDate(recorder.createdAt)} />
          </SimpleGrid>
          {recorder.notes && (
            <Text size="sm" mt="md">
              {recorder.notes}
            </Text>
          )}
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="md">
            {t('recorders.history.title')}
          </Title>
          <RecorderHistory history={history} />
        </Paper>
      </Stack>
      <Modal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? `${t(`recorders.step.${step}.button`)} — ${recorder.inventoryNumber}` : ''}
        size="md"
      >
        {step && <RecorderNoteForm orgId={orgId} recorder={recorder} step={step} onDone={() => setStep(null)} />}
      </Modal>
    </>
  );
}
