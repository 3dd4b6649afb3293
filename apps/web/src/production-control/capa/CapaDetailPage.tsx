import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { ViolationStatusBadge } from '../shared/Words.tsx';
import { CapaKindBadge, CapaStatusBadge } from './CapaBadges.tsx';
import { CloseForm, DecisionForm, EvaluationForm, ManagementReportForm, MeasureDoneForm } from './CapaDecisionForms.tsx';
import { CauseForm, MeasureForm } from './CapaRecordForms.tsx';
import { namesIn, useCapa, type CapaDetail } from './capa.api.ts';

/** One CAPA: what it started from, the causes registered, measures and decisions, evaluations, closure (R315-21). */
export function CapaDetailPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { capaId } = useParams();
  const q = useCapa(org!.id, capaId!);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const c = q.data;
  return (
    <>
      <PageHeader
        title={`${c.number} — ${c.title}`}
        description={
          <Group gap="xs">
            <CapaKindBadge kind={c.kind} />
            <CapaStatusBadge status={c.status} />
            {c.round > 1 && <Badge variant="outline">{t('pc.capa.round', { round: c.round })}</Badge>}
            <Anchor component={Link} to={`${PC_HOME}/capa`} size="sm">
              {t('pc.capa.back')}
            </Anchor>
          </Group>
        }
      />
      <Stack gap="md">
        <Origin c={c} />
        <Causes c={c} />
        <Measures c={c} />
        <Evaluations c={c} />
      </Stack>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function Origin({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t(c.kind === 'corrective' ? 'pc.capa.violations' : 'pc.capa.source')}>
      <Text size="sm" c="dimmed">
        {[c.facilityName, c.unitName].filter(Boolean).join(' — ')} ·{' '}
        {t('pc.capa.openedBy', { name: c.openedBy.fullName, at: formatDateTime(c.openedAt) })}
      </Text>
      {c.violations.map((v) => (
        <Group key={v.id} gap="xs">
          <ViolationStatusBadge status={v.status} />
          <Anchor component={Link} to={`${PC_HOME}/violations/${v.id}`}>
            {v.description}
          </Anchor>
          <Text size="sm" c="dimmed">
            {formatDate(v.foundAt)}
          </Text>
        </Group>
      ))}
      {c.source && (
        <>
          <Text fw={600}>{t(`common:pc.capaSource.${c.source}`)}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{c.sourceDescription}</Text>
          {c.forecastDescription && (
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              {t('common:pc.capaField.forecastDescription')}: {c.forecastDescription}
            </Text>
          )}
        </>
      )}
    </Section>
  );
}

function Causes({ c }: { c: CapaDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('pc.capa.causes')}>
      {c.causes.length === 0 && <Text c="dimmed">{t('pc.capa.noCauses')}</Text>}
      {c.causes.map((x) => (
        <Stack key={x.id} gap={2} data-testid="capa-cause">
          <Text fw={600}>
            {x.code} · {x.category ? `${namesIn(x.category, i18n.language)} — ` : ''}
            {namesIn(x.name, i18n.language)}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{x.description}</Text>
          <Text size="xs" c="dimmed">
            {t('pc.capa.recordedBy', { name: x.recordedBy.fullName, at: formatDateTime(x.recordedAt) })}
          </Text>
        </Stack>
      ))}
      <CauseForm c={c} />
    </Section>
  );
}

function Measures({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  const decision = (id: string | null) => c.decisions.find((d) => d.id === id);
  return (
    <Section title={t('pc.capa.measures')}>
      {c.measures.length > 0 && (
        <Table data-testid="capa-measures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common:pc.capaField.description')}</Table.Th>
              <Table.Th>{t('common:pc.capaField.responsibleId')}</Table.Th>
              <Table.Th>{t('common:pc.capaField.dueOn')}</Table.Th>
              <Table.Th>{t('common:pc.capaField.resources')}</Table.Th>
              <Table.Th>{t('pc.capa.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.measures.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  {m.description}
                  {c.round > 1 && (
                    <Text size="xs" c="dimmed">
                      {t('pc.capa.round', { round: m.round })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{m.responsible.fullName}</Table.Td>
                <Table.Td>{formatDate(m.dueOn)}</Table.Td>
                <Table.Td>{m.resources}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`common:pc.capaMeasureStatus.${m.status}`)}</Text>
                  {decision(m.decisionId) && (
                    <Text size="xs" c="dimmed">
                      {t('pc.capa.byDecision', {
                        number: decision(m.decisionId)!.number,
                        on: formatDate(decision(m.decisionId)!.decidedOn),
                      })}
                    </Text>
                  )}
                  {m.summary && (
                    <Text size="xs">
                      {m.summary} ({m.doneBy?.fullName}, {m.doneAt && formatDate(m.doneAt)})
                    </Text>
                  )}
                  <MeasureDoneForm c={c} m={m} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <MeasureForm c={c} />
      <DecisionForm c={c} />
    </Section>
  );
}

function Evaluations({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('pc.capa.effectiveness')}>
      {c.evaluations.map((e) => (
        <Stack key={e.id} gap={2} data-testid="capa-evaluation">
          <Group gap="xs">
            <Badge color={e.effective ? 'teal' : 'red'}>{t(e.effective ? 'pc.capa.effective' : 'pc.capa.notEffective')}</Badge>
            <Text size="sm" c="dimmed">
              {t('pc.capa.round', { round: e.round })} ·{' '}
              {t('pc.capa.evaluatedBy', { name: e.evaluatedBy.fullName, at: formatDateTime(e.evaluatedAt) })}
            </Text>
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{e.conclusion}</Text>
        </Stack>
      ))}
      <EvaluationForm c={c} />
      {c.managementReports.map((r) => (
        <Text key={r.id} size="sm">
          {t('pc.capa.reportedToManagement', { name: r.reportedBy.fullName, at: formatDateTime(r.reportedAt) })}: {r.summary}
        </Text>
      ))}
      <ManagementReportForm c={c} />
      {c.closedAt && (
        <Text fw={600}>
          {t('pc.capa.closedBy', { name: c.closedBy?.fullName ?? '', at: formatDateTime(c.closedAt) })}
          {c.closingNote && ` — ${c.closingNote}`}
        </Text>
      )}
      <CloseForm c={c} />
    </Section>
  );
}
