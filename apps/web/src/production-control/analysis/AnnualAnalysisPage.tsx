import { ActionIcon, Alert, Button, Card, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { AnalysisDirection } from '@baqylau/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { hasRole } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PdfMenu } from '../instructions/words.tsx';
import { PC_HOME } from '../navigation.ts';
import { analysisPdfUrl, useAnnualAnalysis, usePresentAnalysis } from './analysis.api.ts';
import { VersionLine } from './AnalysisVersions.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric' }).format(new Date()));

/** R315-20: the year's analysis — indicators per official, results per place, directions; presented, approved, PDF in kk and ru. */
export function AnnualAnalysisPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  const [year, setYear] = useState(years[1]!);
  const analysis = useAnnualAnalysis(orgId, year);
  const present = usePresentAnalysis(orgId);
  const f = analysis.data?.figures;
  const versions = analysis.data?.versions ?? [];
  const [directions, setDirections] = useState<AnalysisDirection[]>([]);
  const latestId = versions[0]?.id;
  // The editor starts from the latest presented directions (a new version changes what needs changing).
  useEffect(() => setDirections(versions[0]?.directions ?? [{ title: '', text: '' }]), [latestId, year]);
  const service = hasRole(org, ['pc_service_head', 'pc_official']);
  const set = (i: number, d: Partial<AnalysisDirection>) => setDirections((ds) => ds.map((x, j) => (j === i ? { ...x, ...d } : x)));
  return (
    <>
      <PageHeader
        title={t('pc.analysis.title')}
        description={t('pc.analysis.description')}
        actions={
          <Group gap="xs">
            <Select
              aria-label={t('pc.analysis.year')}
              data={years.map((y) => ({ value: String(y), label: String(y) }))}
              value={String(year)}
              onChange={(v) => v && setYear(Number(v))}
              allowDeselect={false}
              w={110}
            />
            {!versions.length && <PdfMenu label={t('pc.report.draftPdf')} url={(l) => analysisPdfUrl(orgId, year, l)} />}
            {hasRole(org, ['head', 'pc_service_head']) && (
              <Button variant="default" component={Link} to={`${PC_HOME}/analysis/indicators`}>
                {t('pc.analysis.indicators')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={analysis.error ?? present.error} />
        {f && (
          <>
            <Title order={2} size="h4">
              {t('common:pc.doc.analysis.organisation')}
            </Title>
            <IndicatorTable f={f} />
            <Title order={2} size="h4">
              {t('common:pc.doc.analysis.results')}
            </Title>
            <Paper withBorder radius="md">
              <Table verticalSpacing="xs" data-testid="analysis-places">
                <Table.Thead>
                  <Table.Tr>
                    {['place', 'planned', 'scheduled', 'extraordinary', 'comprehensive', 'violations', 'dangerous', 'issued'].map((c) => (
                      <Table.Th key={c}>{t(`common:pc.doc.monthly.col.${c}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {f.places.map((p) => (
                    <Table.Tr key={`${p.facilityId}/${p.unitId ?? ''}`}>
                      <Table.Td>{p.unit ? `${p.facility} — ${p.unit}` : p.facility}</Table.Td>
                      {[
                        p.planned,
                        p.inspected.scheduled,
                        p.inspected.extraordinary,
                        p.inspected.comprehensive,
                        p.violationsFound,
                        p.dangerousFound,
                        p.instructionsIssued,
                      ].map((n, i) => (
                        <Table.Td key={i}>{n}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Card withBorder radius="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('common:pc.doc.analysis.directions')}
                </Title>
                {directions.map((d, i) => (
                  <Group key={i} align="flex-start" wrap="nowrap">
                    <Stack gap={4} style={{ flex: 1 }}>
                      <TextInput
                        placeholder={t('pc.analysis.directionTitle')}
                        value={d.title}
                        readOnly={!service}
                        onChange={(e) => set(i, { title: e.currentTarget.value })}
                      />
                      <Textarea
                        autosize
                        minRows={2}
                        value={d.text}
                        readOnly={!service}
                        onChange={(e) => set(i, { text: e.currentTarget.value })}
                      />
                    </Stack>
                    {service && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('pc.analysis.removeDirection')}
                        onClick={() => setDirections((ds) => ds.filter((_, j) => j !== i))}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                {service && (
                  <Group>
                    <Button variant="default" onClick={() => setDirections((ds) => [...ds, { title: '', text: '' }])}>
                      {t('pc.analysis.addDirection')}
                    </Button>
                    {year >= thisYear() ? (
                      <Alert variant="light" color="gray">
                        {t('pc.analysis.notOver')}
                      </Alert>
                    ) : (
                      <Button
                        loading={present.isPending}
                        onClick={() => present.mutate({ year, directions })}
                        data-testid="analysis-present"
                      >
                        {versions.length ? t('pc.report.presentAgain') : t('pc.report.present')}
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Card>
            <Card withBorder radius="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('pc.report.versions')}
                </Title>
                {versions.length === 0 && <Text c="dimmed">{t('pc.analysis.notPresented')}</Text>}
                {versions.map((v, i) => (
                  <VersionLine key={v.id} v={v} latest={i === 0} />
                ))}
              </Stack>
            </Card>
          </>
        )}
      </Stack>
    </>
  );
}
