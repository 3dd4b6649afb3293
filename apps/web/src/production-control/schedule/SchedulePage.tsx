import { Alert, Badge, Button, Group, Menu, Modal, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate, formatDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { ItemForm } from './ItemForm.tsx';
import { MonthCalendar } from './MonthCalendar.tsx';
import { printUrl, useSchedule, useScheduleActions, useSchedules } from './schedule.queries.ts';

/** R315-7: the yearly schedule — its revisions, lines (list or month calendar), approval by the first head, print. */
export function SchedulePage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const access = usePcAccess();
  const orgId = org!.id;
  const thisYear = new Date().getFullYear();
  // The year is in the address (`?year=2027`), so a link or a reload keeps it.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear;
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const [chosen, setChosen] = useState<string | null>(null);
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [month, setMonth] = useState(new Date().getMonth() + 1);
  const [adding, setAdding] = useState(false);
  const schedules = useSchedules(orgId);
  const revisions = (schedules.data ?? []).filter((s) => s.year === year);
  const current = revisions.find((s) => s.id === chosen) ?? revisions[0];
  const detail = useSchedule(orgId, current?.id ?? null);
  const act = useScheduleActions(orgId);
  const error = act.create.error ?? act.approve.error ?? act.revise.error ?? act.removeItem.error;
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, ...(schedules.data ?? []).map((s) => s.year)])].sort();
  const draft = current?.status === 'draft';
  const statusColor = { draft: 'yellow', approved: 'teal', superseded: 'gray' } as const;

  return (
    <>
      <PageHeader
        title={t('pc.schedule.title')}
        description={t('pc.schedule.description')}
        actions={
          current && (
            <Menu>
              <Menu.Target>
                <Button variant="default">{t('pc.schedule.print')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={printUrl(orgId, current.id, 'kk')} download>
                  {t('pc.schedule.printKk')}
                </Menu.Item>
                <Menu.Item component="a" href={printUrl(orgId, current.id, 'ru')} download>
                  {t('pc.schedule.printRu')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <Select
            aria-label={t('pc.schedule.year')}
            allowDeselect={false}
            w={110}
            data={years.map(String)}
            value={String(year)}
            onChange={(v) => {
              setYear(Number(v));
              setChosen(null);
            }}
          />
          {revisions.length > 0 && (
            <Select
              aria-label={t('pc.schedule.revision')}
              allowDeselect={false}
              w={260}
              data={revisions.map((s) => ({
                value: s.id,
                label: `${t('pc.schedule.revisionNo', { revision: s.revision })} · ${t(`pc.schedule.status_${s.status}`)}`,
              }))}
              value={current?.id ?? null}
              onChange={setChosen}
            />
          )}
          {current && (
            <Badge color={statusColor[current.status]} variant="light" size="lg">
              {t(`pc.schedule.status_${current.status}`)}
              {current.approvedAt ? ` ${formatDate(current.approvedAt)}` : ''}
            </Badge>
          )}
        </Group>
        {error ? <ErrorAlert error={error} /> : null}
        {!schedules.isPending && !current && (
          <Alert variant="light">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{t('pc.schedule.none', { year })}</Text>
              {access.organise && (
                <Button size="xs" loading={act.create.isPending} onClick={() => act.create.mutate(year)}>
                  {t('pc.schedule.start', { year })}
                </Button>
              )}
            </Group>
          </Alert>
        )}
        {current && (
          <Group gap="sm" wrap="wrap">
            <SegmentedControl
              data={[
                { value: 'list', label: t('pc.schedule.viewList') },
                { value: 'calendar', label: t('pc.schedule.viewCalendar') },
              ]}
              value={view}
              onChange={(v) => setView(v as 'list' | 'calendar')}
            />
            {draft && access.organise && <Button onClick={() => setAdding(true)}>{t('pc.item.add')}</Button>}
            {draft && access.firstHead && (
              <Button color="teal" loading={act.approve.isPending} onClick={() => act.approve.mutate(current.id)} data-testid="pc-approve">
                {t('pc.schedule.approve')}
              </Button>
            )}
            {current.status === 'approved' && access.organise && (
              <Button
                variant="default"
                loading={act.revise.isPending}
                onClick={async () => setChosen((await act.revise.mutateAsync(current.id)).id)}
              >
                {t('pc.schedule.revise')}
              </Button>
            )}
          </Group>
        )}
        {current && draft && !access.firstHead && (
          <Text size="sm" c="dimmed">
            {t('pc.schedule.approvalHint')}
          </Text>
        )}
        {current && view === 'calendar' && detail.data && (
          <MonthCalendar year={year} month={month} onMonth={setMonth} items={detail.data.items} />
        )}
        {current && view === 'list' && (
          <Paper withBorder radius="md">
            <DataState query={{ ...detail, data: detail.data?.items }} empty={t('pc.schedule.empty')}>
              {(items) => (
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('common:pc.field.plannedOn')}</Table.Th>
                        <Table.Th>{t('common:pc.field.facilityId')}</Table.Th>
                        <Table.Th>{t('common:pc.field.kind')}</Table.Th>
                        <Table.Th>{t('common:pc.field.checklistId')}</Table.Th>
                        <Table.Th>{t('common:pc.field.responsibleOfficialId')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((i) => (
                        <Table.Tr key={i.id} data-testid="pc-schedule-item">
                          <Table.Td>
                            <Text size="sm" fw={600} c={i.overdue ? 'red.8' : undefined}>
                              {formatCalendarDate(i.plannedOn)}
                            </Text>
                            {i.overdue && (
                              <Badge color="red" size="xs">
                                {t('pc.schedule.overdue')}
                              </Badge>
                            )}
                            {i.done && (
                              <Badge color="teal" size="xs">
                                {t('pc.schedule.done')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {i.facilityName}
                            {i.unitName ? ` — ${i.unitName}` : ''}
                          </Table.Td>
                          <Table.Td>{t(`common:pc.inspectionKind.${i.kind}`)}</Table.Td>
                          <Table.Td>{i.checklistTitle}</Table.Td>
                          <Table.Td>{i.responsibleName}</Table.Td>
                          <Table.Td>
                            {current.status === 'approved' && !i.done && access.inspect && (
                              <Button
                                size="compact-xs"
                                variant="light"
                                component={Link}
                                to={`${PC_HOME}/inspections/start?scheduleItemId=${i.id}`}
                                data-testid="pc-start-inspection"
                              >
                                {t('pc.schedule.startInspection')}
                              </Button>
                            )}
                            {draft && access.organise && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                onClick={() => act.removeItem.mutate({ scheduleId: current.id, itemId: i.id })}
                              >
                                {t('pc.item.remove')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </DataState>
          </Paper>
        )}
      </Stack>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('pc.item.addTitle')} size="lg">
        {current && <ItemForm orgId={orgId} scheduleId={current.id} year={current.year} onDone={() => setAdding(false)} />}
      </Modal>
    </>
  );
}
