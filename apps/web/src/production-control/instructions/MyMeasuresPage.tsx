import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { useMyMeasures } from './instructions.api.ts';
import { ReportForm } from './ItemForms.tsx';
import { ViolationStatusBadge } from './words.tsx';

/** "My measures" (phone first): each open item I perform, or answer for as the unit head, with a photo and "done" at hand (R315-27). */
export function MyMeasuresPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const measures = useMyMeasures(orgId);
  return (
    <>
      <PageHeader title={t('pc.instr.myMeasures')} description={t('pc.instr.myMeasuresDescription')} />
      <DataState query={measures} empty={t('pc.instr.myMeasuresEmpty')}>
        {(rows) => (
          <Stack gap="md" data-testid="my-measures">
            {rows.map((m) => (
              <Card key={m.itemId} withBorder radius="md" p="md" data-testid={`measure-${m.instructionNumber}-${m.position}`}>
                <Stack gap={6}>
                  <Group justify="space-between" wrap="wrap">
                    <Anchor component={Link} to={`${PC_HOME}/instructions/${m.instructionId}`} fw={700}>
                      № {m.instructionNumber} · {m.position}
                    </Anchor>
                    <ViolationStatusBadge status={m.status} overdue={m.overdue} />
                  </Group>
                  <Text size="sm">{m.description}</Text>
                  <Text size="sm">
                    <b>{t('pc.instr.measure')}:</b> {m.measure}
                  </Text>
                  <Text size="sm" c={m.overdue ? 'red.8' : undefined}>
                    <b>{t('pc.instr.deadline')}:</b> {formatCalendarDate(m.deadline)}
                  </Text>
                  {m.awaitingPerformersOrder ? (
                    <Text size="sm" c="dimmed">
                      {t('pc.instr.awaitingOrder')}
                    </Text>
                  ) : m.status === 'open' ? (
                    <ReportForm orgId={orgId} instructionId={m.instructionId} itemId={m.itemId} evidence={m.evidence} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('pc.instr.awaitingVerification')}
                    </Text>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </DataState>
    </>
  );
}
