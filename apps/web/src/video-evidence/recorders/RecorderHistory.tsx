import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import type { RecorderHistoryItem } from './recorders.queries.ts';

interface Payload {
  note?: string;
  reason?: string;
  description?: string;
  number?: number;
  inspectorName?: string;
  batteryPercent?: number;
  returnCondition?: string | null;
  strikeReason?: string | null;
  journalEntryNumber?: number | null;
}

/** What a person wants to read under each step: who had it, which entry, what was written. */
function detailOf(h: RecorderHistoryItem, t: (k: string, o?: Record<string, unknown>) => string): string {
  const p = (h.payload ?? {}) as Payload;
  if (h.action.startsWith('journal.') && p.number !== undefined) {
    const parts = [t('recorders.history.entry', { number: p.number, name: p.inspectorName ?? '' })];
    if (h.action === 'journal.recorder_issued' || h.action === 'journal.entry_corrected')
      parts.push(t('journal.note.battery', { battery: p.batteryPercent ?? 0 }));
    if (h.action === 'journal.recorder_returned' && p.returnCondition) parts.push(t(`journal.condition.${p.returnCondition}`));
    if (h.action === 'journal.entry_struck' && p.strikeReason) parts.push(p.strikeReason);
    return parts.join(' · ');
  }
  return p.description ?? p.note ?? p.reason ?? '';
}

export function RecorderHistory({ history }: { history: RecorderHistoryItem[] }) {
  const { t, i18n } = useTranslation();
  const label = (action: string) => (i18n.exists(`common:action.${action}`) ? t(`common:action.${action}`) : action);
  const items = [...history].reverse();
  return (
    <Timeline active={items.length} bulletSize={14} lineWidth={2} data-testid="recorder-history">
      {items.map((h) => (
        <Timeline.Item key={h.seq} title={label(h.action)} color={h.action.includes('breakage') ? 'red' : 'teal'}>
          <Text size="xs" c="dimmed">
            {formatDateTime(h.recordedAt)}
          </Text>
          {detailOf(h, t) && <Text size="sm">{detailOf(h, t)}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
