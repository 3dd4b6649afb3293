import { Anchor, Button, Grid, Group, Menu, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate, formatDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useCctvAccess } from '../access.ts';
import { CCTV_HOME } from '../navigation.ts';
import { usePlaces } from '../premises/premises.queries.ts';
import type { AccessRequest } from '../shared/cctv.types.ts';
import { placeIndex, placePath } from '../shared/placeTree.ts';
import { PackagesStep } from './PackagesStep.tsx';
import { RequestFiles } from './RequestFiles.tsx';
import { RequestStateBadge } from './RequestStateBadge.tsx';
import { DecisionStep, HandOverStep, HoldStep } from './RequestSteps.tsx';
import { decisionPdfUrl, useRequest } from './requests.queries.ts';

const STEP: Record<AccessRequest['state'], number> = { received: 1, hold_confirmed: 2, granted: 3, refused: 4, provided: 4 };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** R335-3: one application from receipt to the hand-over, with its hold, documents, decision and letter. */
export function RequestPage() {
  const { t } = useTranslation();
  const { requestId } = useParams();
  const { org } = useSession();
  const access = useCctvAccess();
  const orgId = org!.id;
  const request = useRequest(orgId, requestId!);
  const places = usePlaces(orgId);
  const r = request.data;
  const index = placeIndex(places.data ?? []);
  const placeNames = r ? r.placeIds.map((id) => placePath(index, id) || '…').join('; ') : '';

  return (
    <>
      <Anchor component={Link} to={`${CCTV_HOME}/requests`} size="sm">
        ← {t('cctv.requests.title')}
      </Anchor>
      {!r ? (
        <DataState query={{ isPending: request.isPending, error: request.error, data: undefined }} empty="">
          {() => null}
        </DataState>
      ) : (
        <>
          <PageHeader
            title={t('cctv.request.title', { number: r.number })}
            description={<RequestStateBadge state={r.state} />}
            actions={
              r.decidedAt && (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default">{t('cctv.request.letterPdf')}</Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item component="a" href={decisionPdfUrl(orgId, r.id, 'kk')} download>
                      {t('cctv.pdf.kk')}
                    </Menu.Item>
                    <Menu.Item component="a" href={decisionPdfUrl(orgId, r.id, 'ru')} download>
                      {t('cctv.pdf.ru')}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              )
            }
          />
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <Stepper active={STEP[r.state]} size="sm" color={r.state === 'refused' ? 'red' : 'teal'} allowNextStepsSelect={false}>
                <Stepper.Step label={t('cctv.request.step.received')} description={formatCalendarDate(r.receivedOn)} />
                <Stepper.Step
                  label={t('cctv.request.step.hold')}
                  description={r.holdConfirmedAt ? formatDate(r.holdConfirmedAt) : undefined}
                />
                <Stepper.Step
                  label={t('cctv.request.step.decision')}
                  description={r.decidedAt ? formatDate(r.decidedAt) : undefined}
                  color={r.state === 'refused' ? 'red' : undefined}
                />
                <Stepper.Step label={t('cctv.request.step.handOver')} description={r.providedAt ? formatDate(r.providedAt) : undefined} />
              </Stepper>
            </Paper>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Paper withBorder radius="md" p="md" h="100%">
                  <Title order={2} size="h4" mb="sm">
                    {t('cctv.request.facts')}
                  </Title>
                  <Stack gap="xs" data-testid="request-facts">
                    <Fact label={t('cctv.request.applicant')}>
                      {r.applicantName} · {t('cctv.request.iin', { iin: r.applicantIin })}
                    </Fact>
                    <Fact label={t('cctv.request.relationship')}>{t(`common:cctv.relationship.${r.relationship}`)}</Fact>
                    {r.applicantContact && <Fact label={t('cctv.request.contact')}>{r.applicantContact}</Fact>}
                    <Fact label={t('cctv.request.patient')}>
                      {r.patientName} · {t('cctv.request.iin', { iin: r.patientIin })}
                    </Fact>
                    <Fact label={t('cctv.request.dateOfDeath')}>{formatCalendarDate(r.dateOfDeath)}</Fact>
                    <Fact label={t('cctv.request.receivedOn')}>{formatCalendarDate(r.receivedOn)}</Fact>
                    <Fact label={t('cctv.request.period')}>
                      {formatDateTime(r.periodFrom)} – {formatDateTime(r.periodTo)}
                    </Fact>
                    <Fact label={t('cctv.request.places')}>{placeNames}</Fact>
                  </Stack>
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack gap="lg">
                  <Paper withBorder radius="md" p="md">
                    <Title order={2} size="h4" mb="sm">
                      {t('cctv.request.step.hold')}
                    </Title>
                    <HoldStep orgId={orgId} request={r} places={placeNames} keeper={access.keeper} />
                  </Paper>
                  <Paper withBorder radius="md" p="md">
                    <Title order={2} size="h4" mb="sm">
                      {t('cctv.request.step.decision')}
                    </Title>
                    <DecisionStep orgId={orgId} request={r} decide={access.decide} />
                  </Paper>
                  <Paper withBorder radius="md" p="md">
                    <Title order={2} size="h4" mb="sm">
                      {t('cctv.request.files')}
                    </Title>
                    <RequestFiles orgId={orgId} request={r} keeper={access.keeper} files={access.files} />
                  </Paper>
                  <Paper withBorder radius="md" p="md">
                    <Group justify="space-between" mb="sm">
                      <Title order={2} size="h4">
                        {t('cctv.request.step.handOver')}
                      </Title>
                    </Group>
                    <HandOverStep orgId={orgId} request={r} keeper={access.keeper} />
                  </Paper>
                  <Paper withBorder radius="md" p="md">
                    <Title order={2} size="h4" mb="sm">
                      {t('cctv.package.title')}
                    </Title>
                    <PackagesStep orgId={orgId} request={r} keeper={access.keeper} />
                  </Paper>
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        </>
      )}
    </>
  );
}
