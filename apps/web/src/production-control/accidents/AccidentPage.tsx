import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { AccidentDetail } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatCalendarDate, formatDateTime, todayInZone } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { hasRole } from '../../kernel/shell/access.ts';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { STATUS_COLOR } from './AccidentsPage.tsx';
import { actFileUrl, useAccident, useAccidentSteps } from './accidents.queries.ts';
import { ActForm, CommissionForm, ExtraordinaryForm } from './InvestigationForms.tsx';

/** One entry of the register (R315-4): what happened, the commission, the act with its file and measures, the extraordinary inspection (R315-8). */
export function AccidentPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { accidentId } = useParams();
  const query = useAccident(org!.id, accidentId!);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <PageLoader />;
  const a = query.data;
  return (
    <>
      <PageHeader
        title={`${a.number} · ${t(`pc.accidents.kind.${a.kind}`)}`}
        description={`${a.facilityName}${a.unitName ? ` — ${a.unitName}` : ''} · ${formatDateTime(a.occurredAt)}`}
        actions={
          <Badge size="lg" color={STATUS_COLOR[a.status]} variant="light" data-testid="accident-status">
            {t(`common:pc.accidentStatus.${a.status}`)}
          </Badge>
        }
      />
      <Stack gap="md" maw={900}>
        <Facts a={a} />
        <Investigation a={a} />
        <Extraordinary a={a} />
      </Stack>
    </>
  );
}

function Facts({ a }: { a: AccidentDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Text>
          <b>{t('common:pc.regField.place')}:</b> {a.place}
        </Text>
        <Text>{a.description}</Text>
        {a.consequences && (
          <Text>
            <b>{t('common:pc.regField.consequences')}:</b> {a.consequences}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('pc.accidents.victims', { injured: a.injured, fatalities: a.fatalities })} ·{' '}
          {t('pc.accidents.registeredBy', { name: a.registeredByName, at: formatDateTime(a.registeredAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

function Investigation({ a }: { a: AccidentDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const investigator = hasRole(org!, ['head', 'pc_service_head']);
  const inv = a.investigation;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('pc.accidents.investigation')}
      </Title>
      {!inv &&
        (investigator ? <CommissionForm orgId={org!.id} accidentId={a.id} /> : <Text c="dimmed">{t('pc.accidents.noCommission')}</Text>)}
      {inv && (
        <Stack gap="sm">
          <Text>{t('pc.accidents.order', { number: inv.orderNumber, date: formatCalendarDate(inv.orderDate) })}</Text>
          <Table data-testid="commission">
            <Table.Tbody>
              {inv.commission.map((m) => (
                <Table.Tr key={`${m.fullName}-${m.role}`}>
                  <Table.Td>{t(`pc.accidents.role.${m.role}`)}</Table.Td>
                  <Table.Td>{m.fullName}</Table.Td>
                  <Table.Td>{m.position}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {inv.actFile && (
            <Anchor href={actFileUrl(org!.id, a.id)} target="_blank" data-testid="act-file">
              {t('pc.accidents.actFile', { name: inv.actFile.fileName })}
            </Anchor>
          )}
          {inv.actNumber ? (
            <>
              <Text>{t('pc.accidents.act', { number: inv.actNumber, date: formatCalendarDate(inv.actDate) })}</Text>
              <Text>
                <b>{t('common:pc.regField.causes')}:</b> {inv.causes}
              </Text>
              <Measures a={a} />
            </>
          ) : (
            investigator && <ActForm orgId={org!.id} accidentId={a.id} hasFile={!!inv.actFile} />
          )}
        </Stack>
      )}
    </Paper>
  );
}

function Measures({ a }: { a: AccidentDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const { measureDone } = useAccidentSteps(org!.id, a.id);
  const [day, setDay] = useState(todayInZone());
  return (
    <Stack gap="xs">
      <ErrorAlert error={measureDone.error} />
      <Table data-testid="measures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common:pc.regField.measure')}</Table.Th>
            <Table.Th>{t('common:pc.regField.responsible')}</Table.Th>
            <Table.Th>{t('common:pc.regField.dueOn')}</Table.Th>
            <Table.Th>{t('common:pc.regField.doneOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.measures.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.measure}</Table.Td>
              <Table.Td>{m.responsible}</Table.Td>
              <Table.Td>{formatCalendarDate(m.dueOn)}</Table.Td>
              <Table.Td>
                {m.doneOn ? (
                  <Badge color="green">{formatCalendarDate(m.doneOn)}</Badge>
                ) : access.inspect ? (
                  <Group gap="xs" wrap="nowrap">
                    <TextInput
                      type="date"
                      size="xs"
                      value={day}
                      onChange={(e) => setDay(e.currentTarget.value)}
                      aria-label={t('common:pc.regField.doneOn')}
                    />
                    <Button size="xs" loading={measureDone.isPending} onClick={() => measureDone.mutate({ measureId: m.id, doneOn: day })}>
                      {t('pc.accidents.markDone')}
                    </Button>
                  </Group>
                ) : (
                  <Badge color={m.dueOn < todayInZone() ? 'red' : 'gray'} variant="light">
                    {t('pc.accidents.open')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Extraordinary({ a }: { a: AccidentDetail }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  if (a.kind === 'incident') return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('pc.accidents.extraordinary')}
      </Title>
      {a.extraordinaryInspectionId ? (
        <Anchor component={Link} to={`${PC_HOME}/inspections/${a.extraordinaryInspectionId}`} data-testid="extraordinary-link">
          {t('pc.accidents.openInspection')}
        </Anchor>
      ) : access.firstHead ? (
        <ExtraordinaryForm orgId={org!.id} accident={a} />
      ) : (
        <Text c="dimmed">{t('pc.accidents.noInspection')}</Text>
      )}
    </Paper>
  );
}
