import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { evidenceUrl, type Instruction, type InstructionItem } from './instructions.api.ts';
import { AgreementForm, ReportForm, SettlementForm, VerificationForm } from './ItemForms.tsx';
import { AgreementBadge, ViolationStatusBadge } from './words.tsx';

export interface ItemRights {
  me: string;
  firstHead: boolean;
  verifier: boolean;
}

/** One item: the violation with its reference, the measure, performer and deadline, its agreement, evidence and history, and the step the viewer may take. */
export function ItemCard({
  orgId,
  instruction: i,
  item: it,
  rights,
}: {
  orgId: string;
  instruction: Instruction;
  item: InstructionItem;
  rights: ItemRights;
}) {
  const { t } = useTranslation();
  const inForce = i.status === 'issued';
  const isUnitHead = i.unitHead?.id === rights.me;
  const props = { orgId, instructionId: i.id, itemId: it.id };
  return (
    <Paper withBorder radius="md" p="md" data-testid={`item-${it.position}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Text fw={700}>
            № {it.position}. {it.description}
          </Text>
          <Group gap={6}>
            <ViolationStatusBadge status={it.status} overdue={it.overdue} />
            <AgreementBadge agreement={it.agreement} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('pc.instr.reference')}: {it.reference.act}, {it.reference.point}
        </Text>
        <Text size="sm">
          <b>{t('pc.instr.measure')}:</b> {it.measure}
        </Text>
        <Text size="sm">
          <b>{t('pc.instr.performer')}:</b> {it.performer.fullName}
          {it.performerOrder && ` · ${t('pc.instr.byOrder', { number: it.performerOrder.number })}`}
          {it.awaitingPerformersOrder && ` · ${t('pc.instr.awaitingOrder')}`}
        </Text>
        <Text size="sm">
          <b>{t('pc.instr.deadline')}:</b> {formatCalendarDate(it.deadline)}
        </Text>
        {it.proposedDeadline && (
          <Text size="sm" c="red.8">
            {t('pc.instr.disputed', { date: formatCalendarDate(it.proposedDeadline), reason: it.disagreementReason ?? '' })}
          </Text>
        )}
        {it.settledBy && (
          <Text size="sm" c="teal.8">
            {t('pc.instr.settledBy', { name: it.settledBy.fullName, note: it.settlementNote ?? '' })}
          </Text>
        )}
        {it.evidence.length > 0 && (
          <Group gap="sm">
            {it.evidence.map((e) => (
              <Anchor key={e.id} size="sm" href={evidenceUrl(orgId, i.id, it.id, e.id)} target="_blank">
                {e.fileName}
              </Anchor>
            ))}
          </Group>
        )}
        {it.history.length > 1 && (
          <Stack gap={0}>
            {it.history.map((h, n) => (
              <Text key={n} size="xs" c="dimmed">
                {formatDateTime(h.at)} · {t(`common:pc.instr.event.${h.kind}`)} · {h.actor.fullName}
                {h.note ? ` — ${h.note}` : ''}
              </Text>
            ))}
          </Stack>
        )}
        {inForce && isUnitHead && it.agreement === 'pending' && <AgreementForm {...props} />}
        {inForce && rights.firstHead && it.agreement === 'disputed' && <SettlementForm {...props} proposed={it.proposedDeadline} />}
        {inForce && rights.verifier && it.status === 'measure_reported' && <VerificationForm {...props} />}
        {inForce && (it.performer.id === rights.me || isUnitHead) && it.status === 'open' && !it.awaitingPerformersOrder && (
          <ReportForm {...props} evidence={it.evidence.length} />
        )}
      </Stack>
    </Paper>
  );
}
