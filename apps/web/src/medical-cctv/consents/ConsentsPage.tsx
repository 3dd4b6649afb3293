import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCctvAccess } from '../access.ts';
import { useCompliance } from '../dashboard/compliance.queries.ts';
import { usePlaces } from '../premises/premises.queries.ts';
import type { ComplianceRow, Consent } from '../shared/cctv.types.ts';
import { ConsentForm } from './ConsentForm.tsx';
import { ConsentsTable } from './ConsentsTable.tsx';
import { WithdrawForm } from './WithdrawForm.tsx';
import { useConsents } from './consents.queries.ts';
import { WHOLE } from '../shared/words.tsx';

function Side({ ok, label }: { ok: boolean; label: string }) {
  return (
    <Badge styles={WHOLE} variant="light" color={ok ? 'green' : 'red'} tt="none">
      {ok ? '✓' : '✗'} {label}
    </Badge>
  );
}

/** Point 8-1 per blood-draw room with cameras: both sides' consents in force, or the cameras have no basis. */
function Bases({ rows }: { rows: ComplianceRow[] }) {
  const { t } = useTranslation();
  const rooms = new Map<string, ComplianceRow[]>();
  for (const r of rows) if (r.consent) rooms.set(r.place.id, [...(rooms.get(r.place.id) ?? []), r]);
  if (rooms.size === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {[...rooms.values()].map((cams) => {
        const c = cams[0]!.consent!;
        return (
          <Paper key={cams[0]!.place.id} withBorder radius="md" p="sm" data-testid="consent-basis">
            <Text size="sm" fw={600}>
              {cams[0]!.place.path}
            </Text>
            <Text size="xs" c="dimmed" mb={6}>
              {t('cctv.consents.cameras', { list: cams.map((x) => x.camera.number).join(', ') })}
            </Text>
            <Group gap="xs">
              <Side ok={c.patientSide} label={t('cctv.consents.patientSide')} />
              <Side ok={c.workerSide} label={t('cctv.consents.workerSide')} />
              <Badge styles={WHOLE} variant="filled" color={c.ok ? 'green.8' : 'red.8'} tt="none">
                {c.ok ? t('cctv.consents.basisOk') : t('cctv.consents.basisMissing')}
              </Badge>
            </Group>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

/** R335-8-1: consents for blood-draw rooms; recording, withdrawing, the scans; the basis each room's cameras have. */
export function ConsentsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = useCctvAccess();
  const orgId = org!.id;
  const consents = useConsents(orgId);
  const places = usePlaces(orgId);
  const report = useCompliance(orgId);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [lost, setLost] = useState<string | null>(null);
  const sorted = consents.data && [...consents.data].sort((a, b) => b.givenOn.localeCompare(a.givenOn));

  return (
    <>
      <PageHeader
        title={t('cctv.consents.title')}
        description={t('cctv.consents.description')}
        actions={access.keeper && <Button onClick={() => setRecording(true)}>{t('cctv.consent.recordTitle')}</Button>}
      />
      <Stack gap="lg">
        {lost && (
          <Alert
            color="red"
            variant="light"
            title={t('cctv.consents.lostTitle')}
            withCloseButton
            onClose={() => setLost(null)}
            role="alert"
          >
            {t('cctv.consents.lost', { name: lost })}
          </Alert>
        )}
        {report.data && <Bases rows={report.data.cameras} />}
        <Paper withBorder radius="md">
          <Title order={2} size="h4" p="md" pb={0}>
            {t('cctv.consents.listTitle')}
          </Title>
          <DataState query={{ ...consents, data: places.data ? sorted : undefined }} empty={t('cctv.consents.empty')}>
            {(rows) => (
              <ConsentsTable orgId={orgId} consents={rows} places={places.data ?? []} keeper={access.keeper} onWithdraw={setWithdrawing} />
            )}
          </DataState>
        </Paper>
      </Stack>
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('cctv.consent.recordTitle')} size="lg">
        {recording && <ConsentForm orgId={orgId} places={places.data ?? []} onDone={() => setRecording(false)} />}
      </Modal>
      <Modal opened={!!withdrawing} onClose={() => setWithdrawing(null)} title={t('cctv.consent.withdrawTitle')}>
        {withdrawing && (
          <WithdrawForm
            orgId={orgId}
            consent={withdrawing}
            onDone={(basisLost) => {
              if (basisLost) setLost(withdrawing.personName);
              setWithdrawing(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}
